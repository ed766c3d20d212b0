import { recordProgressUpdate } from "@/lib/accountability/record-progress-update";
import { handBuiltPlan } from "../accountability-factory";
import { type ActorName, type MutationTable, type Outcome, adminOnly } from "./matrix";

/** Officials and admins write progress updates. */
const deciders: Record<ActorName, Outcome> = { ...adminOnly, official: "allowed" };

/** Progress updates on measures (lib/accountability) in the permission matrix. */
export const accountabilityMutations: MutationTable = {
  "write a progress update on a measure": {
    run: async (db, actor) => {
      const plan = await handBuiltPlan(db, { 1: [{}] }, "matrice-attuazione");
      return recordProgressUpdate(db, actor, { measureId: plan.measure("1.1"), status: "IN_PROGRESS", progressPercent: 25, text: "Lavori avviati nel quartiere." });
    },
    expected: deciders,
  },
};
