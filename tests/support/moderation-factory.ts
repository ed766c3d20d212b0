/**
 * Contributions for the moderation tests, written straight into the database: the comment, proposal
 * and SWOT services belong to other modules; what moderation needs is only the rows.
 */
import type { PrismaClient } from "@/lib/db/client";
import type { ContributionType } from "@/lib/moderation/moderation.schemas";
import { createRound, measureId, type TestRound } from "./round-factory";

let round: Promise<TestRound> | undefined;
let roundDb: PrismaClient | undefined;

/** One open round per database, shared by the contributions of a test file. */
export function sharedRound(db: PrismaClient): Promise<TestRound> {
  if (!round || roundDb !== db) {
    roundDb = db;
    round = createRound(db, { title: "Consultazione per la moderazione" });
  }
  return round;
}

export interface TestContribution {
  type: ContributionType;
  id: string;
  roundId: string;
}

/** A comment on measure 1.1 of the seed plan (or `parentId`'s reply), by `authorId`. */
export async function createComment(db: PrismaClient, authorId: string, body = "Un commento qualsiasi."): Promise<TestContribution & { measureCode: string; planSlug: string }> {
  const r = await sharedRound(db);
  const comment = await db.comment.create({ data: { roundId: r.id, authorId, measureId: await measureId(db, r.planId, "1.1"), body }, select: { id: true } });
  return { type: "comment", id: comment.id, roundId: r.id, measureCode: "1.1", planSlug: r.planSlug };
}

export async function createProposal(db: PrismaClient, authorId: string, title = "Una proposta"): Promise<TestContribution> {
  const r = await sharedRound(db);
  const proposal = await db.proposal.create({
    data: { roundId: r.id, authorId, kind: "AMEND_MEASURE", measureId: await measureId(db, r.planId, "1.1"), title, proposedText: "Testo nuovo.", rationale: "Perché sì." },
    select: { id: true },
  });
  return { type: "proposal", id: proposal.id, roundId: r.id };
}

export async function createSwotEntry(db: PrismaClient, authorId: string, body = "Un punto di forza."): Promise<TestContribution> {
  const r = await sharedRound(db);
  const entry = await db.swotEntry.create({ data: { roundId: r.id, authorId, kind: "STRENGTH", body }, select: { id: true } });
  return { type: "swot", id: entry.id, roundId: r.id };
}
