import type { PrismaClient } from "@/lib/db/client";
import type { RoundStatus } from "@/lib/db/generated/enums";
import { type Actor, requireRole } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { recordRoundEvent } from "./round-audit";
import { assertNoOverlap, lockPlanRounds } from "./round-overlap";
import { closeRound, openRound } from "./round-transitions";
import { effectiveRoundStatus } from "./round-window";
import { parseRoundsInput, roundIdSchema, roundStatusChangeSchema } from "./rounds.schemas";
import { ROUND_MANAGERS } from "./schedule-round";
import { lockingTransaction } from "./transaction-options";

/**
 * The facilitators' buttons: open now (a scheduled round opens before its time), close now (an
 * open round closes early), start the synthesis (after closing). Publishing the synthesis belongs
 * to the synthesis work and is refused here. Opening and closing go through the same conditional
 * transitions as the scheduler, so a button pressed while the scheduler runs still happens once.
 */
export async function changeRoundStatus(db: PrismaClient, actor: Actor | null, roundId: string, input: unknown, now: Date = new Date()): Promise<RoundStatus> {
  const user = requireRole(actor, ...ROUND_MANAGERS);
  if (!roundIdSchema.safeParse(roundId).success) throw new AppError("NOT_FOUND", "rounds.errors.notFound");
  const { status: target } = parseRoundsInput(roundStatusChangeSchema, input);
  if (target === "PUBLISHED") throw new AppError("CONFLICT", "rounds.errors.publishLater");
  if (target === "SCHEDULED") throw new AppError("CONFLICT", "rounds.errors.transitionNotAllowed");

  return db.$transaction(async (tx) => {
    const found = await tx.round.findUnique({ where: { id: roundId }, select: { planId: true } });
    if (!found) throw new AppError("NOT_FOUND", "rounds.errors.notFound");
    await lockPlanRounds(tx, found.planId);
    const round = await tx.round.findUniqueOrThrow({ where: { id: roundId }, select: { id: true, planId: true, status: true, opensAt: true, closesAt: true } });
    const current = effectiveRoundStatus(round, now);
    const transition = { actorId: user.userId, now };

    if (target === "OPEN") {
      if (current !== "SCHEDULED" && !(current === "OPEN" && round.status === "SCHEDULED")) throw new AppError("CONFLICT", "rounds.errors.transitionNotAllowed");
      if (round.opensAt > now) {
        // Opening early moves the opening time: the round must not overlap the previous one.
        await assertNoOverlap(tx, round.planId, now, round.closesAt, round.id);
        await tx.round.update({ where: { id: round.id }, data: { opensAt: now } });
      }
      if (!(await openRound(tx, round.id, transition))) throw new AppError("CONFLICT", "rounds.errors.statusChanged");
      return "OPEN";
    }

    if (target === "CLOSED") {
      if (current !== "OPEN") throw new AppError("CONFLICT", "rounds.errors.transitionNotAllowed");
      // Closing early moves the closing time, so the calendar shows when it really closed.
      if (round.closesAt > now) await tx.round.update({ where: { id: round.id }, data: { closesAt: now } });
      if (!(await closeRound(tx, round.id, transition))) throw new AppError("CONFLICT", "rounds.errors.statusChanged");
      return "CLOSED";
    }

    // SYNTHESIS: after closing. A round past its closing time that the scheduler has not closed yet
    // is closed first (with its notifications).
    if (current !== "CLOSED") throw new AppError("CONFLICT", "rounds.errors.transitionNotAllowed");
    if (round.status !== "CLOSED") await closeRound(tx, round.id, { actorId: null, now });
    const { count } = await tx.round.updateMany({ where: { id: round.id, status: "CLOSED" }, data: { status: "SYNTHESIS" } });
    if (count === 0) throw new AppError("CONFLICT", "rounds.errors.statusChanged");
    await recordRoundEvent(tx, { actorId: user.userId, action: "round.synthesis-started", entityType: "Round", entityId: round.id });
    return "SYNTHESIS";
  }, lockingTransaction);
}
