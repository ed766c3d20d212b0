/** Meetings and paper tallies for the participation tests (votes and comments go through the real services). */
import type { PrismaClient } from "@/lib/db/client";

/** A meeting of the round, as the facilitators would schedule it (only what paper tallies need). */
export async function createMeeting(db: PrismaClient, roundId: string, title = "Assemblea di quartiere"): Promise<string> {
  const startsAt = new Date(Date.now() - 2 * 3600_000);
  const meeting = await db.meeting.create({
    data: { roundId, title, venue: "Circolo ARCI di Putignano", venueKind: "CULTURAL_CLUB", startsAt, endsAt: new Date(startsAt.getTime() + 3600_000) },
    select: { id: true },
  });
  return meeting.id;
}

/** Paper ballots counted in a meeting for one measure. */
export async function createPaperTally(
  db: PrismaClient,
  { meetingId, roundId, measureId, support = 0, oppose = 0, abstain = 0, prioritySum = 0, priorityCount = 0 }: { meetingId: string; roundId: string; measureId: string; support?: number; oppose?: number; abstain?: number; prioritySum?: number; priorityCount?: number },
): Promise<void> {
  await db.paperTally.create({ data: { meetingId, roundId, measureId, support, oppose, abstain, prioritySum, priorityCount } });
}
