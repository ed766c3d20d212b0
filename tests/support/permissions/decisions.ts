import { applyBulkDecision } from "@/lib/decisions/apply-bulk-decision";
import { changeDecisionOption } from "@/lib/decisions/change-decision-option";
import { getDecisionReview } from "@/lib/decisions/get-decision-review";
import { getMeasureDecision } from "@/lib/decisions/get-measure-decision";
import { listDecisionOptions } from "@/lib/decisions/list-decision-options";
import { recordDecision } from "@/lib/decisions/record-decision";
import { decisionForm, sharedDecidablePlan } from "../decisions-factory";
import { type ActorName, type MutationTable, type Outcome, adminOnly } from "./matrix";

/** Officials and admins answer the plan's questions (lib/decisions/decisions.policy.ts). */
const deciders: Record<ActorName, Outcome> = { ...adminOnly, official: "allowed" };
let labels = 0;

/** Officials' decisions (lib/decisions) in the permission matrix. */
export const decisionsMutations: MutationTable = {
  "record a decision": {
    run: async (db, actor) => {
      const plan = await sharedDecidablePlan(db);
      const measureId = plan.measures["1.1"]!;
      const version = await plan.nextVersion(measureId);
      return recordDecision(db, actor, plan.address, decisionForm(measureId, version, { budget: `${version + 1}.000` }));
    },
    expected: deciders,
  },
  "apply a bulk decision": {
    run: async (db, actor) => {
      const plan = await sharedDecidablePlan(db);
      return applyBulkDecision(db, actor, plan.address, { measureIds: [plan.measures["1.1"], plan.measures["1.2"]], note: `Nota ${(labels += 1)}` });
    },
    expected: deciders,
  },
  "add to a decision list": {
    run: async (db, actor) => changeDecisionOption(db, actor, { action: "add", kind: "FUNDING_SOURCE", label: `Fondo di prova ${Date.now()}-${(labels += 1)}` }),
    expected: deciders,
  },
  "read the decision lists": {
    run: async (db, actor) => listDecisionOptions(db, actor),
    expected: deciders,
  },
  "read the decisions review": {
    run: async (db, actor) => getDecisionReview(db, actor, (await sharedDecidablePlan(db)).address),
    expected: deciders,
  },
  "read a measure's decision": {
    run: async (db, actor) => getMeasureDecision(db, actor, (await sharedDecidablePlan(db)).address, "1.1"),
    expected: deciders,
  },
};
