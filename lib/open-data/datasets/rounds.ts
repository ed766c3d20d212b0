import type { PrismaClient } from "@/lib/db/client";
import { effectiveRoundStatus } from "@/lib/rounds/round-window";
import { defineDataset } from "../dataset";
import { isoInstant, keysetBatches } from "../keyset";
import { type RoundRow, roundRowSchema, roundsDatasetQuerySchema, roundsDocumentSchema } from "../open-data.schemas";
import { planFilter } from "../plan-filter";

/** Every consultation round (all are public), of one plan or of all, in time order, with participation figures. */
export const roundsDataset = defineDataset({
  name: "rounds",
  query: roundsDatasetQuerySchema,
  row: roundRowSchema,
  document: roundsDocumentSchema,
  filters: [{ name: "plan", required: false }],
  async open(db: PrismaClient, query, now) {
    const plan = query.plan ? await planFilter(db, query.plan) : null;
    return rows(db, plan?.id ?? null, now);
  },
});

interface Counts {
  roundId: string;
  participants: number;
  votes: number;
  paperVotes: number;
  comments: number;
  proposals: number;
}

async function* rows(db: PrismaClient, planId: string | null, now: Date): AsyncGenerator<RoundRow> {
  const rounds = keysetBatches((last: { id: string; opensAt: Date } | null, take) => roundBatch(db, planId, last, take));
  for await (const { round, figures } of rounds) {
    yield {
      id: round.id,
      plan: round.plan.slug,
      title: round.title,
      status: effectiveRoundStatus(round, now),
      opensAt: isoInstant(round.opensAt)!,
      closesAt: isoInstant(round.closesAt)!,
      revision: round.revision.number,
      meetings: round._count.meetings,
      participants: figures?.participants ?? 0,
      votes: figures?.votes ?? 0,
      paperVotes: figures?.paperVotes ?? 0,
      comments: figures?.comments ?? 0,
      proposals: figures?.proposals ?? 0,
    };
  }
}

/** One batch of rounds with their figures (one query for the batch's counts). */
async function roundBatch(db: PrismaClient, planId: string | null, last: { id: string; opensAt: Date } | null, take: number) {
  const batch = await db.round.findMany({
    where: { ...(planId ? { planId } : {}), ...(last ? { OR: [{ opensAt: { gt: last.opensAt } }, { opensAt: last.opensAt, id: { gt: last.id } }] } : {}) },
    orderBy: [{ opensAt: "asc" }, { id: "asc" }],
    take,
    select: {
      id: true,
      title: true,
      status: true,
      opensAt: true,
      closesAt: true,
      plan: { select: { slug: true } },
      revision: { select: { number: true } },
      _count: { select: { meetings: { where: { cancelledAt: null } } } },
    },
  });
  if (batch.length === 0) return [];
  const ids = batch.map((round) => round.id);
  const counts = await db.$queryRaw<Counts[]>`
    SELECT r.id AS "roundId",
      (SELECT count(*) FROM (
         SELECT "userId" FROM "Vote" WHERE "roundId" = r.id
         UNION SELECT "authorId" FROM "Comment" WHERE "roundId" = r.id
         UNION SELECT "authorId" FROM "Proposal" WHERE "roundId" = r.id
         UNION SELECT "authorId" FROM "SwotEntry" WHERE "roundId" = r.id) AS people)::int AS "participants",
      (SELECT count(*) FROM "Vote" WHERE "roundId" = r.id)::int AS "votes",
      (SELECT coalesce(sum("support" + "oppose" + "abstain"), 0) FROM "PaperTally" WHERE "roundId" = r.id)::int AS "paperVotes",
      (SELECT count(*) FROM "Comment" WHERE "roundId" = r.id AND "moderation" <> 'HIDDEN')::int AS "comments",
      (SELECT count(*) FROM "Proposal" WHERE "roundId" = r.id AND "moderation" <> 'HIDDEN')::int AS "proposals"
    FROM "Round" r WHERE r.id = ANY(${ids}::uuid[])`;
  const byRound = new Map(counts.map((row) => [row.roundId, row]));
  return batch.map((round) => ({ id: round.id, opensAt: round.opensAt, round, figures: byRound.get(round.id) }));
}
