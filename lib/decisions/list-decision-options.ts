import type { Actor } from "@/lib/auth/session";
import type { DecisionOptionKind } from "@/lib/db/generated/enums";
import type { Db } from "@/lib/plan/plan-read";
import { requireDecider } from "./decisions.policy";

export interface DecisionOptionView {
  id: string;
  label: string;
  position: number;
  archived: boolean;
}

export type DecisionOptionLists = Record<DecisionOptionKind, DecisionOptionView[]>;

/** The lists as stored, in their order, archived entries included (flagged). No authorization: callers check. */
export async function readDecisionOptions(db: Db): Promise<DecisionOptionLists> {
  const rows = await db.decisionOption.findMany({ orderBy: [{ kind: "asc" }, { position: "asc" }, { label: "asc" }], select: { id: true, kind: true, label: true, position: true, archivedAt: true } });
  const lists: DecisionOptionLists = { FUNDING_SOURCE: [], DEPARTMENT: [] };
  for (const row of rows) lists[row.kind].push({ id: row.id, label: row.label, position: row.position, archived: row.archivedAt !== null });
  return lists;
}

/** The funding sources and departments officials choose from (deciders only), archived entries included. */
export async function listDecisionOptions(db: Db, actor: Actor | null): Promise<DecisionOptionLists> {
  requireDecider(actor);
  return readDecisionOptions(db);
}
