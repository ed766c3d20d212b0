import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { type DraftEditOutcome, axisMeasureCodes, editDraft, syncReorderChange, validateLinks } from "./record-revision-change";
import { parseSynthesisInput, reorderDraftMeasuresSchema } from "./synthesis.schemas";

/**
 * Puts an axis' measures of the round's draft in a new order (MEASURES_REORDERED, before/after as
 * lists of codes). `measureIds` must name every measure the axis has in the draft, each once. An
 * order that puts the consulted measures back in their consulted order deletes the change.
 */
export async function reorderDraftMeasures(db: PrismaClient, actor: Actor | null, roundId: string, input: unknown): Promise<DraftEditOutcome> {
  const edit = parseSynthesisInput(reorderDraftMeasuresSchema, input);
  return editDraft(db, actor, roundId, async (draft) => {
    const { tx } = draft;
    const axis = await tx.axisVersion.findUnique({ where: { axisId_revisionId: { axisId: edit.axisId, revisionId: draft.revisionId } }, select: { id: true } });
    if (!axis) throw new AppError("NOT_FOUND", "synthesis.errors.axisNotFound");
    await validateLinks(draft, edit);
    const current = await axisMeasureCodes(tx, draft.revisionId, edit.axisId);
    const sameSet = current.length === edit.measureIds.length && current.every((row) => edit.measureIds.includes(row.measureId));
    if (!sameSet) throw new AppError("VALIDATION", "synthesis.errors.orderMismatch", {}, { measureIds: "synthesis.errors.orderMismatch" });
    // The axis keeps the positions it has in the revision; its measures take them in the new order.
    const positions = current.map((row) => row.position);
    for (const [index, measureId] of edit.measureIds.entries()) {
      await tx.measureVersion.update({ where: { measureId_revisionId: { measureId, revisionId: draft.revisionId } }, data: { position: positions[index]! } });
    }
    const { changeId, reverted } = await syncReorderChange(draft, edit.axisId, edit);
    return { changeIds: changeId ? [changeId] : [], revertedKinds: reverted ? ["MEASURES_REORDERED"] : [] };
  });
}
