import type { PrismaClient } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { RevisionChangeKind } from "@/lib/db/generated/enums";
import type { InputJsonValue } from "@/lib/db/generated/internal/prismaNamespace";
import type { Actor } from "@/lib/auth/session";
import { isUuid } from "@/lib/db/ids";
import { calendarDate, isoDate } from "@/lib/plan/calendar-date";
import { AppError } from "@/lib/errors/app-error";
import { lockingTransaction } from "@/lib/rounds/transaction-options";
import { requireSynthesisEditor } from "./synthesis.policy";
import type { ChangeMotivation, DecisionFields } from "./synthesis.schemas";

/**
 * Internal core of the drafting use cases: the draft's transaction and lock, link validation, the
 * change log (one RevisionChange per revision, kind and measure or axis; editing again updates its
 * `after` and rationale and adds links; returning to the consulted state deletes it), snapshots.
 */

type Tx = Prisma.TransactionClient;

/** What an edit did to the draft's change log: changes recorded or updated, and kinds deleted because the edit restored the consulted state. */
export type DraftEditOutcome = { changeIds: string[]; revertedKinds: RevisionChangeKind[] };

/** The locked draft an edit works on. */
export interface DraftContext {
  tx: Tx;
  actorId: string;
  roundId: string;
  planId: string;
  revisionId: string;
  /** The revision the round consulted: the "before" of every change. */
  consultedRevisionId: string;
}

/**
 * Runs an edit of the round's draft: editors only, one transaction that locks the draft Revision row
 * (SELECT … FOR UPDATE, so edits of one draft run one after the other) and refuses a published one.
 */
export async function editDraft<T>(db: PrismaClient, actor: Actor | null, roundId: string, edit: (draft: DraftContext) => Promise<T>): Promise<T> {
  const user = requireSynthesisEditor(actor);
  if (!isUuid(roundId)) throw new AppError("NOT_FOUND", "synthesis.errors.roundNotFound");
  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string; status: string }[]>`
      SELECT "id", "status"::text AS "status" FROM "Revision" WHERE "fromRoundId" = ${roundId}::uuid FOR UPDATE`;
    const round = await tx.round.findUnique({ where: { id: roundId }, select: { planId: true, revisionId: true } });
    if (!round) throw new AppError("NOT_FOUND", "synthesis.errors.roundNotFound");
    if (!locked) throw new AppError("NOT_FOUND", "synthesis.errors.draftNotFound");
    if (locked.status !== "DRAFT") throw new AppError("CONFLICT", "synthesis.errors.revisionPublished");
    return edit({ tx, actorId: user.userId, roundId, planId: round.planId, revisionId: locked.id, consultedRevisionId: round.revisionId });
  }, lockingTransaction);
}

// ─── links ───────────────────────────────────────────────────────────────────

const foreignLinks = () => new AppError("VALIDATION", "synthesis.errors.linkForeign", {}, { links: "synthesis.errors.linkForeign" });

/** Every linked proposal, comment and SWOT entry belongs to the draft's round; vote results are of measures it consulted. */
export async function validateLinks(draft: DraftContext, motivation: ChangeMotivation): Promise<void> {
  const { tx, roundId, consultedRevisionId } = draft;
  const checks: Promise<boolean>[] = [];
  if (motivation.proposalIds.length > 0) {
    checks.push(tx.proposal.count({ where: { id: { in: motivation.proposalIds }, roundId } }).then((n) => n === motivation.proposalIds.length));
  }
  if (motivation.commentIds.length > 0) {
    checks.push(tx.comment.count({ where: { id: { in: motivation.commentIds }, roundId } }).then((n) => n === motivation.commentIds.length));
  }
  if (motivation.swotEntryIds.length > 0) {
    checks.push(tx.swotEntry.count({ where: { id: { in: motivation.swotEntryIds }, roundId } }).then((n) => n === motivation.swotEntryIds.length));
  }
  if (motivation.voteResultsMeasureIds.length > 0) {
    checks.push(
      tx.measureVersion
        .count({ where: { revisionId: consultedRevisionId, measureId: { in: motivation.voteResultsMeasureIds } } })
        .then((n) => n === motivation.voteResultsMeasureIds.length),
    );
  }
  // Sequential on one transaction's connection anyway; Promise.all keeps the code short.
  if ((await Promise.all(checks)).some((ok) => !ok)) throw foreignLinks();
}

type LinkRow = { proposalId: string | null; commentId: string | null; swotEntryId: string | null; voteResultsMeasureId: string | null };

const linkKey = (link: LinkRow) =>
  link.proposalId ? `p:${link.proposalId}` : link.commentId ? `c:${link.commentId}` : link.swotEntryId ? `s:${link.swotEntryId}` : `v:${link.voteResultsMeasureId}`;

function linkRows(motivation: Pick<ChangeMotivation, "proposalIds" | "commentIds" | "swotEntryIds" | "voteResultsMeasureIds">): LinkRow[] {
  const none = { proposalId: null, commentId: null, swotEntryId: null, voteResultsMeasureId: null };
  return [
    ...motivation.proposalIds.map((proposalId) => ({ ...none, proposalId })),
    ...motivation.commentIds.map((commentId) => ({ ...none, commentId })),
    ...motivation.swotEntryIds.map((swotEntryId) => ({ ...none, swotEntryId })),
    ...motivation.voteResultsMeasureIds.map((voteResultsMeasureId) => ({ ...none, voteResultsMeasureId })),
  ];
}

/** The links of changes about to be deleted, as a motivation's lists (to carry them over). */
export async function linksOfChanges(tx: Tx, changeIds: string[]): Promise<Pick<ChangeMotivation, "proposalIds" | "commentIds" | "swotEntryIds" | "voteResultsMeasureIds">> {
  const rows = changeIds.length === 0 ? [] : await tx.revisionChangeLink.findMany({ where: { changeId: { in: changeIds } } });
  const ids = (pick: (row: (typeof rows)[number]) => string | null) => [...new Set(rows.map(pick).filter((id): id is string => id !== null))];
  return {
    proposalIds: ids((row) => row.proposalId),
    commentIds: ids((row) => row.commentId),
    swotEntryIds: ids((row) => row.swotEntryId),
    voteResultsMeasureIds: ids((row) => row.voteResultsMeasureId),
  };
}

// ─── the change log ──────────────────────────────────────────────────────────

export type ChangeTarget = { measureId: string; axisId?: undefined } | { axisId: string; measureId?: undefined };

const targetWhere = (target: ChangeTarget) => (target.measureId ? { measureId: target.measureId } : { axisId: target.axisId });

export function findChange(draft: DraftContext, kind: RevisionChangeKind, target: ChangeTarget) {
  return draft.tx.revisionChange.findFirst({ where: { revisionId: draft.revisionId, kind, ...targetWhere(target) }, select: { id: true, editorial: true } });
}

/**
 * Records a change, or updates the one of the same kind and target: `after` and the rationale are
 * replaced, links are added to those it has (never removed), the editorial mark kept once given.
 * `before` is written when the change is created (the consulted state does not move).
 */
export async function recordRevisionChange(
  draft: DraftContext,
  change: { kind: RevisionChangeKind; target: ChangeTarget; before: Snapshot | null; after: Snapshot | null; motivation: ChangeMotivation },
): Promise<string> {
  const { tx } = draft;
  const { kind, target, before, after, motivation } = change;
  const json = (value: Snapshot | null) => (value === null ? undefined : (value as InputJsonValue));
  const existing = await findChange(draft, kind, target);
  let changeId: string;
  if (existing) {
    changeId = existing.id;
    await tx.revisionChange.update({
      where: { id: changeId },
      data: { after: after === null ? { set: null } : json(after), rationale: motivation.rationale, editorial: existing.editorial || motivation.editorial },
    });
  } else {
    const created = await tx.revisionChange.create({
      data: {
        revisionId: draft.revisionId,
        kind,
        ...targetWhere(target),
        rationale: motivation.rationale,
        editorial: motivation.editorial,
        before: json(before),
        after: json(after),
        createdById: draft.actorId,
      },
      select: { id: true },
    });
    changeId = created.id;
  }
  const present = new Set((existing ? await tx.revisionChangeLink.findMany({ where: { changeId } }) : []).map(linkKey));
  const added = linkRows(motivation).filter((link) => !present.has(linkKey(link)));
  if (added.length > 0) {
    await tx.revisionChangeLink.createMany({
      data: added.map((link) => ({ changeId, ...link, voteResultsRoundId: link.voteResultsMeasureId ? draft.roundId : null })),
    });
  }
  return changeId;
}

/** Deletes the change of that kind and target (the draft is back to the consulted state); true when there was one. */
export async function deleteChange(draft: DraftContext, kind: RevisionChangeKind, target: ChangeTarget): Promise<boolean> {
  const { count } = await draft.tx.revisionChange.deleteMany({ where: { revisionId: draft.revisionId, kind, ...targetWhere(target) } });
  return count > 0;
}

// ─── snapshots (the JSON of before / after) ──────────────────────────────────

export type Snapshot = Record<string, string | number | boolean | null | string[]>;

type MeasureVersionFields = {
  text: string;
  timing: string | null;
  startsOn: Date | null;
  endsOn: Date | null;
  budgetCents: bigint | null;
  fundingSource: string | null;
  department: string | null;
};

export function decisionOf(version: Omit<MeasureVersionFields, "text">): DecisionFields {
  return {
    timing: version.timing,
    startsOn: isoDate(version.startsOn),
    endsOn: isoDate(version.endsOn),
    budgetCents: version.budgetCents,
    fundingSource: version.fundingSource,
    department: version.department,
  };
}

/** Decision fields as JSON: the budget as a string of digits (JSON has no bigint). */
export function decisionSnapshot(decision: DecisionFields): Snapshot {
  return { ...decision, budgetCents: decision.budgetCents === null ? null : decision.budgetCents.toString() };
}

/** Decision fields as MeasureVersion columns. */
export function decisionColumns(decision: DecisionFields) {
  return { ...decision, startsOn: calendarDate(decision.startsOn), endsOn: calendarDate(decision.endsOn) };
}

export function measureSnapshot(code: string, version: MeasureVersionFields): Snapshot {
  return { code, text: version.text, ...decisionSnapshot(decisionOf(version)) };
}

export const sameSnapshot = (a: Snapshot | null, b: Snapshot | null) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Renumbers the draft's measure positions: they run through the whole revision in axis order, then
 * in the order the measures already have (a new measure, added with a large position, goes last in its axis).
 */
export async function renumberMeasures(draft: DraftContext): Promise<void> {
  await draft.tx.$executeRaw`
    UPDATE "MeasureVersion" mv SET "position" = ordered.n
    FROM (
      SELECT v."id", row_number() OVER (ORDER BY av."position", v."position", m."code") AS n
      FROM "MeasureVersion" v
      JOIN "Measure" m ON m."id" = v."measureId"
      JOIN "AxisVersion" av ON av."axisId" = m."axisId" AND av."revisionId" = v."revisionId"
      WHERE v."revisionId" = ${draft.revisionId}::uuid
    ) ordered
    WHERE mv."id" = ordered."id" AND mv."position" <> ordered.n`;
}

/** The codes of an axis' measures in a revision, in order. */
export async function axisMeasureCodes(tx: Tx, revisionId: string, axisId: string): Promise<{ measureId: string; code: string; position: number }[]> {
  const rows = await tx.measureVersion.findMany({
    where: { revisionId, measure: { axisId } },
    orderBy: [{ position: "asc" }],
    select: { measureId: true, position: true, measure: { select: { code: true } } },
  });
  return rows.map((row) => ({ measureId: row.measureId, code: row.measure.code, position: row.position }));
}

/**
 * Keeps an axis' MEASURES_REORDERED change true to the draft after measures were added, retired or
 * moved: its `after` is the draft's order; it is deleted when the measures the two revisions share
 * are in the consulted order again (a new measure's place belongs to its MEASURE_ADDED change).
 * With `motivation`, the change is recorded if needed (the reorder use case); without, only refreshed.
 */
export async function syncReorderChange(draft: DraftContext, axisId: string, motivation?: ChangeMotivation): Promise<{ changeId: string | null; reverted: boolean }> {
  const consulted = (await axisMeasureCodes(draft.tx, draft.consultedRevisionId, axisId)).map((row) => row.code);
  const current = (await axisMeasureCodes(draft.tx, draft.revisionId, axisId)).map((row) => row.code);
  const shared = new Set(consulted.filter((code) => current.includes(code)));
  const sameOrder = sameSnapshot({ codes: consulted.filter((code) => shared.has(code)) }, { codes: current.filter((code) => shared.has(code)) });
  const target = { axisId };
  if (sameOrder) return { changeId: null, reverted: await deleteChange(draft, "MEASURES_REORDERED", target) };
  const existing = await findChange(draft, "MEASURES_REORDERED", target);
  if (!existing && !motivation) return { changeId: null, reverted: false };
  if (!motivation) {
    await draft.tx.revisionChange.update({ where: { id: existing!.id }, data: { after: { codes: current } } });
    return { changeId: existing!.id, reverted: false };
  }
  const changeId = await recordRevisionChange(draft, { kind: "MEASURES_REORDERED", target, before: { codes: consulted }, after: { codes: current }, motivation });
  return { changeId, reverted: false };
}

export const nothingToChange = (field: string) => new AppError("VALIDATION", "synthesis.errors.nothingToChange", {}, { [field]: "synthesis.errors.nothingToChange" });
