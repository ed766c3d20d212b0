import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { recordRoundEvent } from "./round-audit";
import { lockedMeetingToRecord, requireMeetingRecorder } from "./record-meeting-outcome";
import { attendanceSchema, parseRoundsInput } from "./rounds.schemas";
import { lockingTransaction } from "./transaction-options";

/**
 * Facilitators and admins tick off who attended a meeting, once it has started (same rule as the
 * headcount and minutes): the people ticked among those registered or ticked before, plus, by
 * e-mail address (exact), a signed-up stakeholder who came without registering. Saving replaces the
 * facilitators' attendances of the meeting in one transaction; attendances recorded by the live
 * session (LIVE) are never removed. Audited, with counts only.
 */
export async function recordAttendance(
  db: PrismaClient,
  actor: Actor | null,
  roundId: string,
  meetingId: string,
  input: unknown,
  now: Date = new Date(),
): Promise<{ attended: number }> {
  const user = requireMeetingRecorder(actor, roundId, meetingId);
  const data = parseRoundsInput(attendanceSchema, input);
  return db.$transaction(async (tx) => {
    await lockedMeetingToRecord(tx, roundId, meetingId, now);

    const [registrations, existing] = await Promise.all([
      tx.meetingRegistration.findMany({ where: { meetingId }, select: { userId: true } }),
      tx.meetingAttendance.findMany({ where: { meetingId }, select: { userId: true, source: true } }),
    ]);
    // Only people on the facilitators' list can be ticked: registered, or ticked off before.
    const known = new Set([...registrations.map((row) => row.userId), ...existing.map((row) => row.userId)]);
    if (data.attended.some((id) => !known.has(id))) {
      throw new AppError("VALIDATION", "meetings.errors.validation", {}, { attended: "meetings.fields.attendeeInvalid" });
    }
    const ticked = new Set(data.attended);
    let walkIn = false;
    if (data.email) {
      const person = await tx.user.findUnique({ where: { email: data.email }, select: { id: true, role: true, erasedAt: true, profile: { select: { userId: true } } } });
      if (!person || person.role !== "STAKEHOLDER" || person.erasedAt || !person.profile) {
        throw new AppError("VALIDATION", "meetings.errors.validation", {}, { email: "meetings.fields.attendeeEmailUnknown" });
      }
      walkIn = !known.has(person.id);
      ticked.add(person.id);
    }

    const live = new Set(existing.filter((row) => row.source === "LIVE").map((row) => row.userId));
    const marked = new Set(existing.filter((row) => row.source === "FACILITATOR").map((row) => row.userId));
    const removed = [...marked].filter((id) => !ticked.has(id));
    const added = [...ticked].filter((id) => !marked.has(id) && !live.has(id));
    if (removed.length > 0) await tx.meetingAttendance.deleteMany({ where: { meetingId, source: "FACILITATOR", userId: { in: removed } } });
    if (added.length > 0) await tx.meetingAttendance.createMany({ data: added.map((userId) => ({ meetingId, userId, source: "FACILITATOR" as const, joinedAt: now })), skipDuplicates: true });
    const attended = await tx.meetingAttendance.count({ where: { meetingId } });
    await recordRoundEvent(tx, {
      actorId: user.userId,
      action: "meeting.attendance-recorded",
      entityType: "Meeting",
      entityId: meetingId,
      data: { roundId, attended, added: added.length, removed: removed.length, walkIn },
    });
    return { attended };
  }, lockingTransaction);
}
