import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { type DraftEditOutcome, deleteChange, editDraft, findChange, nothingToChange, recordRevisionChange, sameSnapshot, validateLinks } from "./record-revision-change";
import { changeDraftAxisSchema, parseSynthesisInput } from "./synthesis.schemas";

/**
 * Changes an axis of the round's draft: its title and expected results (introduction and list),
 * one AXIS_CHANGED change with the three fields before and after. Fields not sent keep their draft
 * value; sending only what the draft already says updates the existing change's rationale and links
 * (else nothingToChange); returning to the consulted axis deletes the change.
 */
export async function changeDraftAxis(db: PrismaClient, actor: Actor | null, roundId: string, input: unknown): Promise<DraftEditOutcome> {
  const edit = parseSynthesisInput(changeDraftAxisSchema, input);
  return editDraft(db, actor, roundId, async (draft) => {
    const { tx } = draft;
    const axis = await tx.axisVersion.findUnique({ where: { axisId_revisionId: { axisId: edit.axisId, revisionId: draft.revisionId } } });
    if (!axis) throw new AppError("NOT_FOUND", "synthesis.errors.axisNotFound");
    await validateLinks(draft, edit);
    const consulted = await tx.axisVersion.findUnique({ where: { axisId_revisionId: { axisId: edit.axisId, revisionId: draft.consultedRevisionId } } });
    const snapshot = (value: { title: string; resultsIntro: string; resultsBullets: string[] }) => ({ title: value.title, resultsIntro: value.resultsIntro, resultsBullets: value.resultsBullets });
    const current = snapshot(axis);
    const after = snapshot({ title: edit.title ?? axis.title, resultsIntro: edit.resultsIntro ?? axis.resultsIntro, resultsBullets: edit.resultsBullets ?? axis.resultsBullets });
    const target = { axisId: edit.axisId };
    if (sameSnapshot(current, after) && !(await findChange(draft, "AXIS_CHANGED", target))) throw nothingToChange("title");

    await tx.axisVersion.update({ where: { id: axis.id }, data: after });
    const before = consulted ? snapshot(consulted) : null;
    if (sameSnapshot(before, after)) {
      return { changeIds: [], revertedKinds: (await deleteChange(draft, "AXIS_CHANGED", target)) ? ["AXIS_CHANGED"] : [] };
    }
    const changeId = await recordRevisionChange(draft, { kind: "AXIS_CHANGED", target, before, after, motivation: edit });
    return { changeIds: [changeId], revertedKinds: [] };
  });
}
