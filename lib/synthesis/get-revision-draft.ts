import type { PrismaClient } from "@/lib/db/client";
import type { RevisionChangeKind, RevisionStatus, RoundStatus } from "@/lib/db/generated/enums";
import type { Actor } from "@/lib/auth/session";
import { findRound } from "@/lib/rounds/get-round";
import { effectiveRoundStatus } from "@/lib/rounds/round-window";
import { excerpt } from "@/lib/text/excerpt";
import { type LinkCandidates, type LinkTarget, loadLinkCandidates } from "./link-candidates";
import { decisionOf } from "./record-revision-change";
import { SYNTHESIS_EDITORS, requireSynthesisViewer } from "./synthesis.policy";
import type { DecisionFields } from "./synthesis.schemas";

export interface DraftMeasureView {
  measureId: string;
  code: string;
  text: string;
  decision: DecisionFields;
  /** The consulted revision's version; null for a measure added in the draft. */
  consulted: { text: string; decision: DecisionFields } | null;
  /** The kinds of change recorded for this measure (to mark it in the workbench). */
  changeKinds: RevisionChangeKind[];
}

export interface DraftAxisView {
  axisId: string;
  number: number;
  title: string;
  resultsIntro: string;
  resultsBullets: string[];
  consulted: { title: string; resultsIntro: string; resultsBullets: string[] } | null;
  /** The draft's measures of the axis, in order. */
  measures: DraftMeasureView[];
  /** Measures of the consulted revision retired in the draft. */
  retired: { measureId: string; code: string; text: string }[];
}

export type DraftChangeLinkView =
  | { kind: "proposal"; id: string; title: string; status: string }
  | { kind: "comment"; id: string; excerpt: string; measureCode: string | null }
  | { kind: "swot"; id: string; excerpt: string; swotKind: string }
  | { kind: "voteResults"; measureId: string; measureCode: string };

export interface DraftChangeView {
  id: string;
  kind: RevisionChangeKind;
  measureId: string | null;
  measureCode: string | null;
  axisId: string | null;
  axisNumber: number | null;
  rationale: string;
  editorial: boolean;
  /** Snapshots of the fields concerned (consulted / draft); budgetCents as a string of digits. */
  before: unknown;
  after: unknown;
  createdAt: Date;
  links: DraftChangeLinkView[];
}

export interface RevisionDraftView {
  round: { id: string; title: string; status: RoundStatus; planId: string; planSlug: string; planTitle: string };
  consulted: { revisionId: string; number: number };
  /** null until a facilitator starts it. */
  draft: {
    revisionId: string;
    number: number;
    status: RevisionStatus;
    summary: string;
    publishedAt: Date | null;
    axes: DraftAxisView[];
    changes: DraftChangeView[];
  } | null;
  /** Proposals of the round neither answered nor withdrawn: publishing needs none left. */
  unansweredProposals: number;
  /** The round is closed (or in synthesis) and has no draft yet. */
  canStartDraft: boolean;
  /** A draft exists and is not published (and the actor may edit: facilitator or admin). */
  canEdit: boolean;
  /** What an edit of `linkCandidatesFor` can cite; null when not asked for or there is no draft. */
  linkCandidates: LinkCandidates | null;
}

/**
 * The workbench's read for a round (viewers: facilitators, admins, officials): the round, the
 * revision it consulted, its draft (if started) with axes and measures in order, each beside its
 * consulted version, the change log with links, and how many proposals still wait for an answer;
 * with `linkCandidatesFor`, also what an edit of that measure or axis can cite (link-candidates.ts).
 * NOT_FOUND "synthesis.errors.roundNotFound" for an unknown round ("measureNotFound" for an unknown measure).
 */
export async function getRevisionDraft(
  db: PrismaClient,
  actor: Actor | null,
  roundId: string,
  { linkCandidatesFor }: { linkCandidatesFor?: LinkTarget } = {},
  now: Date = new Date(),
): Promise<RevisionDraftView> {
  const user = requireSynthesisViewer(actor);
  const round = await findRound(db, roundId, "synthesis.errors.roundNotFound", { outcome: { select: { id: true, number: true, status: true, summary: true, publishedAt: true } } });
  const status = effectiveRoundStatus(round, now);
  const unansweredProposals = await db.proposal.count({ where: { roundId, status: "OPEN" } });
  const view: RevisionDraftView = {
    round: { id: round.id, title: round.title, status, planId: round.plan.id, planSlug: round.plan.slug, planTitle: round.plan.title },
    consulted: { revisionId: round.revisionId, number: round.revision.number },
    draft: null,
    unansweredProposals,
    canStartDraft: !round.outcome && (status === "CLOSED" || status === "SYNTHESIS") && isEditor(user),
    canEdit: round.outcome?.status === "DRAFT" && isEditor(user),
    linkCandidates: null,
  };
  if (!round.outcome) return view;
  const draft = round.outcome;

  const [consultedAxes, draftAxes, consultedMeasures, draftMeasures, changes] = await Promise.all([
    db.axisVersion.findMany({ where: { revisionId: round.revisionId } }),
    db.axisVersion.findMany({ where: { revisionId: draft.id }, orderBy: { position: "asc" }, include: { axis: { select: { number: true } } } }),
    db.measureVersion.findMany({ where: { revisionId: round.revisionId }, orderBy: { position: "asc" }, include: { measure: { select: { code: true, axisId: true } } } }),
    db.measureVersion.findMany({ where: { revisionId: draft.id }, orderBy: { position: "asc" }, include: { measure: { select: { code: true, axisId: true } } } }),
    db.revisionChange.findMany({
      where: { revisionId: draft.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      include: {
        measure: { select: { code: true } },
        axis: { select: { number: true } },
        links: {
          include: {
            proposal: { select: { id: true, title: true, status: true } },
            comment: { select: { id: true, body: true, measure: { select: { code: true } } } },
            swotEntry: { select: { id: true, body: true, kind: true } },
          },
        },
      },
    }),
  ]);
  const voteMeasureIds = [...new Set(changes.flatMap((change) => change.links.map((link) => link.voteResultsMeasureId)).filter((id): id is string => id !== null))];
  const voteMeasureCodes = new Map(
    (voteMeasureIds.length === 0 ? [] : await db.measure.findMany({ where: { id: { in: voteMeasureIds } }, select: { id: true, code: true } })).map((row) => [row.id, row.code]),
  );

  const consultedAxisById = new Map(consultedAxes.map((axis) => [axis.axisId, axis]));
  const consultedMeasureById = new Map(consultedMeasures.map((version) => [version.measureId, version]));
  const draftMeasureIds = new Set(draftMeasures.map((version) => version.measureId));
  const kindsByMeasure = new Map<string, RevisionChangeKind[]>();
  for (const change of changes) if (change.measureId) kindsByMeasure.set(change.measureId, [...(kindsByMeasure.get(change.measureId) ?? []), change.kind]);

  const axes: DraftAxisView[] = draftAxes.map((axis) => {
    const consulted = consultedAxisById.get(axis.axisId);
    return {
      axisId: axis.axisId,
      number: axis.axis.number,
      title: axis.title,
      resultsIntro: axis.resultsIntro,
      resultsBullets: axis.resultsBullets,
      consulted: consulted ? { title: consulted.title, resultsIntro: consulted.resultsIntro, resultsBullets: consulted.resultsBullets } : null,
      measures: draftMeasures
        .filter((version) => version.measure.axisId === axis.axisId)
        .map((version) => {
          const before = consultedMeasureById.get(version.measureId);
          return {
            measureId: version.measureId,
            code: version.measure.code,
            text: version.text,
            decision: decisionOf(version),
            consulted: before ? { text: before.text, decision: decisionOf(before) } : null,
            changeKinds: kindsByMeasure.get(version.measureId) ?? [],
          };
        }),
      retired: consultedMeasures
        .filter((version) => version.measure.axisId === axis.axisId && !draftMeasureIds.has(version.measureId))
        .map((version) => ({ measureId: version.measureId, code: version.measure.code, text: version.text })),
    };
  });

  view.draft = {
    revisionId: draft.id,
    number: draft.number,
    status: draft.status,
    summary: draft.summary,
    publishedAt: draft.publishedAt,
    axes,
    changes: changes.map((change) => ({
      id: change.id,
      kind: change.kind,
      measureId: change.measureId,
      measureCode: change.measure?.code ?? null,
      axisId: change.axisId,
      axisNumber: change.axis?.number ?? null,
      rationale: change.rationale,
      editorial: change.editorial,
      before: change.before,
      after: change.after,
      createdAt: change.createdAt,
      links: change.links.flatMap((link): DraftChangeLinkView[] => {
        if (link.proposal) return [{ kind: "proposal", id: link.proposal.id, title: link.proposal.title, status: link.proposal.status }];
        if (link.comment) return [{ kind: "comment", id: link.comment.id, excerpt: excerpt(link.comment.body), measureCode: link.comment.measure?.code ?? null }];
        if (link.swotEntry) return [{ kind: "swot", id: link.swotEntry.id, excerpt: excerpt(link.swotEntry.body), swotKind: link.swotEntry.kind }];
        if (link.voteResultsMeasureId) return [{ kind: "voteResults", measureId: link.voteResultsMeasureId, measureCode: voteMeasureCodes.get(link.voteResultsMeasureId) ?? "" }];
        return [];
      }),
    })),
  };
  if (linkCandidatesFor) view.linkCandidates = await loadLinkCandidates(db, round, linkCandidatesFor);
  return view;
}

const isEditor = (actor: Actor) => (SYNTHESIS_EDITORS as readonly string[]).includes(actor.role);
