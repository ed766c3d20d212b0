import type { PrismaClient } from "@/lib/db/client";
import type { ProposalKind } from "@/lib/db/generated/enums";
import type { Actor } from "@/lib/auth/session";
import { kindBySlug, proposalsQuerySchema } from "./proposals.schemas";
import { type RoundAxis, type RoundContext, type RoundMeasure, loadRoundContext } from "./round-context";

export interface ProposalForm {
  round: RoundContext;
  kind: ProposalKind;
  /** Preselected from ?misura=<code> / ?asse=<n>, when they are part of the round's revision. */
  measure: RoundMeasure | null;
  axis: RoundAxis | null;
  /** Why this person cannot propose here now, or null when they can (the service checks again on submit). */
  blocked: "signIn" | "stakeholdersOnly" | "roundNotOpen" | null;
}

/** What the new-proposal page needs: the kind chosen in the address (?tipo=…), the measure or axis, the revision's lists. */
export async function getProposalForm(db: PrismaClient, actor: Actor | null, roundId: string, query: unknown): Promise<ProposalForm> {
  const round = await loadRoundContext(db, roundId);
  const parsed = proposalsQuerySchema.safeParse(query ?? {});
  const q = parsed.success ? parsed.data : proposalsQuerySchema.parse({});
  const kind = (q.tipo ? kindBySlug[q.tipo] : undefined) ?? (q.asse && !q.misura ? "NEW_MEASURE" : "AMEND_MEASURE");
  const measure = q.misura ? (round.measures.find((candidate) => candidate.code === q.misura) ?? null) : null;
  const axis = q.asse ? (round.axes.find((candidate) => candidate.number === q.asse) ?? null) : measure ? (round.axes.find((candidate) => candidate.id === measure.axisId) ?? null) : null;
  const blocked = !round.acceptsContributions ? "roundNotOpen" : !actor ? "signIn" : actor.role !== "STAKEHOLDER" ? "stakeholdersOnly" : null;
  return { round, kind, measure, axis, blocked };
}
