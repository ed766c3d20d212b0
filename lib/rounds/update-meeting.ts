import type { PrismaClient } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { type Actor, requireRole } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { recordRoundEvent } from "./round-audit";
import { meetingIdSchema, meetingSchema, parseRoundsInput, roundIdSchema } from "./rounds.schemas";
import { ROUND_MANAGERS } from "./schedule-round";
import { assertInsideRound, lockRoundForMeetings } from "./schedule-meeting";
import { lockingTransaction } from "./transaction-options";

/** The meeting, locked for this transaction (seats, times and outcome change one at a time). */
async function lockedMeeting(db: Prisma.TransactionClient, roundId: string, meetingId: string) {
  const rows = await db.$queryRaw<{ id: string }[]>`SELECT id FROM "Meeting" WHERE id = ${meetingId}::uuid AND "roundId" = ${roundId}::uuid FOR UPDATE`;
  if (rows.length === 0) throw new AppError("NOT_FOUND", "meetings.errors.notFound");
  return db.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { id: true, startsAt: true, endsAt: true, cancelledAt: true, _count: { select: { registrations: true } } } });
}

function checkIds(roundId: string, meetingId: string): void {
  if (!roundIdSchema.safeParse(roundId).success || !meetingIdSchema.safeParse(meetingId).success) throw new AppError("NOT_FOUND", "meetings.errors.notFound");
}

/**
 * Facilitators and admins change a meeting until it starts: every field, still inside the round,
 * with no fewer seats than people already registered. Cancelled meetings stay as they are. Audited.
 */
export async function updateMeeting(db: PrismaClient, actor: Actor | null, roundId: string, meetingId: string, input: unknown, now: Date = new Date()): Promise<void> {
  const user = requireRole(actor, ...ROUND_MANAGERS);
  checkIds(roundId, meetingId);
  const data = parseRoundsInput(meetingSchema, input);
  await db.$transaction(async (tx) => {
    const round = await lockRoundForMeetings(tx, roundId, now);
    const meeting = await lockedMeeting(tx, roundId, meetingId);
    if (meeting.cancelledAt) throw new AppError("CONFLICT", "meetings.errors.cancelled");
    if (now >= meeting.startsAt) throw new AppError("CONFLICT", "meetings.errors.started");
    assertInsideRound(data, round);
    if (data.capacity !== null && data.capacity < meeting._count.registrations) {
      throw new AppError("VALIDATION", "meetings.errors.validation", { count: meeting._count.registrations }, { capacity: "meetings.fields.capacityBelowRegistrations" });
    }
    await tx.meeting.update({ where: { id: meetingId }, data });
    await recordRoundEvent(tx, { actorId: user.userId, action: "meeting.updated", entityType: "Meeting", entityId: meetingId, data: { roundId, startsAt: data.startsAt.toISOString() } });
  }, lockingTransaction);
}

/**
 * Facilitators and admins cancel a meeting that has not ended: it stays listed, marked cancelled
 * (and as CANCELLED in the calendar feed, so subscribed calendars drop it). Audited.
 */
export async function cancelMeeting(db: PrismaClient, actor: Actor | null, roundId: string, meetingId: string, now: Date = new Date()): Promise<void> {
  const user = requireRole(actor, ...ROUND_MANAGERS);
  checkIds(roundId, meetingId);
  await db.$transaction(async (tx) => {
    const meeting = await lockedMeeting(tx, roundId, meetingId);
    if (meeting.cancelledAt) throw new AppError("CONFLICT", "meetings.errors.cancelled");
    if (now >= meeting.endsAt) throw new AppError("CONFLICT", "meetings.errors.ended");
    await tx.meeting.update({ where: { id: meetingId }, data: { cancelledAt: now } });
    await recordRoundEvent(tx, { actorId: user.userId, action: "meeting.cancelled", entityType: "Meeting", entityId: meetingId, data: { roundId } });
  }, lockingTransaction);
}

export { checkIds as checkMeetingIds, lockedMeeting };
