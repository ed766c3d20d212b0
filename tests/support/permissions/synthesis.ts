import { acceptProposalIntoDraft } from "@/lib/synthesis/accept-proposal-into-draft";
import { addDraftMeasure } from "@/lib/synthesis/add-draft-measure";
import { changeDraftAxis } from "@/lib/synthesis/change-draft-axis";
import { changeDraftMeasure } from "@/lib/synthesis/change-draft-measure";
import { getRevisionDraft } from "@/lib/synthesis/get-revision-draft";
import { publishRevision } from "@/lib/synthesis/publish-revision";
import { reorderDraftMeasures } from "@/lib/synthesis/reorder-draft-measures";
import { retireDraftMeasure } from "@/lib/synthesis/retire-draft-measure";
import { startRevisionDraft } from "@/lib/synthesis/start-revision-draft";
import { draftedRound } from "../synthesis-factory";
import { type ActorName, type MutationTable, type Outcome, facilitatorsAndAdmins } from "./matrix";

/** Officials review the synthesis but do not draft. */
const synthesisViewers: Record<ActorName, Outcome> = { ...facilitatorsAndAdmins, official: "allowed" };
const motivation = { rationale: "Motivazione della modifica per la prova.", editorial: true };

/** Revision drafting and publishing (lib/synthesis) in the permission matrix. */
export const synthesisMutations: MutationTable = {
  "start a revision draft": {
    run: async (db, actor) => startRevisionDraft(db, actor, (await draftedRound(db, { draft: false })).round.id),
    expected: facilitatorsAndAdmins,
  },
  "change a draft measure": {
    run: async (db, actor) => {
      const { round, measures } = await draftedRound(db);
      return changeDraftMeasure(db, actor, round.id, { measureId: measures["1.1"], text: "Un testo nuovo per la misura.", ...motivation });
    },
    expected: facilitatorsAndAdmins,
  },
  "add a draft measure": {
    run: async (db, actor) => {
      const { round, axes } = await draftedRound(db);
      return addDraftMeasure(db, actor, round.id, { axisId: axes[1], text: "Una misura nuova.", ...motivation });
    },
    expected: facilitatorsAndAdmins,
  },
  "retire a draft measure": {
    run: async (db, actor) => {
      const { round, measures } = await draftedRound(db);
      return retireDraftMeasure(db, actor, round.id, { measureId: measures["1.1"], ...motivation });
    },
    expected: facilitatorsAndAdmins,
  },
  "reorder draft measures": {
    run: async (db, actor) => {
      const { round, axes } = await draftedRound(db);
      const draft = await db.revision.findUniqueOrThrow({ where: { fromRoundId: round.id }, select: { id: true } });
      const ids = (await db.measureVersion.findMany({ where: { revisionId: draft.id, measure: { axisId: axes[1] } }, orderBy: { position: "asc" }, select: { measureId: true } })).map((row) => row.measureId);
      return reorderDraftMeasures(db, actor, round.id, { axisId: axes[1], measureIds: [ids[1], ids[0], ...ids.slice(2)], ...motivation });
    },
    expected: facilitatorsAndAdmins,
  },
  "change a draft axis": {
    run: async (db, actor) => {
      const { round, axes } = await draftedRound(db);
      return changeDraftAxis(db, actor, round.id, { axisId: axes[1], title: "Un titolo nuovo", ...motivation });
    },
    expected: facilitatorsAndAdmins,
  },
  "accept the stakeholder's proposal into the draft": {
    run: async (db, actor, owner) => {
      const { round, proposalId } = await draftedRound(db, { proposalAuthorId: owner.userId });
      return acceptProposalIntoDraft(db, actor, round.id, { proposalId, answer: "Accolta nella revisione.", rationale: "La proposta migliora la misura." });
    },
    expected: facilitatorsAndAdmins,
  },
  "publish a revision": {
    run: async (db, actor) => publishRevision(db, actor, (await draftedRound(db, { freshPlan: true })).round.id, { summary: "Una revisione di prova." }),
    expected: facilitatorsAndAdmins,
  },
  "read the revision draft workbench": {
    run: async (db, actor) => getRevisionDraft(db, actor, (await draftedRound(db)).round.id),
    expected: synthesisViewers,
  },
};
