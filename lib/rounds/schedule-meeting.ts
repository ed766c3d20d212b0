import type { PrismaClient } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { type Actor, requireRole } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { recordRoundEvent } from "./round-audit";
import { lockPlanRounds } from "./round-overlap";
import { effectiveRoundStatus } from "./round-window";
import { type MeetingInput, meetingSchema, parseRoundsInput, roundIdSchema } from "./rounds.schemas";
import { ROUND_MANAGERS } from "./schedule-round";
import { lockingTransaction } from "./transaction-options";

type Tx = Prisma.TransactionClient;

/**
 * The round a meeting belongs to, locked like any change of the plan's round times (so a round
 * cannot shrink around a meeting being scheduled), and still scheduled or open.
 */
export async function lockRoundForMeetings(tx: Tx, roundId: string, now: Date) {
  const found = await tx.round.findUnique({ where: { id: roundId }, select: { planId: true } });
  if (!found) throw new AppError("NOT_FOUND", "rounds.errors.notFound");
  await lockPlanRounds(tx, found.planId);
  const round = await tx.round.findUniqueOrThrow({ where: { id: roundId }, select: { id: true, title: true, status: true, opensAt: true, closesAt: true } });
  const status = effectiveRoundStatus(round, now);
  if (status !== "SCHEDULED" && status !== "OPEN") throw new AppError("CONFLICT", "meetings.errors.roundOver");
  return round;
}

/** A meeting happens while its round runs: it starts no earlier than the opening and ends by the closing. */
export function assertInsideRound(meeting: Pick<MeetingInput, "startsAt" | "endsAt">, round: { opensAt: Date; closesAt: Date }): void {
  if (meeting.startsAt < round.opensAt || meeting.startsAt >= round.closesAt) {
    throw new AppError("VALIDATION", "meetings.errors.validation", {}, { startsAt: "meetings.fields.outsideRound" });
  }
  if (meeting.endsAt > round.closesAt) throw new AppError("VALIDATION", "meetings.errors.validation", {}, { endsAt: "meetings.fields.outsideRound" });
}

/** Facilitators and admins schedule a public assembly within a scheduled or open round. Audited. */
export async function scheduleMeeting(db: PrismaClient, actor: Actor | null, roundId: string, input: unknown, now: Date = new Date()): Promise<{ id: string }> {
  const user = requireRole(actor, ...ROUND_MANAGERS);
  if (!roundIdSchema.safeParse(roundId).success) throw new AppError("NOT_FOUND", "rounds.errors.notFound");
  const data = parseRoundsInput(meetingSchema, input);
  return db.$transaction(async (tx) => {
    const round = await lockRoundForMeetings(tx, roundId, now);
    assertInsideRound(data, round);
    const meeting = await tx.meeting.create({ data: { roundId, ...data }, select: { id: true } });
    await recordRoundEvent(tx, { actorId: user.userId, action: "meeting.scheduled", entityType: "Meeting", entityId: meeting.id, data: { roundId, startsAt: data.startsAt.toISOString(), venueKind: data.venueKind } });
    return meeting;
  }, lockingTransaction);
}
