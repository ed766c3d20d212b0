import type { PrismaClient } from "@/lib/db/client";
import type { ContributionChannel, VoteChoice } from "@/lib/db/generated/enums";
import { type Actor, requireUser } from "@/lib/auth/session";
import { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { guardContribution } from "./contribution-guard";
import { parseParticipationInput } from "./parse-input";
import { castVoteSchema } from "./votes.schemas";
import { countVote } from "@/lib/observability/metrics";

/**
 * A stakeholder's vote on a measure of an open round: support / oppose / abstain and an optional
 * priority 1–5. One current vote per stakeholder × measure × round, enforced by the unique
 * constraint; voting again replaces it, and the state it replaces goes to VoteHistory in the same
 * transaction. Web votes and votes cast in a live assembly (channel LIVE) go through here alike.
 *
 * Concurrency: a first vote is one INSERT … ON CONFLICT DO NOTHING. Otherwise, in a transaction,
 * INSERT … ON CONFLICT DO UPDATE with a no-op assignment inserts the vote or locks the existing row
 * and returns it as it is; the history entry and the update follow under that lock. Any number of
 * simultaneous submissions of one person therefore run one after the other on that row: one vote,
 * and a history entry for each submission that actually changed it.
 */
export interface CastVoteOptions {
  channel?: ContributionChannel;
  /** Cast in this live session (channel LIVE): the session's admitted guests may vote too. */
  liveSessionId?: string;
  now?: Date;
}

export interface CastVoteResult {
  voteId: string;
  choice: VoteChoice;
  priority: number | null;
  channel: ContributionChannel;
  outcome: "created" | "changed" | "unchanged";
}

interface LockedVote {
  id: string;
  choice: VoteChoice;
  priority: number | null;
  channel: ContributionChannel;
  updatedAt: Date;
  inserted: boolean;
}

export async function castVote(db: PrismaClient, actor: Actor | null, input: unknown, options: CastVoteOptions = {}): Promise<CastVoteResult> {
  const stored = await storeVote(db, actor, input, options);
  // The instance's votes counter (/api/metrics); live votes are counted by the live server, once per vote:cast.
  if ((options.channel ?? "WEB") === "WEB") countVote();
  return stored;
}

async function storeVote(db: PrismaClient, actor: Actor | null, input: unknown, { channel = "WEB", liveSessionId, now = new Date() }: CastVoteOptions): Promise<CastVoteResult> {
  // Who, which round, when, how often: before anything else (even before reading the input).
  const roundId = castVoteSchema.shape.roundId.safeParse(typeof input === "object" && input !== null ? (input as { roundId?: unknown }).roundId : undefined);
  if (!roundId.success) {
    requireUser(actor, { liveSessionId });
    parseParticipationInput(castVoteSchema, input, "votes"); // throws: reports the bad round id with the other fields
  }
  const contributor = await guardContribution(db, actor, roundId.data as string, "vote", now, liveSessionId);
  const vote = parseParticipationInput(castVoteSchema, input, "votes");

  const userId = contributor.actor.userId;
  const priority = vote.priority ?? null;
  const result = { choice: vote.choice, priority, channel };
  // The measure must be in the revision the round consults: the INSERT takes it from MeasureVersion,
  // so a stray measure inserts (and locks) nothing.
  const row = Prisma.sql`
    SELECT gen_random_uuid(), ${contributor.round.id}::uuid, mv."measureId", ${userId}::uuid,
           ${vote.choice}::"VoteChoice", ${priority}::int, ${channel}::"ContributionChannel", ${contributor.category}::"StakeholderCategory", ${now}, ${now}
    FROM "MeasureVersion" mv WHERE mv."measureId" = ${vote.measureId}::uuid AND mv."revisionId" = ${contributor.round.revisionId}::uuid`;

  // Most votes are someone's first on that measure: one statement, no transaction.
  const [created] = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO "Vote" ("id", "roundId", "measureId", "userId", "choice", "priority", "channel", "category", "createdAt", "updatedAt") ${row}
    ON CONFLICT ("roundId", "measureId", "userId") DO NOTHING
    RETURNING "id"`;
  if (created) return { ...result, voteId: created.id, outcome: "created" };

  return db.$transaction(
    async (tx) => {
      const [current] = await tx.$queryRaw<LockedVote[]>`
        INSERT INTO "Vote" ("id", "roundId", "measureId", "userId", "choice", "priority", "channel", "category", "createdAt", "updatedAt") ${row}
        ON CONFLICT ("roundId", "measureId", "userId") DO UPDATE SET "updatedAt" = "Vote"."updatedAt"
        RETURNING "id", "choice"::text AS "choice", "priority", "channel"::text AS "channel", "updatedAt", ("xmax" = 0) AS "inserted"`;
      if (!current) throw new AppError("NOT_FOUND", "votes.errors.measureNotInRound");
      if (current.inserted) return { ...result, voteId: current.id, outcome: "created" as const };
      if (current.choice === vote.choice && current.priority === priority && current.channel === channel) return { ...result, voteId: current.id, outcome: "unchanged" as const };
      await tx.$executeRaw`
        INSERT INTO "VoteHistory" ("voteId", "choice", "priority", "channel", "castAt", "replacedAt")
        VALUES (${current.id}::uuid, ${current.choice}::"VoteChoice", ${current.priority}::int, ${current.channel}::"ContributionChannel", ${current.updatedAt}, ${now})`;
      await tx.$executeRaw`
        UPDATE "Vote" SET "choice" = ${vote.choice}::"VoteChoice", "priority" = ${priority}::int, "channel" = ${channel}::"ContributionChannel", "category" = ${contributor.category}::"StakeholderCategory", "updatedAt" = ${now}
        WHERE "id" = ${current.id}::uuid`;
      return { ...result, voteId: current.id, outcome: "changed" as const };
    },
    // Many people voting at once queue for connections; each transaction itself takes milliseconds.
    { maxWait: 30_000, timeout: 30_000 },
  );
}
