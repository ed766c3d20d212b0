import type { PrismaClient } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { type Actor, requireRole } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { recordRoundEvent } from "./round-audit";
import { assertNoOverlap, lockPlanRounds } from "./round-overlap";
import { effectiveRoundStatus } from "./round-window";
import { parseRoundsInput, roundIdSchema, updateOpenRoundSchema, updateScheduledRoundSchema } from "./rounds.schemas";
import { ROUND_MANAGERS } from "./schedule-round";
import { lockingTransaction } from "./transaction-options";

/**
 * Facilitators and admins edit a round: while it is scheduled, everything (title, description,
 * revision, times); while it is open, only the description and the closing time, which may not be
 * in the past. Afterwards nothing. The times are checked again against the plan's other rounds and
 * against the round's own meetings, under the plan's lock. Audited with the fields that changed.
 */
export async function updateRound(db: PrismaClient, actor: Actor | null, roundId: string, input: unknown, now: Date = new Date()): Promise<void> {
  const user = requireRole(actor, ...ROUND_MANAGERS);
  if (!roundIdSchema.safeParse(roundId).success) throw new AppError("NOT_FOUND", "rounds.errors.notFound");

  await db.$transaction(async (tx) => {
    const found = await tx.round.findUnique({ where: { id: roundId }, select: { planId: true } });
    if (!found) throw new AppError("NOT_FOUND", "rounds.errors.notFound");
    await lockPlanRounds(tx, found.planId);
    const round = await tx.round.findUniqueOrThrow({
      where: { id: roundId },
      select: { id: true, planId: true, revisionId: true, title: true, description: true, status: true, opensAt: true, closesAt: true },
    });
    const status = effectiveRoundStatus(round, now);

    let changes: Prisma.RoundUncheckedUpdateManyInput;
    let next: { opensAt: Date; closesAt: Date };
    if (status === "SCHEDULED") {
      const data = parseRoundsInput(updateScheduledRoundSchema, input);
      const revisionId = data.revisionId ?? round.revisionId;
      if (revisionId !== round.revisionId) {
        const revision = await tx.revision.findFirst({ where: { id: revisionId, planId: round.planId, status: "PUBLISHED" }, select: { id: true } });
        if (!revision) throw new AppError("VALIDATION", "rounds.errors.validation", {}, { revisionId: "rounds.fields.revisionNotPublished" });
      }
      changes = { title: data.title, description: data.description, opensAt: data.opensAt, closesAt: data.closesAt, revisionId };
      next = { opensAt: data.opensAt, closesAt: data.closesAt };
    } else if (status === "OPEN") {
      const data = parseRoundsInput(updateOpenRoundSchema, input);
      changes = { description: data.description, closesAt: data.closesAt };
      next = { opensAt: round.opensAt, closesAt: data.closesAt };
    } else {
      throw new AppError("CONFLICT", "rounds.errors.notEditable");
    }
    if (next.closesAt <= now) throw new AppError("VALIDATION", "rounds.errors.validation", {}, { closesAt: "rounds.fields.closesInPast" });
    if (next.closesAt <= next.opensAt) throw new AppError("VALIDATION", "rounds.errors.validation", {}, { closesAt: "rounds.fields.closesBeforeOpens" });
    await assertNoOverlap(tx, round.planId, next.opensAt, next.closesAt, round.id);
    const outside = await tx.meeting.count({ where: { roundId: round.id, cancelledAt: null, OR: [{ startsAt: { lt: next.opensAt } }, { endsAt: { gt: next.closesAt } }] } });
    if (outside > 0) throw new AppError("CONFLICT", "rounds.errors.meetingsOutside", { count: outside });

    // Only while the status is still the one the rules were chosen for (the scheduler takes no lock).
    const { count } = await tx.round.updateMany({ where: { id: round.id, status: round.status }, data: changes });
    if (count === 0) throw new AppError("CONFLICT", "rounds.errors.statusChanged");

    const before: Record<string, string> = { title: round.title, description: round.description, revisionId: round.revisionId, opensAt: round.opensAt.toISOString(), closesAt: round.closesAt.toISOString() };
    const after: Record<string, string> = {
      title: typeof changes.title === "string" ? changes.title : round.title,
      description: typeof changes.description === "string" ? changes.description : round.description,
      revisionId: typeof changes.revisionId === "string" ? changes.revisionId : round.revisionId,
      opensAt: next.opensAt.toISOString(),
      closesAt: next.closesAt.toISOString(),
    };
    const changed = Object.keys(before).filter((key) => before[key] !== after[key]);
    await recordRoundEvent(tx, { actorId: user.userId, action: "round.updated", entityType: "Round", entityId: round.id, data: { status, changed } });
  }, lockingTransaction);
}
