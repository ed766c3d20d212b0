/**
 * Forms posted twice (issue 8): comments, proposals and SWOT observations carry the submissionId of
 * the form's rendering; the same (author, submissionId) again answers the first submission's result
 * — one after the other, several at the same instant, and when the second one's insert finds the
 * first one still uncommitted (it waits on the unique index, then reads the first one back) —
 * without a second row or a second reply notification. Real PostgreSQL.
 */
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { postComment } from "@/lib/participation/post-comment";
import { submitProposal } from "@/lib/proposals/submit-proposal";
import { submitSwotEntry } from "@/lib/swot/submit-swot-entry";
import { amendmentInput, closeRound } from "../support/proposals-factory";
import { refusal } from "../support/refusal";
import { createRound, measureId, stakeholder } from "../support/round-factory";
import { databaseForThisFile } from "../support/test-database";

jest.setTimeout(120_000);
const db = databaseForThisFile();

/** Waits until some statement of this database waits for a lock (the second insert on the unique index). */
async function untilBlockedOnLock(prisma: PrismaClient): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const [row] = await prisma.$queryRaw<{ waiting: number }[]>`
      SELECT count(*)::int AS "waiting" FROM pg_stat_activity WHERE "datname" = current_database() AND "wait_event_type" = 'Lock'`;
    if (row!.waiting > 0) return;
    if (Date.now() > deadline) throw new Error("no statement waited for the uncommitted first submission");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * `insert` runs in a transaction left open while `second` runs until it waits on that row's unique
 * index; then the transaction commits. Answers the first row's id and what `second` answered.
 */
async function raceWithUncommitted<R>(insert: (tx: Prisma.TransactionClient) => Promise<string>, second: () => Promise<R>): Promise<{ firstId: string; result: R }> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let inserted!: (id: string) => void;
  const insertedId = new Promise<string>((resolve) => (inserted = resolve));
  const first = db.prisma.$transaction(
    async (tx) => {
      const id = await insert(tx);
      inserted(id);
      await released;
      return id;
    },
    { timeout: 30_000 },
  );
  await insertedId;
  const pending = second();
  pending.catch(() => undefined);
  await untilBlockedOnLock(db.prisma);
  release();
  const [firstId, result] = await Promise.all([first, pending]);
  return { firstId, result };
}

describe("comments", () => {
  test("the same form twice is one comment with the first one's id and path; another form is another comment", async () => {
    const round = await createRound(db.prisma);
    const measure = await measureId(db.prisma, round.planId, "2.1");
    const anna = await stakeholder(db.prisma);
    const form = { roundId: round.id, measureId: measure, body: "Serve più trasporto serale.", submissionId: randomUUID() };

    const first = await postComment(db.prisma, anna, form);
    expect(first.path).toBe(`/piani/${round.planSlug}/misure/2.1#comment-${first.id}`);
    expect(await postComment(db.prisma, anna, form)).toEqual(first);
    // What was typed does not matter: the id names the submission.
    expect(await postComment(db.prisma, anna, { ...form, body: "Testo cambiato nel frattempo" })).toEqual(first);
    expect(await db.prisma.comment.findMany({ where: { roundId: round.id }, select: { id: true, body: true, submissionId: true } })).toEqual([{ id: first.id, body: form.body, submissionId: form.submissionId }]);

    const next = await postComment(db.prisma, anna, { ...form, submissionId: randomUUID() });
    expect(next.id).not.toBe(first.id);
    // Another person's form with the same id (ids are per author) is their own comment.
    const bruno = await stakeholder(db.prisma);
    const brunos = await postComment(db.prisma, bruno, form);
    expect(brunos.id).not.toBe(first.id);
    // Without an id (API clients, older pages) every post is a new comment.
    const { submissionId: _none, ...withoutId } = form;
    await postComment(db.prisma, anna, withoutId);
    await postComment(db.prisma, anna, withoutId);
    expect(await db.prisma.comment.count({ where: { roundId: round.id } })).toBe(5);
  });

  test("a re-post answers the first comment even after the round closed, on an axis as well", async () => {
    const round = await createRound(db.prisma);
    const axis = (await db.prisma.axis.findUniqueOrThrow({ where: { planId_number: { planId: round.planId, number: 1 } }, select: { id: true } })).id;
    const anna = await stakeholder(db.prisma);
    const form = { roundId: round.id, axisId: axis, body: "Sull'asse", submissionId: randomUUID() };
    const first = await postComment(db.prisma, anna, form);
    expect(first.path).toBe(`/consultazioni/${round.id}#comment-${first.id}`);
    await closeRound(db.prisma, round.id);
    expect(await postComment(db.prisma, anna, form)).toEqual(first);
    expect(await refusal(postComment(db.prisma, anna, { ...form, submissionId: randomUUID() }))).toMatchObject({ code: "CONFLICT", messageKey: "participation.errors.roundClosed" });
    expect(await db.prisma.comment.count({ where: { roundId: round.id } })).toBe(1);
  });

  test("a malformed submissionId is refused, nothing stored; signed out is still refused", async () => {
    const round = await createRound(db.prisma);
    const measure = await measureId(db.prisma, round.planId, "2.1");
    const anna = await stakeholder(db.prisma);
    const form = { roundId: round.id, measureId: measure, body: "Testo", submissionId: "not-a-uuid" };
    expect(await refusal(postComment(db.prisma, anna, form))).toMatchObject({ code: "VALIDATION", details: { submissionId: "comments.errors.validation" } });
    expect(await refusal(postComment(db.prisma, null, { ...form, submissionId: randomUUID() }))).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await db.prisma.comment.count({ where: { roundId: round.id } })).toBe(0);
  });

  test("a reply posted four times at once is one reply and one notification for the thread's author", async () => {
    const round = await createRound(db.prisma);
    const measure = await measureId(db.prisma, round.planId, "2.1");
    const anna = await stakeholder(db.prisma);
    const bruno = await stakeholder(db.prisma);
    const root = await postComment(db.prisma, anna, { roundId: round.id, measureId: measure, body: "Domanda", submissionId: randomUUID() });
    const reply = { roundId: round.id, measureId: measure, parentId: root.id, body: "Risposta", submissionId: randomUUID() };

    const answers = await Promise.all([1, 2, 3, 4].map(() => postComment(db.prisma, bruno, reply)));
    expect(new Set(answers.map((answer) => answer.id)).size).toBe(1);
    expect(answers.every((answer) => answer.path === `/piani/${round.planSlug}/misure/2.1#comment-${answers[0]!.id}`)).toBe(true);
    expect(await db.prisma.comment.count({ where: { parentId: root.id } })).toBe(1);
    const notifications = await db.prisma.notification.findMany({ where: { userId: anna.userId, kind: "COMMENT_REPLY" }, select: { data: true } });
    expect(notifications).toEqual([{ data: { roundId: round.id, commentId: root.id, replyId: answers[0]!.id, path: answers[0]!.path } }]);
  });

  test("the second post waits on the first one's uncommitted row, then answers it: its own insert and notification rolled back", async () => {
    const round = await createRound(db.prisma);
    const measure = await measureId(db.prisma, round.planId, "2.1");
    const anna = await stakeholder(db.prisma);
    const bruno = await stakeholder(db.prisma);
    const root = await postComment(db.prisma, anna, { roundId: round.id, measureId: measure, body: "Domanda" });
    const reply = { roundId: round.id, measureId: measure, parentId: root.id, body: "Risposta", submissionId: randomUUID() };

    const { firstId, result } = await raceWithUncommitted(
      async (tx) => (await tx.comment.create({ data: { roundId: round.id, measureId: measure, parentId: root.id, authorId: bruno.userId, body: reply.body, submissionId: reply.submissionId }, select: { id: true } })).id,
      () => postComment(db.prisma, bruno, reply),
    );
    expect(result).toEqual({ id: firstId, createdAt: expect.any(Date), path: `/piani/${round.planSlug}/misure/2.1#comment-${firstId}` });
    expect(await db.prisma.comment.count({ where: { parentId: root.id } })).toBe(1);
    // The first row was written without a notification here; the second post's one went with its rollback.
    expect(await db.prisma.notification.count({ where: { userId: anna.userId } })).toBe(0);
  });
});

describe("proposals", () => {
  test("the same form again, or four times at once, is one proposal with the first one's id", async () => {
    const round = await createRound(db.prisma);
    const author = await stakeholder(db.prisma);
    const form: Record<string, unknown> = { ...(await amendmentInput(db.prisma, round)), submissionId: randomUUID() };
    const first = await submitProposal(db.prisma, author, round.id, form);
    expect(await submitProposal(db.prisma, author, round.id, form)).toEqual(first);
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: first.id }, select: { submissionId: true } })).toEqual({ submissionId: form.submissionId });

    const again = { ...form, submissionId: randomUUID() };
    const answers = await Promise.all([1, 2, 3, 4].map(() => submitProposal(db.prisma, author, round.id, again)));
    expect(new Set(answers.map((answer) => answer.id)).size).toBe(1);
    expect(answers[0]!.id).not.toBe(first.id);
    expect(await db.prisma.proposal.count({ where: { roundId: round.id } })).toBe(2);

    const { firstId, result } = await raceWithUncommitted(
      async (tx) => (await tx.proposal.create({ data: { roundId: round.id, authorId: author.userId, kind: "RETIRE_MEASURE", measureId: form.measureId as string, title: "T", rationale: "R", submissionId: (form.submissionId = randomUUID()) as string }, select: { id: true } })).id,
      () => submitProposal(db.prisma, author, round.id, form),
    );
    expect(result).toEqual({ id: firstId });
    expect(await db.prisma.proposal.count({ where: { roundId: round.id } })).toBe(3);

    expect(await refusal(submitProposal(db.prisma, author, round.id, { ...form, submissionId: "x" }))).toMatchObject({ code: "VALIDATION", details: { submissionId: "proposals.errors.validation" } });
  });
});

describe("SWOT observations", () => {
  test("the same form again, or four times at once, is one observation with the first one's id", async () => {
    const round = await createRound(db.prisma);
    const author = await stakeholder(db.prisma);
    const form = { kind: "STRENGTH", axisId: "", body: "Una rete di associazioni.", submissionId: randomUUID() };
    const first = await submitSwotEntry(db.prisma, author, round.id, form);
    expect(await submitSwotEntry(db.prisma, author, round.id, form)).toEqual(first);

    const again = { ...form, submissionId: randomUUID() };
    const answers = await Promise.all([1, 2, 3, 4].map(() => submitSwotEntry(db.prisma, author, round.id, again)));
    expect(new Set(answers.map((answer) => answer.id)).size).toBe(1);
    expect(await db.prisma.swotEntry.count({ where: { roundId: round.id } })).toBe(2);

    const racing = { ...form, submissionId: randomUUID() };
    const { firstId, result } = await raceWithUncommitted(
      async (tx) => (await tx.swotEntry.create({ data: { roundId: round.id, authorId: author.userId, kind: "THREAT", body: "Prima", submissionId: racing.submissionId }, select: { id: true } })).id,
      () => submitSwotEntry(db.prisma, author, round.id, racing),
    );
    expect(result).toEqual({ id: firstId });
    expect(await db.prisma.swotEntry.findMany({ where: { roundId: round.id }, select: { submissionId: true } })).toHaveLength(3);

    expect(await refusal(submitSwotEntry(db.prisma, author, round.id, { ...form, submissionId: "x" }))).toMatchObject({ code: "VALIDATION", details: { submissionId: "swot.errors.validation" } });
  });
});
