import type { PrismaClient } from "@/lib/db/client";
import type { RevisionChangeKind } from "@/lib/db/generated/enums";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import {
  type DraftContext,
  type DraftEditOutcome,
  decisionColumns,
  decisionOf,
  decisionSnapshot,
  deleteChange,
  editDraft,
  findChange,
  measureSnapshot,
  nothingToChange,
  recordRevisionChange,
  sameSnapshot,
  validateLinks,
} from "./record-revision-change";
import { type ChangeDraftMeasureInput, changeDraftMeasureSchema, parseSynthesisInput } from "./synthesis.schemas";

/**
 * Changes a measure of the round's draft: its text (MEASURE_TEXT_CHANGED) and/or its decision fields
 * (MEASURE_DECISION_FIELDS_CHANGED), each recorded against the consulted revision's version. Of the
 * parts sent, those that differ from the draft are applied; when none differs, the edit only updates
 * the rationale and adds links of the existing changes of the parts sent (else nothingToChange). A
 * part returned to exactly its consulted state deletes its change. For a measure added in the draft
 * the MEASURE_ADDED change is updated instead (there is no "before").
 */
export async function changeDraftMeasure(db: PrismaClient, actor: Actor | null, roundId: string, input: unknown): Promise<DraftEditOutcome> {
  const edit = parseSynthesisInput(changeDraftMeasureSchema, input);
  return editDraft(db, actor, roundId, async (draft) => {
    await validateLinks(draft, edit);
    return applyMeasureChange(draft, edit);
  });
}

/** The edit inside the draft's transaction (shared with acceptProposalIntoDraft). */
export async function applyMeasureChange(draft: DraftContext, edit: ChangeDraftMeasureInput): Promise<DraftEditOutcome> {
  const { tx } = draft;
  const version = await tx.measureVersion.findUnique({
    where: { measureId_revisionId: { measureId: edit.measureId, revisionId: draft.revisionId } },
    include: { measure: { select: { code: true } } },
  });
  if (!version) throw new AppError("NOT_FOUND", "synthesis.errors.measureNotFound");
  const consulted = await tx.measureVersion.findUnique({ where: { measureId_revisionId: { measureId: edit.measureId, revisionId: draft.consultedRevisionId } } });

  const draftDecision = decisionSnapshot(decisionOf(version));
  const parts: { kind: RevisionChangeKind; differs: boolean }[] = [];
  if (edit.text !== undefined) parts.push({ kind: "MEASURE_TEXT_CHANGED", differs: edit.text !== version.text });
  if (edit.decision !== undefined) parts.push({ kind: "MEASURE_DECISION_FIELDS_CHANGED", differs: !sameSnapshot(decisionSnapshot(edit.decision), draftDecision) });

  let applied = parts.filter((part) => part.differs);
  if (applied.length === 0) {
    // Nothing new: a second motivation for what the draft already says.
    const existing = [];
    for (const part of parts) if (await findChange(draft, consulted ? part.kind : "MEASURE_ADDED", { measureId: edit.measureId })) existing.push(part);
    if (existing.length === 0) throw nothingToChange(edit.text !== undefined ? "text" : "timing");
    applied = existing;
  }

  const text = applied.some((part) => part.kind === "MEASURE_TEXT_CHANGED") ? edit.text! : version.text;
  const decision = applied.some((part) => part.kind === "MEASURE_DECISION_FIELDS_CHANGED") ? edit.decision! : decisionOf(version);
  await tx.measureVersion.update({ where: { id: version.id }, data: { text, ...decisionColumns(decision) } });

  const target = { measureId: edit.measureId };
  if (!consulted) {
    // Added in this draft: its one change is MEASURE_ADDED, whose "after" follows the draft.
    const after = measureSnapshot(version.measure.code, { text, ...decisionColumns(decision) });
    const changeId = await recordRevisionChange(draft, { kind: "MEASURE_ADDED", target, before: null, after, motivation: edit });
    return { changeIds: [changeId], revertedKinds: [] };
  }

  const outcome: DraftEditOutcome = { changeIds: [], revertedKinds: [] };
  for (const part of applied) {
    const [before, after] =
      part.kind === "MEASURE_TEXT_CHANGED"
        ? [{ text: consulted.text }, { text }]
        : [decisionSnapshot(decisionOf(consulted)), decisionSnapshot(decision)];
    if (sameSnapshot(before, after)) {
      if (await deleteChange(draft, part.kind, target)) outcome.revertedKinds.push(part.kind);
      continue;
    }
    outcome.changeIds.push(await recordRevisionChange(draft, { kind: part.kind, target, before, after, motivation: edit }));
  }
  return outcome;
}
