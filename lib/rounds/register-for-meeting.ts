import type { PrismaClient } from "@/lib/db/client";
import { type Actor, requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { consumeRateLimit } from "@/lib/security/rate-limit";
import { rateLimitPolicies } from "@/lib/security/rate-limit-policies";
import { lockingTransaction } from "./transaction-options";
import { checkMeetingIds } from "./update-meeting";

/**
 * A signed-in person registers for a meeting that takes registrations (optional or required),
 * before it starts, while seats are left. The meeting row is locked (SELECT … FOR UPDATE) while the
 * seats are counted, so simultaneous requests for the last seat cannot both get it. Registering
 * twice is harmless: the answer is the same and nothing is added. Registering and withdrawing count
 * against the person's meetingRegistrationPerUser rate limit (RATE_LIMITED beyond it).
 */
export async function registerForMeeting(db: PrismaClient, actor: Actor | null, roundId: string, meetingId: string, now: Date = new Date()): Promise<{ registered: true; seatsLeft: number | null }> {
  const user = requireUser(actor);
  checkMeetingIds(roundId, meetingId);
  await consumeRateLimit(db, rateLimitPolicies.meetingRegistrationPerUser, user.userId, now);
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ capacity: number | null; registration: string; startsAt: Date; cancelledAt: Date | null }[]>`
      SELECT capacity, registration::text AS registration, "startsAt", "cancelledAt" FROM "Meeting"
      WHERE id = ${meetingId}::uuid AND "roundId" = ${roundId}::uuid FOR UPDATE`;
    const meeting = rows[0];
    if (!meeting) throw new AppError("NOT_FOUND", "meetings.errors.notFound");
    if (meeting.registration === "NONE") throw new AppError("CONFLICT", "meetings.errors.noRegistration");
    if (meeting.cancelledAt) throw new AppError("CONFLICT", "meetings.errors.cancelled");
    if (now >= meeting.startsAt) throw new AppError("CONFLICT", "meetings.errors.started");
    const taken = await tx.meetingRegistration.count({ where: { meetingId } });
    const seatsLeft = (taken: number) => (meeting.capacity === null ? null : meeting.capacity - taken);
    const existing = await tx.meetingRegistration.findUnique({ where: { meetingId_userId: { meetingId, userId: user.userId } }, select: { userId: true } });
    if (existing) return { registered: true as const, seatsLeft: seatsLeft(taken) };
    if (meeting.capacity !== null && taken >= meeting.capacity) throw new AppError("CONFLICT", "meetings.errors.full");
    await tx.meetingRegistration.create({ data: { meetingId, userId: user.userId } });
    return { registered: true as const, seatsLeft: seatsLeft(taken + 1) };
  }, lockingTransaction);
}

/** A signed-in person withdraws their own registration, until the meeting starts (same rate limit). */
export async function unregisterFromMeeting(db: PrismaClient, actor: Actor | null, roundId: string, meetingId: string, now: Date = new Date()): Promise<{ registered: false }> {
  const user = requireUser(actor);
  checkMeetingIds(roundId, meetingId);
  await consumeRateLimit(db, rateLimitPolicies.meetingRegistrationPerUser, user.userId, now);
  await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ startsAt: Date }[]>`SELECT "startsAt" FROM "Meeting" WHERE id = ${meetingId}::uuid AND "roundId" = ${roundId}::uuid FOR UPDATE`;
    const meeting = rows[0];
    if (!meeting) throw new AppError("NOT_FOUND", "meetings.errors.notFound");
    if (now >= meeting.startsAt) throw new AppError("CONFLICT", "meetings.errors.started");
    await tx.meetingRegistration.deleteMany({ where: { meetingId, userId: user.userId } });
  }, lockingTransaction);
  return { registered: false };
}
