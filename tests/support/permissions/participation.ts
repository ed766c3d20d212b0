import { castVote } from "@/lib/participation/cast-vote";
import { editComment } from "@/lib/participation/edit-comment";
import { postComment } from "@/lib/participation/post-comment";
import { createRound, measureId } from "../round-factory";
import { type ActorName, type MutationTable, type Outcome, anySignedIn, stakeholdersOnly } from "./matrix";

/** The participation module's mutations in the permission matrix. */
const ownerOnly: Record<ActorName, Outcome> = { anonymous: "UNAUTHENTICATED", stakeholder: "allowed", "other stakeholder": "FORBIDDEN", facilitator: "FORBIDDEN", official: "FORBIDDEN", admin: "FORBIDDEN" };

export const participationMutations: MutationTable = {
  "cast a vote on a measure": {
    run: async (db, actor) => {
      const round = await createRound(db);
      return castVote(db, actor, { roundId: round.id, measureId: await measureId(db, round.planId, "1.1"), choice: "SUPPORT", priority: 3 });
    },
    expected: stakeholdersOnly,
  },
  "comment on a measure (staff too, shown with their role)": {
    run: async (db, actor) => {
      const round = await createRound(db);
      return postComment(db, actor, { roundId: round.id, measureId: await measureId(db, round.planId, "1.1"), body: "Un commento" });
    },
    expected: anySignedIn,
  },
  "comment on an axis": {
    run: async (db, actor) => {
      const round = await createRound(db);
      const axis = await db.axis.findUniqueOrThrow({ where: { planId_number: { planId: round.planId, number: 2 } }, select: { id: true } });
      return postComment(db, actor, { roundId: round.id, axisId: axis.id, body: "Sull'asse" });
    },
    expected: anySignedIn,
  },
  "reply to the stakeholder's comment": {
    run: async (db, actor, owner) => {
      const round = await createRound(db);
      const measure = await measureId(db, round.planId, "1.1");
      const parent = await postComment(db, owner, { roundId: round.id, measureId: measure, body: "Domanda" });
      return postComment(db, actor, { roundId: round.id, measureId: measure, parentId: parent.id, body: "Risposta" });
    },
    expected: anySignedIn,
  },
  "edit the stakeholder's comment": {
    run: async (db, actor, owner) => {
      const round = await createRound(db);
      const comment = await postComment(db, owner, { roundId: round.id, measureId: await measureId(db, round.planId, "1.1"), body: "Prima" });
      return editComment(db, actor, { commentId: comment.id, body: "Dopo" });
    },
    expected: ownerOnly,
  },
};
