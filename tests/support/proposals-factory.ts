/** Proposals and SWOT entries for tests, made through the real services. */
import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/session";
import { submitProposal } from "@/lib/proposals/submit-proposal";
import { submitSwotEntry } from "@/lib/swot/submit-swot-entry";
import { type TestRound, createRound, measureId, stakeholder } from "./round-factory";

/** A valid amendment of measure `code` (default "1.1"), as a form would send it. */
export async function amendmentInput(db: PrismaClient, round: TestRound, code = "1.1", overrides: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  return {
    kind: "AMEND_MEASURE",
    measureId: await measureId(db, round.planId, code),
    title: "Coinvolgere le scuole",
    proposedText: "Promuovere incontri periodici con le scuole del territorio.",
    rationale: "Le scuole sono luoghi dove le famiglie già si incontrano.",
    ...overrides,
  };
}

/** The id of an axis of the seed plan by number. */
export async function axisId(db: PrismaClient, planId: string, number: number): Promise<string> {
  return (await db.axis.findUniqueOrThrow({ where: { planId_number: { planId, number } }, select: { id: true } })).id;
}

/** An open round with one amendment by a fresh stakeholder (or by `author`). */
export async function proposalOnOpenRound(db: PrismaClient, author?: Actor, round?: TestRound): Promise<{ round: TestRound; author: Actor; proposalId: string }> {
  const theRound = round ?? (await createRound(db));
  const theAuthor = author ?? (await stakeholder(db));
  const { id } = await submitProposal(db, theAuthor, theRound.id, await amendmentInput(db, theRound));
  return { round: theRound, author: theAuthor, proposalId: id };
}

export async function swotEntry(db: PrismaClient, author: Actor, round: TestRound, kind = "STRENGTH", body = "Una rete di associazioni molto attiva.", axis?: string): Promise<string> {
  return (await submitSwotEntry(db, author, round.id, { kind, body, ...(axis ? { axisId: axis } : {}) })).id;
}

/** Closes a round by its clock (closing time just passed), as the scheduler would find it. */
export async function closeRound(db: PrismaClient, roundId: string): Promise<void> {
  await db.round.update({ where: { id: roundId }, data: { closesAt: new Date(Date.now() - 1000) } });
}
