/** "My contributions": everything of the actor's own, nothing of anyone else's, newest first, paged per type. */
import { AppError } from "@/lib/errors/app-error";
import { listOwnContributions } from "@/lib/participation/list-own-contributions";
import { answerProposal } from "@/lib/proposals/answer-proposal";
import { supportProposal } from "@/lib/proposals/support-proposal";
import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/session";
import { signedInUser } from "../support/auth-factory";
import { proposalOnOpenRound, swotEntry } from "../support/proposals-factory";
import { type TestRound, createRound, measureId, stakeholder } from "../support/round-factory";
import { databaseForThisFile } from "../support/test-database";

jest.setTimeout(60_000);
const db = databaseForThisFile();

/** Votes and comments are the participation module's; rows are enough to read them back here. */
async function participate(prisma: PrismaClient, actor: Actor, round: TestRound, tag: string) {
  const measure = await measureId(prisma, round.planId, "1.1");
  const axis = await prisma.axis.findFirstOrThrow({ where: { planId: round.planId, number: 2 }, select: { id: true } });
  const vote = await prisma.vote.create({ data: { roundId: round.id, measureId: measure, userId: actor.userId, choice: "SUPPORT", priority: 4, category: "CITIZEN" } });
  const comment = await prisma.comment.create({ data: { roundId: round.id, authorId: actor.userId, measureId: measure, body: `Commento ${tag}` } });
  const axisComment = await prisma.comment.create({ data: { roundId: round.id, authorId: actor.userId, axisId: axis.id, parentId: null, body: `Sull'asse ${tag}` } });
  const swot = await swotEntry(prisma, actor, round, "OPPORTUNITY", `SWOT ${tag}`);
  const { proposalId } = await proposalOnOpenRound(prisma, actor, round);
  return { vote: vote.id, comments: [comment.id, axisComment.id], swot, proposalId };
}

test("only the actor's own votes, comments, proposals with answers, supports and SWOT entries", async () => {
  const round = await createRound(db.prisma);
  const me = await stakeholder(db.prisma);
  const someone = await stakeholder(db.prisma);
  const mine = await participate(db.prisma, me, round, "mio");
  const theirs = await participate(db.prisma, someone, round, "altrui");
  await supportProposal(db.prisma, me, theirs.proposalId);
  await supportProposal(db.prisma, someone, mine.proposalId);
  await answerProposal(db.prisma, await signedInUser(db.prisma, "FACILITATOR"), mine.proposalId, { status: "ACCEPTED", answer: "Accolta, grazie." });

  const own = await listOwnContributions(db.prisma, me, {});
  expect(own.votes.items.map((vote) => vote.id)).toEqual([mine.vote]);
  expect(own.votes.items[0]).toMatchObject({ choice: "SUPPORT", priority: 4, measure: { code: "1.1" }, round: { id: round.id } });
  expect(own.comments.items.map((comment) => comment.id)).toEqual([...mine.comments].reverse());
  expect(own.comments.items[0]).toMatchObject({ measure: null, axisNumber: 2, isReply: false });
  expect(own.proposals.items).toEqual([expect.objectContaining({ id: mine.proposalId, status: "ACCEPTED", answer: "Accolta, grazie.", supportCount: 1 })]);
  expect(own.supports.items).toEqual([expect.objectContaining({ id: theirs.proposalId, status: "OPEN" })]);
  expect(own.swot.items.map((entry) => entry.id)).toEqual([mine.swot]);
  // Nothing of the other person's anywhere.
  const text = JSON.stringify(own);
  for (const id of [theirs.vote, ...theirs.comments, theirs.swot, someone.userId]) expect(text).not.toContain(id);
  expect(text).not.toContain("altrui");

  expect(await listOwnContributions(db.prisma, null, {}).then(() => null, (error: AppError) => error.code)).toBe("UNAUTHENTICATED");
});

test("newest first, bounded per type, each type paged on by its own cursor without gaps or repeats", async () => {
  const me = await stakeholder(db.prisma);
  const round = await createRound(db.prisma);
  const ids: string[] = [];
  for (let i = 0; i < 5; i++) ids.push(await swotEntry(db.prisma, me, round, "STRENGTH", `Osservazione ${i}`));
  // Two rows with the same instant are ordered by id, and the cursor keeps both.
  const sameInstant = new Date();
  await db.prisma.swotEntry.updateMany({ where: { id: { in: [ids[3]!, ids[4]!] } }, data: { createdAt: sameInstant } });
  const expected = await db.prisma.swotEntry.findMany({ where: { authorId: me.userId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } });

  const first = await listOwnContributions(db.prisma, me, {}, { perType: 2 });
  expect(first.swot).toMatchObject({ paged: false, next: expect.any(String) });
  const seen = first.swot.items.map((entry) => entry.id);
  let cursor = first.swot.next;
  while (cursor) {
    const page = await listOwnContributions(db.prisma, me, { swot: cursor }, { perType: 2 });
    expect(page.swot.paged).toBe(true);
    seen.push(...page.swot.items.map((entry) => entry.id));
    cursor = page.swot.next;
  }
  expect(seen).toEqual(expected.map((row) => row.id));
  // A malformed cursor is the first page, not an error.
  expect((await listOwnContributions(db.prisma, me, { swot: "'; DROP TABLE" }, { perType: 2 })).swot.paged).toBe(false);
});
