import type { Actor } from "@/lib/auth/session";
import type { RevisionStatus, RoundStatus } from "@/lib/db/generated/enums";
import type { Db } from "@/lib/plan/plan-read";
import { getRoundDashboard } from "@/lib/synthesis/get-round-dashboard";
import { excerpt } from "@/lib/text/excerpt";
import { type DecisionRevision, changedKeys, deciderName, deciderSelect, findDecisionRevision, valuesOf } from "./decision-revision";
import { decisionFieldsSelect } from "@/lib/plan/plan-read";
import { requireDecider } from "./decisions.policy";
import type { DecisionValues } from "./decisions.schemas";
import { type DecisionOptionLists, readDecisionOptions } from "./list-decision-options";

/** Aggregated feedback on a measure from the round shown (getRoundDashboard: all sources together). */
export interface MeasureFeedback {
  support: number;
  oppose: number;
  abstain: number;
  votes: number;
  meanPriority: number | null;
  comments: number;
  proposals: number;
}

export interface ReviewMeasure {
  id: string;
  code: string;
  text: string;
  excerpt: string;
  /** The current decision's values, or the revision's own fields without one. */
  fields: DecisionValues;
  /** The revision's own fields (the base of the first version). */
  revisionFields: DecisionValues;
  /** Current decision version; 0 without a decision (the form's expectedVersion). */
  version: number;
  decidedAt: Date | null;
  decidedBy: string | null;
  publishedAt: Date | null;
  /** The current decision differs from the revision's fields (note aside). */
  differs: boolean;
  /** Null for a measure the round did not consult (new in a draft), or without a round. */
  feedback: MeasureFeedback | null;
  /** Proposals about this measure's decision fields in the round shown (not hidden, not withdrawn). */
  decisionProposals: number;
}

export interface DecisionReview {
  plan: { slug: string; title: string };
  revision: { id: string; number: number; status: RevisionStatus; publishedAt: Date | null; editable: boolean; publishesAtOnce: boolean };
  /** The round whose feedback is shown: a draft's round, or the latest round that consulted a published revision. */
  round: { id: string; title: string; status: RoundStatus } | null;
  options: DecisionOptionLists;
  axes: { id: string; number: number; title: string; measures: ReviewMeasure[] }[];
}

/**
 * The officials' review of a revision's decisions (`address`: plan slug and revision number; a draft
 * or a published revision): each measure by axis with its current decision and who made it, whether
 * it differs from the revision, the aggregated feedback of the round shown (the synthesis dashboard's
 * figures) and how many proposals ask for decision values. Deciders only (FORBIDDEN otherwise).
 */
export async function getDecisionReview(db: Db, actor: Actor | null, address: unknown): Promise<DecisionReview> {
  requireDecider(actor);
  const found = await findDecisionRevision(db, address);
  return readReview(db, actor, found);
}

/** The review, optionally of one measure only (its page). */
export async function readReview(db: Db, actor: Actor | null, found: DecisionRevision, onlyMeasureId?: string): Promise<DecisionReview> {
  const revisionId = found.revision.id;
  const round =
    found.revision.status === "DRAFT"
      ? found.revision.fromRound
      : await db.round.findFirst({ where: { revisionId }, orderBy: [{ opensAt: "desc" }, { id: "desc" }], select: { id: true, title: true, status: true } });
  const measureFilter = onlyMeasureId ? { measureId: onlyMeasureId } : {};
  const [axisVersions, versions, decisions, options, dashboard, proposalCounts] = await Promise.all([
    db.axisVersion.findMany({ where: { revisionId }, orderBy: { position: "asc" }, select: { axisId: true, title: true, axis: { select: { number: true } } } }),
    db.measureVersion.findMany({ where: { revisionId, ...measureFilter }, orderBy: { position: "asc" }, select: { measureId: true, text: true, ...decisionFieldsSelect, measure: { select: { code: true, axisId: true } } } }),
    db.decision.findMany({ where: { revisionId, ...measureFilter }, orderBy: [{ measureId: "asc" }, { version: "desc" }], distinct: ["measureId"], include: { decidedBy: deciderSelect } }),
    readDecisionOptions(db),
    round ? getRoundDashboard(db, actor, round.id) : null,
    round
      ? db.proposal.groupBy({ by: ["measureId"], where: { roundId: round.id, kind: "DECISION_FIELDS", moderation: { not: "HIDDEN" }, status: { not: "WITHDRAWN" }, ...measureFilter }, _count: { _all: true } })
      : [],
  ]);
  const decisionOf = new Map(decisions.map((decision) => [decision.measureId, decision]));
  const feedbackOf = new Map((dashboard?.measures ?? []).map((measure) => [measure.measureId, measure]));
  const proposalsOf = new Map(proposalCounts.map((row) => [row.measureId, row._count._all]));

  const measures = versions.map((version): ReviewMeasure & { axisId: string } => {
    const decision = decisionOf.get(version.measureId);
    const revisionFields = valuesOf(version);
    const fields = decision ? valuesOf(decision) : revisionFields;
    const dashboardMeasure = feedbackOf.get(version.measureId);
    return {
      id: version.measureId,
      axisId: version.measure.axisId,
      code: version.measure.code,
      text: version.text,
      excerpt: excerpt(version.text, 140, { flatten: true }),
      fields,
      revisionFields,
      version: decision?.version ?? 0,
      decidedAt: decision?.decidedAt ?? null,
      decidedBy: decision ? deciderName(decision.decidedBy) : null,
      publishedAt: decision?.publishedAt ?? null,
      differs: changedKeys(revisionFields, fields, { withNote: false }).length > 0,
      feedback: dashboardMeasure
        ? {
            support: dashboardMeasure.total.support,
            oppose: dashboardMeasure.total.oppose,
            abstain: dashboardMeasure.total.abstain,
            votes: dashboardMeasure.total.total,
            meanPriority: dashboardMeasure.total.meanPriority,
            comments: dashboardMeasure.comments,
            proposals: dashboardMeasure.proposals,
          }
        : null,
      decisionProposals: proposalsOf.get(version.measureId) ?? 0,
    };
  });

  return {
    plan: { slug: found.plan.slug, title: found.plan.title },
    revision: { id: revisionId, number: found.revision.number, status: found.revision.status, publishedAt: found.revision.publishedAt, editable: found.editable, publishesAtOnce: found.publishesAtOnce },
    round: round ?? null,
    options,
    axes: axisVersions
      .map((axis) => ({ id: axis.axisId, number: axis.axis.number, title: axis.title, measures: measures.filter((measure) => measure.axisId === axis.axisId).map(({ axisId: _axisId, ...measure }) => measure) }))
      .filter((axis) => !onlyMeasureId || axis.measures.length > 0),
  };
}
