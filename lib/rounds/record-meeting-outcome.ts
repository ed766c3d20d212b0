import type { PrismaClient } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { type Actor, requireRole } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { recordRoundEvent } from "./round-audit";
import { meetingOutcomeSchema, parseRoundsInput } from "./rounds.schemas";
import { ROUND_MANAGERS } from "./schedule-round";
import { lockingTransaction } from "./transaction-options";
import { checkMeetingIds, lockedMeeting } from "./update-meeting";

/**
 * Who may record what happened at a meeting (headcount, minutes, attendance): facilitators and
 * admins, for a meeting named by valid ids.
 */
export function requireMeetingRecorder(actor: Actor | null, roundId: string, meetingId: string): Actor {
  const user = requireRole(actor, ...ROUND_MANAGERS);
  checkMeetingIds(roundId, meetingId);
  return user;
}

/** The meeting, locked, once it can be recorded: started (server time) and not cancelled. */
export async function lockedMeetingToRecord(tx: Prisma.TransactionClient, roundId: string, meetingId: string, now: Date) {
  const meeting = await lockedMeeting(tx, roundId, meetingId);
  if (meeting.cancelledAt) throw new AppError("CONFLICT", "meetings.errors.cancelled");
  if (now < meeting.startsAt) throw new AppError("CONFLICT", "meetings.errors.notStarted");
  return meeting;
}

/**
 * Facilitators and admins record what happened at a meeting, once it has started: the headcount in
 * the room (people without a device included) and the minutes, plain text shown like any user text.
 * Either may be left empty and filled in later. Audited.
 */
export async function recordMeetingOutcome(db: PrismaClient, actor: Actor | null, roundId: string, meetingId: string, input: unknown, now: Date = new Date()): Promise<void> {
  const user = requireMeetingRecorder(actor, roundId, meetingId);
  const data = parseRoundsInput(meetingOutcomeSchema, input);
  await db.$transaction(async (tx) => {
    await lockedMeetingToRecord(tx, roundId, meetingId, now);
    await tx.meeting.update({ where: { id: meetingId }, data: { headcount: data.headcount, minutes: data.minutes } });
    await recordRoundEvent(tx, {
      actorId: user.userId,
      action: "meeting.outcome-recorded",
      entityType: "Meeting",
      entityId: meetingId,
      data: { roundId, headcount: data.headcount, minutesLength: data.minutes?.length ?? 0 },
    });
  }, lockingTransaction);
}
