import type { Actor } from "@/lib/auth/session";
import type { ProposalStatus } from "@/lib/db/generated/enums";
import { measureCodeSchema } from "@/lib/plan/plan.schemas";
import type { Db } from "@/lib/plan/plan-read";
import { excerpt } from "@/lib/text/excerpt";
import { changedKeys, deciderName, deciderSelect, findDecisionRevision, measureNotFound, valuesOf } from "./decision-revision";
import { requireDecider } from "./decisions.policy";
import type { DecisionValueKey, DecisionValues } from "./decisions.schemas";
import { type DecisionReview, type ReviewMeasure, readReview } from "./get-decision-review";

export interface DecisionProposalView {
  id: string;
  title: string;
  excerpt: string;
  status: ProposalStatus;
  answer: string | null;
  proposed: { timing: string | null; budgetCents: bigint | null; fundingSource: string | null; department: string | null };
}

export interface DecisionHistoryEntry {
  version: number;
  decidedAt: Date;
  decidedBy: string | null;
  publishedAt: Date | null;
  values: DecisionValues;
  /** What changed from the previous version (the first: from the revision's fields). */
  changes: { field: DecisionValueKey; before: DecisionValues[DecisionValueKey]; after: DecisionValues[DecisionValueKey] }[];
}

export type MeasureDecision = Omit<DecisionReview, "axes"> & {
  axis: { number: number; title: string };
  measure: ReviewMeasure;
  proposals: DecisionProposalView[];
  /** Oldest first. */
  history: DecisionHistoryEntry[];
};

/**
 * One measure of the officials' review (`address` plan slug and revision number, `code` the measure's
 * code): what the review shows for it, the proposals of the round about its decision fields (not
 * hidden, not withdrawn: title, excerpt, status, answer, proposed values), the option lists and the
 * history of its decision — every version, who and when, published or not, and what changed. Deciders
 * only; NOT_FOUND for an unknown revision or a measure not in it.
 */
export async function getMeasureDecision(db: Db, actor: Actor | null, address: unknown, code: unknown): Promise<MeasureDecision> {
  requireDecider(actor);
  const found = await findDecisionRevision(db, address);
  const parsedCode = measureCodeSchema.safeParse(code);
  if (!parsedCode.success) throw measureNotFound();
  const measureRow = await db.measure.findUnique({ where: { planId_code: { planId: found.plan.id, code: parsedCode.data } }, select: { id: true } });
  if (!measureRow) throw measureNotFound();
  const review = await readReview(db, actor, found, measureRow.id);
  const axis = review.axes[0];
  const measure = axis?.measures[0];
  if (!axis || !measure) throw measureNotFound();

  const [proposals, versions] = await Promise.all([
    review.round
      ? db.proposal.findMany({
          where: { roundId: review.round.id, measureId: measure.id, kind: "DECISION_FIELDS", moderation: { not: "HIDDEN" }, status: { not: "WITHDRAWN" } },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          select: { id: true, title: true, rationale: true, status: true, answer: true, proposedTiming: true, proposedBudgetCents: true, proposedFundingSource: true, proposedDepartment: true },
        })
      : [],
    db.decision.findMany({ where: { revisionId: review.revision.id, measureId: measure.id }, orderBy: { version: "asc" }, include: { decidedBy: deciderSelect } }),
  ]);

  let previous = measure.revisionFields;
  const history = versions.map((version): DecisionHistoryEntry => {
    const values = valuesOf(version);
    const changes = changedKeys(previous, values).map((field) => ({ field, before: previous[field], after: values[field] }));
    previous = values;
    return { version: version.version, decidedAt: version.decidedAt, decidedBy: deciderName(version.decidedBy), publishedAt: version.publishedAt, values, changes };
  });

  const { axes: _axes, ...rest } = review;
  return {
    ...rest,
    axis: { number: axis.number, title: axis.title },
    measure,
    proposals: proposals.map((proposal) => ({
      id: proposal.id,
      title: proposal.title,
      excerpt: excerpt(proposal.rationale, 240, { flatten: true }),
      status: proposal.status,
      answer: proposal.answer,
      proposed: { timing: proposal.proposedTiming, budgetCents: proposal.proposedBudgetCents, fundingSource: proposal.proposedFundingSource, department: proposal.proposedDepartment },
    })),
    history,
  };
}
