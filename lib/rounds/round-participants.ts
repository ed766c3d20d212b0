import { Prisma } from "@/lib/db/generated/client";

type Tx = Prisma.TransactionClient;

/**
 * Everyone who took part in the rounds a condition selects: voters, commenters, proposers,
 * supporters of proposals, authors of SWOT observations. `rounds` is a SQL condition on "Round" r.
 */
async function participantsWhere(tx: Tx, rounds: Prisma.Sql): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    WITH chosen AS (SELECT r.id FROM "Round" r WHERE ${rounds})
    SELECT "userId" AS id FROM "Vote" WHERE "roundId" IN (SELECT id FROM chosen)
    UNION SELECT "authorId" FROM "Comment" WHERE "roundId" IN (SELECT id FROM chosen)
    UNION SELECT "authorId" FROM "Proposal" WHERE "roundId" IN (SELECT id FROM chosen)
    UNION SELECT s."userId" FROM "ProposalSupport" s JOIN "Proposal" p ON p.id = s."proposalId" WHERE p."roundId" IN (SELECT id FROM chosen)
    UNION SELECT "authorId" FROM "SwotEntry" WHERE "roundId" IN (SELECT id FROM chosen)`;
  return rows.map((row) => row.id);
}

/** The people who took part in this round. */
export function roundParticipants(tx: Tx, roundId: string): Promise<string[]> {
  return participantsWhere(tx, Prisma.sql`r.id = ${roundId}::uuid`);
}

/** The people who took part in the plan's rounds that opened before this one. */
export function earlierRoundsParticipants(tx: Tx, round: { id: string; planId: string; opensAt: Date }): Promise<string[]> {
  return participantsWhere(tx, Prisma.sql`r."planId" = ${round.planId}::uuid AND r.id <> ${round.id}::uuid AND r."opensAt" < ${round.opensAt}`);
}
