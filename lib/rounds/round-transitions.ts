import type { Prisma } from "@/lib/db/generated/client";
import { notify } from "@/lib/notifications/notify";
import { recordRoundEvent } from "./round-audit";
import { earlierRoundsParticipants, roundParticipants } from "./round-participants";

/**
 * The two automatic transitions, shared by the scheduler and the facilitators' buttons. Each is a
 * conditional UPDATE (… WHERE status = what it was): when two app instances, or an instance and a
 * facilitator, try the same transition at once, PostgreSQL lets exactly one UPDATE change the row —
 * the other re-reads it after the first commits and finds nothing to do. The winner records the
 * notifications and the audit event in the same transaction, so they happen exactly once too.
 */
type Tx = Prisma.TransactionClient;

export const roundPath = (roundId: string) => `/consultazioni/${roundId}`;

export interface Transition {
  /** Who pressed the button; null for the scheduler. */
  actorId: string | null;
  now: Date;
}

/**
 * SCHEDULED → OPEN, when the round's window contains `now` (a facilitator's "open now" first moves
 * opensAt to now). Notifies the people who took part in the plan's earlier rounds.
 */
export async function openRound(tx: Tx, roundId: string, { actorId, now }: Transition): Promise<boolean> {
  const { count } = await tx.round.updateMany({ where: { id: roundId, status: "SCHEDULED", opensAt: { lte: now }, closesAt: { gt: now } }, data: { status: "OPEN" } });
  if (count === 0) return false;
  const round = await tx.round.findUniqueOrThrow({ where: { id: roundId }, select: { id: true, planId: true, title: true, opensAt: true, closesAt: true } });
  const recipients = await earlierRoundsParticipants(tx, round);
  const notified = await notify(tx, recipients, "ROUND_OPENED", { roundId, roundTitle: round.title, closesAt: round.closesAt.toISOString(), path: roundPath(roundId) });
  await recordRoundEvent(tx, { actorId, action: "round.opened", entityType: "Round", entityId: roundId, data: { by: actorId ? "facilitator" : "scheduler", notified } });
  return true;
}

/**
 * SCHEDULED or OPEN → CLOSED, once the closing time has come (a facilitator's "close now" first
 * moves closesAt to now). Notifies the round's participants.
 */
export async function closeRound(tx: Tx, roundId: string, { actorId, now }: Transition): Promise<boolean> {
  const { count } = await tx.round.updateMany({ where: { id: roundId, status: { in: ["SCHEDULED", "OPEN"] }, closesAt: { lte: now } }, data: { status: "CLOSED" } });
  if (count === 0) return false;
  const round = await tx.round.findUniqueOrThrow({ where: { id: roundId }, select: { title: true } });
  const recipients = await roundParticipants(tx, roundId);
  const notified = await notify(tx, recipients, "ROUND_CLOSED", { roundId, roundTitle: round.title, path: roundPath(roundId) });
  await recordRoundEvent(tx, { actorId, action: "round.closed", entityType: "Round", entityId: roundId, data: { by: actorId ? "facilitator" : "scheduler", notified } });
  return true;
}
