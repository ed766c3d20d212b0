import type { PrismaClient } from "@/lib/db/client";

export type RoundAddress = { roundId: string; meetingId?: string; proposalId?: string };

/**
 * Whether a round address names something that exists: the round, and the meeting or proposal of
 * that round it asks for. Lets the router answer 404 itself (see proxy.ts).
 */
export async function roundAddressExists(db: PrismaClient, address: RoundAddress): Promise<boolean> {
  const round = await db.round.findUnique({
    where: { id: address.roundId },
    select: {
      id: true,
      meetings: address.meetingId ? { where: { id: address.meetingId }, select: { id: true } } : undefined,
      proposals: address.proposalId ? { where: { id: address.proposalId }, select: { id: true } } : undefined,
    },
  });
  if (!round) return false;
  if (address.meetingId && round.meetings.length === 0) return false;
  if (address.proposalId && round.proposals.length === 0) return false;
  return true;
}
