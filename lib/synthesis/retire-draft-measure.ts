import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import {
  type DraftContext,
  type DraftEditOutcome,
  editDraft,
  linksOfChanges,
  measureSnapshot,
  recordRevisionChange,
  renumberMeasures,
  syncReorderChange,
  validateLinks,
} from "./record-revision-change";
import { type RetireDraftMeasureInput, parseSynthesisInput, retireDraftMeasureSchema } from "./synthesis.schemas";

/**
 * Retires a measure: its version leaves the draft (older revisions keep theirs) and a MEASURE_RETIRED
 * change records what it said. Changes of its text or decision fields in the draft are dropped, their
 * links carried over to the retirement. A measure added in this same draft was never public: it is
 * deleted with its MEASURE_ADDED change (outcome: revertedKinds ["MEASURE_ADDED"]).
 */
export async function retireDraftMeasure(db: PrismaClient, actor: Actor | null, roundId: string, input: unknown): Promise<DraftEditOutcome> {
  const edit = parseSynthesisInput(retireDraftMeasureSchema, input);
  return editDraft(db, actor, roundId, async (draft) => {
    await validateLinks(draft, edit);
    return applyRetireMeasure(draft, edit);
  });
}

/** The retirement inside the draft's transaction (shared with acceptProposalIntoDraft). */
export async function applyRetireMeasure(draft: DraftContext, edit: RetireDraftMeasureInput): Promise<DraftEditOutcome> {
  const { tx } = draft;
  const version = await tx.measureVersion.findUnique({ where: { measureId_revisionId: { measureId: edit.measureId, revisionId: draft.revisionId } }, select: { id: true, measure: { select: { axisId: true } } } });
  if (!version) throw new AppError("NOT_FOUND", "synthesis.errors.measureNotFound");
  const consulted = await tx.measureVersion.findUnique({
    where: { measureId_revisionId: { measureId: edit.measureId, revisionId: draft.consultedRevisionId } },
    include: { measure: { select: { code: true } } },
  });
  if (!consulted) {
    // Cascades to its version and its changes.
    await tx.measure.delete({ where: { id: edit.measureId } });
    await renumberMeasures(draft);
    return { changeIds: [], revertedKinds: ["MEASURE_ADDED"] };
  }

  const earlier = await tx.revisionChange.findMany({ where: { revisionId: draft.revisionId, measureId: edit.measureId, kind: { not: "MEASURE_RETIRED" } }, select: { id: true } });
  const carried = await linksOfChanges(tx, earlier.map((change) => change.id));
  await tx.revisionChange.deleteMany({ where: { id: { in: earlier.map((change) => change.id) } } });
  await tx.measureVersion.delete({ where: { id: version.id } });
  await renumberMeasures(draft);
  const changeId = await recordRevisionChange(draft, {
    kind: "MEASURE_RETIRED",
    target: { measureId: edit.measureId },
    before: measureSnapshot(consulted.measure.code, consulted),
    after: null,
    motivation: {
      ...edit,
      proposalIds: [...new Set([...edit.proposalIds, ...carried.proposalIds])],
      commentIds: [...new Set([...edit.commentIds, ...carried.commentIds])],
      swotEntryIds: [...new Set([...edit.swotEntryIds, ...carried.swotEntryIds])],
      voteResultsMeasureIds: [...new Set([...edit.voteResultsMeasureIds, ...carried.voteResultsMeasureIds])],
    },
  });
  await syncReorderChange(draft, version.measure.axisId);
  return { changeIds: [changeId], revertedKinds: [] };
}
