import type { PrismaClient } from "@/lib/db/client";
import type { ContributionChannel, VoteChoice } from "@/lib/db/generated/enums";
import type { Actor } from "@/lib/auth/session";
import { acceptsContributions, effectiveRoundStatus } from "@/lib/rounds/round-window";
import { type MeasureResults, getVoteResults } from "./get-vote-results";

/**
 * What the vote section of a measure page shows: the visitor's own current vote, whether they may
 * vote now (and if not, why — as a message key), and the measure's aggregated results.
 * Reads only: the rate limit and the real checks belong to castVote.
 */
export type VoteBlocker = "signedOut" | "stakeholdersOnly" | "profileRequired" | "notOpenYet" | "closed" | "measureNotInRound";

export interface MeasureVoteView {
  ownVote: { choice: VoteChoice; priority: number | null; channel: ContributionChannel; updatedAt: Date; changes: number } | null;
  blocker: VoteBlocker | null;
  categoriesShown: boolean;
  results: MeasureResults | null;
}

export async function getMeasureVote(db: PrismaClient, actor: Actor | null, roundId: string, measureId: string, now: Date = new Date()): Promise<MeasureVoteView> {
  const [summary, ownVote, profile] = await Promise.all([
    getVoteResults(db, roundId, { measureId, now }),
    actor
      ? db.vote.findUnique({
          where: { roundId_measureId_userId: { roundId, measureId, userId: actor.userId } },
          select: { choice: true, priority: true, channel: true, updatedAt: true, _count: { select: { history: true } } },
        })
      : null,
    actor ? db.stakeholderProfile.findUnique({ where: { userId: actor.userId }, select: { category: true } }) : null,
  ]);
  const results = summary.measures[0] ?? null;
  const round = summary.round;
  let blocker: VoteBlocker | null = null;
  if (!results) blocker = "measureNotInRound";
  else if (!acceptsContributions(round, now)) blocker = effectiveRoundStatus(round, now) === "SCHEDULED" ? "notOpenYet" : "closed";
  else if (!actor) blocker = "signedOut";
  else if (actor.role !== "STAKEHOLDER") blocker = "stakeholdersOnly";
  else if (!profile) blocker = "profileRequired";
  return {
    ownVote: ownVote ? { choice: ownVote.choice, priority: ownVote.priority, channel: ownVote.channel, updatedAt: ownVote.updatedAt, changes: ownVote._count.history } : null,
    blocker,
    categoriesShown: summary.categoriesShown,
    results,
  };
}
