import type { PrismaClient } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { defineDataset } from "../dataset";
import { centsNumber, isoInstant, keysetBatches } from "../keyset";
import { type ProposalRow, proposalRowSchema, proposalsDatasetQuerySchema, proposalsDocumentSchema } from "../open-data.schemas";
import { roundFilter } from "../plan-filter";

/**
 * Proposals (of one round, or of every round), in identifier order, hidden ones omitted; with status, public
 * answer and support count. Of the author only the stakeholder category, never a name or an id.
 */
export const proposalsDataset = defineDataset({
  name: "proposals",
  query: proposalsDatasetQuerySchema,
  row: proposalRowSchema,
  document: proposalsDocumentSchema,
  filters: [{ name: "round", required: false }],
  async open(db: PrismaClient, query) {
    const round = query.round ? await roundFilter(db, query.round) : null;
    return rows(db, round?.id ?? null);
  },
});

interface ProposalRecord {
  id: string;
  roundId: string;
  kind: ProposalRow["kind"];
  measureCode: string | null;
  axisNumber: number | null;
  title: string;
  proposedText: string | null;
  rationale: string;
  proposedTiming: string | null;
  proposedBudgetCents: bigint | null;
  proposedFundingSource: string | null;
  proposedDepartment: string | null;
  status: ProposalRow["status"];
  answer: string | null;
  answeredAt: Date | null;
  mergedIntoId: string | null;
  createdAt: Date;
  supports: number;
  authorCategory: ProposalRow["authorCategory"];
}

/**
 * One SQL query per batch (joins instead of relation loading: this is the big export). Keyset on the
 * primary key, so each batch is an index range scan however large the table.
 */
function proposalBatch(db: PrismaClient, roundId: string | null, last: { id: string } | null, take: number): Promise<ProposalRecord[]> {
  return db.$queryRaw<ProposalRecord[]>`
    SELECT p."id", p."roundId", p."kind"::text AS "kind", m."code" AS "measureCode", ax."number" AS "axisNumber", p."title", p."proposedText",
           p."rationale", p."proposedTiming", p."proposedBudgetCents", p."proposedFundingSource", p."proposedDepartment", p."status"::text AS "status",
           p."answer", p."answeredAt", p."mergedIntoId", p."createdAt",
           (SELECT count(*) FROM "ProposalSupport" s WHERE s."proposalId" = p."id")::int AS "supports",
           CASE WHEN u."erasedAt" IS NULL THEN sp."category"::text END AS "authorCategory"
    FROM "Proposal" p
    JOIN "User" u ON u."id" = p."authorId"
    LEFT JOIN "StakeholderProfile" sp ON sp."userId" = p."authorId"
    LEFT JOIN "Measure" m ON m."id" = p."measureId"
    LEFT JOIN "Axis" ax ON ax."id" = p."axisId"
    WHERE p."moderation" <> 'HIDDEN'
      ${roundId ? Prisma.sql`AND p."roundId" = ${roundId}::uuid` : Prisma.empty}
      ${last ? Prisma.sql`AND p."id" > ${last.id}::uuid` : Prisma.empty}
    ORDER BY p."id"
    LIMIT ${take}`;
}

async function* rows(db: PrismaClient, roundId: string | null): AsyncGenerator<ProposalRow> {
  for await (const proposal of keysetBatches((last: { id: string } | null, take) => proposalBatch(db, roundId, last, take))) {
    yield {
      id: proposal.id,
      round: proposal.roundId,
      kind: proposal.kind,
      measure: proposal.measureCode,
      axis: proposal.axisNumber,
      title: proposal.title,
      proposedText: proposal.proposedText,
      body: proposal.rationale,
      proposedTiming: proposal.proposedTiming,
      proposedBudgetCents: centsNumber(proposal.proposedBudgetCents),
      proposedFundingSource: proposal.proposedFundingSource,
      proposedDepartment: proposal.proposedDepartment,
      status: proposal.status,
      answer: proposal.answer,
      answeredAt: isoInstant(proposal.answeredAt),
      mergedInto: proposal.mergedIntoId,
      createdAt: isoInstant(proposal.createdAt)!,
      supports: proposal.supports,
      authorCategory: proposal.authorCategory,
    };
  }
}
