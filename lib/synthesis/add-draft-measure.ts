import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { type DraftContext, decisionColumns, editDraft, measureSnapshot, recordRevisionChange, renumberMeasures, validateLinks } from "./record-revision-change";
import { type AddDraftMeasureInput, addDraftMeasureSchema, parseSynthesisInput } from "./synthesis.schemas";

/** A position beyond any real one: renumbering puts the new measure last in its axis. */
const LAST = 1_000_000;

/**
 * Adds a measure at the end of an axis of the round's draft (MEASURE_ADDED). Its code is
 * "<axis number>.<n>" with n one more than the highest ever used in that axis of the plan, so a
 * retired measure's code is never given to another one.
 */
export async function addDraftMeasure(db: PrismaClient, actor: Actor | null, roundId: string, input: unknown): Promise<{ measureId: string; code: string }> {
  const edit = parseSynthesisInput(addDraftMeasureSchema, input);
  return editDraft(db, actor, roundId, async (draft) => {
    await validateLinks(draft, edit);
    return applyAddMeasure(draft, edit);
  });
}

/** The addition inside the draft's transaction (shared with acceptProposalIntoDraft). */
export async function applyAddMeasure(draft: DraftContext, edit: AddDraftMeasureInput): Promise<{ measureId: string; code: string; changeId: string }> {
  const { tx } = draft;
  const axisVersion = await tx.axisVersion.findUnique({ where: { axisId_revisionId: { axisId: edit.axisId, revisionId: draft.revisionId } }, select: { axis: { select: { number: true } } } });
  if (!axisVersion) throw new AppError("NOT_FOUND", "synthesis.errors.axisNotFound");
  // Drafts of other rounds of the plan may add to the same axis: the axis row serialises the codes.
  await tx.$queryRaw`SELECT "id" FROM "Axis" WHERE "id" = ${edit.axisId}::uuid FOR UPDATE`;
  const codes = await tx.measure.findMany({ where: { planId: draft.planId, code: { startsWith: `${axisVersion.axis.number}.` } }, select: { code: true } });
  const highest = Math.max(0, ...codes.map((row) => Number(row.code.split(".")[1]) || 0));
  const code = `${axisVersion.axis.number}.${highest + 1}`;

  const measure = await tx.measure.create({ data: { planId: draft.planId, axisId: edit.axisId, code }, select: { id: true } });
  const columns = { text: edit.text, ...decisionColumns(edit.decision) };
  await tx.measureVersion.create({ data: { measureId: measure.id, revisionId: draft.revisionId, position: LAST, ...columns } });
  await renumberMeasures(draft);
  const changeId = await recordRevisionChange(draft, {
    kind: "MEASURE_ADDED",
    target: { measureId: measure.id },
    before: null,
    after: measureSnapshot(code, columns),
    motivation: edit,
  });
  return { measureId: measure.id, code, changeId };
}
