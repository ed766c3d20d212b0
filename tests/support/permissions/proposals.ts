import { answerProposal } from "@/lib/proposals/answer-proposal";
import { submitProposal } from "@/lib/proposals/submit-proposal";
import { supportProposal } from "@/lib/proposals/support-proposal";
import { withdrawProposal } from "@/lib/proposals/withdraw-proposal";
import { withdrawSupport } from "@/lib/proposals/withdraw-support";
import { listOwnContributions } from "@/lib/participation/list-own-contributions";
import { submitSwotEntry } from "@/lib/swot/submit-swot-entry";
import { amendmentInput, proposalOnOpenRound } from "../proposals-factory";
import { createRound } from "../round-factory";
import { type ActorName, type MutationTable, type Outcome, anySignedIn, facilitatorsAndAdmins, stakeholdersOnly } from "./matrix";

/** Supporting is for stakeholders other than the author. */
const othersOnly: Record<ActorName, Outcome> = { ...stakeholdersOnly, stakeholder: "FORBIDDEN" };

/** The proposals module's mutations in the permission matrix (proposals, supports, answers, SWOT, own contributions). */
export const proposalsMutations: MutationTable = {
  "submit a proposal": {
    run: async (db, actor) => {
      const round = await createRound(db);
      return submitProposal(db, actor, round.id, await amendmentInput(db, round));
    },
    expected: stakeholdersOnly,
  },
  "withdraw the stakeholder's proposal": {
    run: async (db, actor, owner) => withdrawProposal(db, actor, (await proposalOnOpenRound(db, owner)).proposalId),
    expected: { ...othersOnly, stakeholder: "allowed", "other stakeholder": "FORBIDDEN" },
  },
  "support the stakeholder's proposal": {
    run: async (db, actor, owner) => supportProposal(db, actor, (await proposalOnOpenRound(db, owner)).proposalId),
    expected: othersOnly,
  },
  "withdraw support from the stakeholder's proposal": {
    run: async (db, actor, owner) => withdrawSupport(db, actor, (await proposalOnOpenRound(db, owner)).proposalId),
    expected: othersOnly,
  },
  "answer the stakeholder's proposal": {
    run: async (db, actor, owner) => answerProposal(db, actor, (await proposalOnOpenRound(db, owner)).proposalId, { status: "ACCEPTED", answer: "Accolta: la inseriamo nella prossima revisione." }),
    expected: facilitatorsAndAdmins,
  },
  "add a SWOT observation": {
    run: async (db, actor) => submitSwotEntry(db, actor, (await createRound(db)).id, { kind: "OPPORTUNITY", body: "Fondi europei per la mobilità." }),
    expected: stakeholdersOnly,
  },
  "list own contributions": {
    run: (db, actor) => listOwnContributions(db, actor, {}),
    expected: anySignedIn,
  },
};
