import { mergeProposals } from "@/lib/proposals/merge-proposals";
import { tagProposal } from "@/lib/proposals/tag-proposal";
import { tagSwotEntry } from "@/lib/swot/tag-swot-entry";
import { proposalOnOpenRound, swotEntry } from "../proposals-factory";
import { type MutationTable, facilitatorsAndAdmins } from "./matrix";

/** The synthesis triage's mutations in the permission matrix: tagging proposals and observations, merging duplicates. */
export const triageMutations: MutationTable = {
  "tag the stakeholder's proposal": {
    run: async (db, actor, owner) => tagProposal(db, actor, (await proposalOnOpenRound(db, owner)).proposalId, { tags: "scuole" }),
    expected: facilitatorsAndAdmins,
  },
  "tag the stakeholder's SWOT observation": {
    run: async (db, actor, owner) => {
      const { round } = await proposalOnOpenRound(db, owner);
      return tagSwotEntry(db, actor, await swotEntry(db, owner, round), { tags: "rete" });
    },
    expected: facilitatorsAndAdmins,
  },
  "merge the stakeholder's proposal into another": {
    run: async (db, actor, owner) => {
      const { round, proposalId } = await proposalOnOpenRound(db, owner);
      const target = await proposalOnOpenRound(db, undefined, round);
      return mergeProposals(db, actor, round.id, { targetId: target.proposalId, duplicateIds: [proposalId], answer: "Unita: la stessa richiesta è in un'altra proposta." });
    },
    expected: facilitatorsAndAdmins,
  },
};
