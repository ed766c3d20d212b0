/**
 * Comments: threads (one level of replies, same round and target), the author's 15-minute edit
 * window on a fixed clock, keyset pagination that stays correct with equal timestamps, and the
 * reply notification. Real PostgreSQL.
 */
import { postComment } from "@/lib/participation/post-comment";
import { editComment } from "@/lib/participation/edit-comment";
import { listComments } from "@/lib/participation/list-comments";
import { parseCommentCursor } from "@/lib/participation/comments.schemas";
import { AppError } from "@/lib/errors/app-error";
import { signedInUser } from "../support/auth-factory";
import { createRound, measureId, stakeholder } from "../support/round-factory";
import { databaseForThisFile } from "../support/test-database";

jest.setTimeout(120_000);
const db = databaseForThisFile();
const minute = 60_000;

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

async function axisId(planId: string, number: number): Promise<string> {
  return (await db.prisma.axis.findUniqueOrThrow({ where: { planId_number: { planId, number } }, select: { id: true } })).id;
}

describe("posting and replying", () => {
  test("comments and replies thread on their measure; the parent's author is notified, not oneself", async () => {
    const round = await createRound(db.prisma);
    const measure = await measureId(db.prisma, round.planId, "2.1");
    const anna = await stakeholder(db.prisma, "CITIZEN");
    const bruno = await stakeholder(db.prisma, "BUSINESS");
    const facilitator = await signedInUser(db.prisma, "FACILITATOR");

    const root = await postComment(db.prisma, anna, { roundId: round.id, measureId: measure, body: "  Serve più trasporto serale.\r\n\r\nDa Pontedera soprattutto.  " });
    expect(root.path).toBe(`/piani/${round.planSlug}/misure/2.1#comment-${root.id}`);
    expect(await db.prisma.comment.findUniqueOrThrow({ where: { id: root.id } })).toMatchObject({ authorId: anna.userId, body: "Serve più trasporto serale.\n\nDa Pontedera soprattutto.", parentId: null, moderation: "VISIBLE" });

    const reply = await postComment(db.prisma, bruno, { roundId: round.id, measureId: measure, parentId: root.id, body: "D'accordo, anche il sabato." });
    const staffReply = await postComment(db.prisma, facilitator, { roundId: round.id, measureId: measure, parentId: root.id, body: "Ne terremo conto nella sintesi." });
    const ownReply = await postComment(db.prisma, anna, { roundId: round.id, measureId: measure, parentId: root.id, body: "Grazie!" });

    const notifications = await db.prisma.notification.findMany({ where: { kind: "COMMENT_REPLY", userId: { in: [anna.userId, bruno.userId, facilitator.userId] } }, orderBy: { createdAt: "asc" } });
    expect(notifications.map((row) => [row.userId, row.data])).toEqual([
      [anna.userId, { roundId: round.id, commentId: root.id, replyId: reply.id, path: reply.path }],
      [anna.userId, { roundId: round.id, commentId: root.id, replyId: staffReply.id, path: staffReply.path }],
    ]);
    expect(notifications.some((row) => (row.data as { replyId: string }).replyId === ownReply.id)).toBe(false);

    const page = await listComments(db.prisma, bruno, { roundId: round.id, target: { measureId: measure } });
    expect(page).toMatchObject({ total: 4, topLevelTotal: 1, nextCursor: null, blocker: null });
    expect(page.threads).toHaveLength(1);
    const thread = page.threads[0]!;
    expect(thread).toMatchObject({ id: root.id, replyCount: 3, mine: false, editableUntil: null, author: { displayName: anna.displayName, role: "STAKEHOLDER" } });
    expect(thread.replies.map((item) => [item.id, item.author.role, item.mine])).toEqual([
      [reply.id, "STAKEHOLDER", true],
      [staffReply.id, "FACILITATOR", false],
      [ownReply.id, "STAKEHOLDER", false],
    ]);
    expect(thread.replies[0]!.editableUntil).not.toBeNull();
  });

  test("replies stay in their thread: same round, same target, no reply to a reply", async () => {
    const round = await createRound(db.prisma);
    const m1 = await measureId(db.prisma, round.planId, "1.1");
    const m2 = await measureId(db.prisma, round.planId, "1.2");
    const axis = await axisId(round.planId, 1);
    const author = await stakeholder(db.prisma);
    const root = await postComment(db.prisma, author, { roundId: round.id, measureId: m1, body: "Radice" });
    expect(await refusal(postComment(db.prisma, author, { roundId: round.id, measureId: m2, parentId: root.id, body: "Altrove" }))).toMatchObject({ code: "NOT_FOUND", messageKey: "comments.errors.parentNotFound" });
    expect(await refusal(postComment(db.prisma, author, { roundId: round.id, axisId: axis, parentId: root.id, body: "Sull'asse" }))).toMatchObject({ code: "NOT_FOUND" });
    const reply = await postComment(db.prisma, author, { roundId: round.id, measureId: m1, parentId: root.id, body: "Risposta" });
    expect(await refusal(postComment(db.prisma, author, { roundId: round.id, measureId: m1, parentId: reply.id, body: "Annidata" }))).toMatchObject({ code: "VALIDATION", messageKey: "comments.errors.replyToReply" });

    const other = await createRound(db.prisma, { status: "CLOSED", opensAt: new Date(Date.now() - 100 * minute), closesAt: new Date(Date.now() - 90 * minute) });
    expect(await refusal(postComment(db.prisma, author, { roundId: other.id, measureId: m1, parentId: root.id, body: "Altra consultazione" }))).toMatchObject({ code: "CONFLICT", messageKey: "participation.errors.roundClosed" });

    // An axis comment, and the target rules.
    const onAxis = await postComment(db.prisma, author, { roundId: round.id, axisId: axis, body: "Sull'asse 1" });
    expect(onAxis.path).toBe(`/consultazioni/${round.id}#comment-${onAxis.id}`);
    expect(await refusal(postComment(db.prisma, author, { roundId: round.id, body: "Su niente" }))).toMatchObject({ code: "VALIDATION", details: { target: "comments.errors.targetInvalid" } });
    expect(await refusal(postComment(db.prisma, author, { roundId: round.id, measureId: m1, axisId: axis, body: "Su entrambi" }))).toMatchObject({ code: "VALIDATION" });
    expect(await refusal(postComment(db.prisma, author, { roundId: round.id, measureId: m1, body: "x", authorId: author.userId }))).toMatchObject({ details: { authorId: "comments.errors.unknownField" } });
    expect(await refusal(postComment(db.prisma, author, { roundId: round.id, measureId: m1, body: "x", moderation: "VISIBLE" }))).toMatchObject({ details: { moderation: "comments.errors.unknownField" } });
    expect(await refusal(postComment(db.prisma, author, { roundId: round.id, measureId: m1, body: " \n " }))).toMatchObject({ details: { body: "participation.text.required" } });
    expect(await refusal(postComment(db.prisma, author, { roundId: round.id, measureId: m1, body: "a".repeat(5_001) }))).toMatchObject({ details: { body: "participation.text.tooLong" } });
    expect(await db.prisma.comment.count({ where: { authorId: author.userId } })).toBe(3);
  });

  test("a closed round refuses comments with nothing stored; anonymous visitors are refused", async () => {
    const round = await createRound(db.prisma, { status: "OPEN", opensAt: new Date(Date.now() - 120 * minute), closesAt: new Date(Date.now() - minute) });
    const measure = await measureId(db.prisma, round.planId, "1.1");
    const author = await stakeholder(db.prisma);
    expect(await refusal(postComment(db.prisma, author, { roundId: round.id, measureId: measure, body: "Troppo tardi" }))).toMatchObject({ code: "CONFLICT", messageKey: "participation.errors.roundClosed" });
    expect(await refusal(postComment(db.prisma, null, { roundId: round.id, measureId: measure, body: "Anonimo" }))).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await db.prisma.comment.count({ where: { roundId: round.id } })).toBe(0);
    const page = await listComments(db.prisma, author, { roundId: round.id, target: { measureId: measure } });
    expect(page.blocker).toBe("closed");
  });
});

describe("editing", () => {
  test("the author edits within 15 minutes of writing, on a fixed clock; then never", async () => {
    const round = await createRound(db.prisma);
    const measure = await measureId(db.prisma, round.planId, "3.1");
    const author = await stakeholder(db.prisma);
    const other = await stakeholder(db.prisma);
    const written = new Date(Date.now() - 20 * minute);
    const { id } = await postComment(db.prisma, author, { roundId: round.id, measureId: measure, body: "Prima versione" }, { now: written });

    const at14 = new Date(written.getTime() + 14 * minute + 59_000);
    expect(await editComment(db.prisma, author, { commentId: id, body: "Seconda versione" }, { now: at14 })).toEqual({ id, editedAt: at14 });
    expect(await db.prisma.comment.findUniqueOrThrow({ where: { id } })).toMatchObject({ body: "Seconda versione", editedAt: at14, createdAt: written });

    const listed = await listComments(db.prisma, author, { roundId: round.id, target: { measureId: measure }, now: at14 });
    expect(listed.threads[0]).toMatchObject({ editedAt: at14, editableUntil: new Date(written.getTime() + 15 * minute) });
    expect((await listComments(db.prisma, author, { roundId: round.id, target: { measureId: measure }, now: new Date(written.getTime() + 15 * minute) })).threads[0]!.editableUntil).toBeNull();

    expect(await refusal(editComment(db.prisma, other, { commentId: id, body: "Non mio" }, { now: at14 }))).toMatchObject({ code: "FORBIDDEN", messageKey: "comments.errors.notAuthor" });
    const at15 = new Date(written.getTime() + 15 * minute);
    expect(await refusal(editComment(db.prisma, author, { commentId: id, body: "Terza versione" }, { now: at15 }))).toMatchObject({ code: "CONFLICT", messageKey: "comments.errors.editWindowOver" });
    expect(await refusal(editComment(db.prisma, author, { commentId: id, body: "x", authorId: other.userId }, { now: at14 }))).toMatchObject({ code: "VALIDATION" });

    await db.prisma.comment.update({ where: { id }, data: { moderation: "HIDDEN", hiddenReason: "Fuori tema" } });
    expect(await refusal(editComment(db.prisma, author, { commentId: id, body: "Aggiro la moderazione" }, { now: at14 }))).toMatchObject({ code: "CONFLICT", messageKey: "comments.errors.moderated" });
    expect((await db.prisma.comment.findUniqueOrThrow({ where: { id } })).body).toBe("Seconda versione");
    // Hidden text is not even handed to the page: only the moderators' reason.
    const hidden = (await listComments(db.prisma, null, { roundId: round.id, target: { measureId: measure } })).threads[0]!;
    expect(hidden).toMatchObject({ body: "", moderation: "HIDDEN", hiddenReason: "Fuori tema" });
  });

  test("no edits once the round has closed, even within the 15 minutes", async () => {
    const closesAt = new Date(Date.now() + 5 * minute);
    const round = await createRound(db.prisma, { status: "OPEN", opensAt: new Date(Date.now() - 60 * minute), closesAt });
    const measure = await measureId(db.prisma, round.planId, "3.2");
    const author = await stakeholder(db.prisma);
    const { id } = await postComment(db.prisma, author, { roundId: round.id, measureId: measure, body: "Appena in tempo" });
    expect(await refusal(editComment(db.prisma, author, { commentId: id, body: "Ritocco" }, { now: new Date(closesAt.getTime() + 1000) }))).toMatchObject({ code: "CONFLICT", messageKey: "participation.errors.roundClosed" });
  });
});

describe("pagination", () => {
  test("keyset pages over 130 comments with equal timestamps: every comment once, in order, 20 at a time", async () => {
    const round = await createRound(db.prisma);
    const measure = await measureId(db.prisma, round.planId, "4.1");
    const authors = [await stakeholder(db.prisma), await stakeholder(db.prisma)];
    const instant = new Date(Date.now() - 5 * minute);
    // Arranged directly (the per-user rate limit is not what is tested): 130 top-level comments, in
    // five groups sharing one timestamp each, plus replies that must never show up as threads.
    const rows = Array.from({ length: 130 }, (_, i) => ({
      roundId: round.id,
      measureId: measure,
      authorId: authors[i % 2]!.userId,
      body: `Commento ${i}`,
      createdAt: new Date(instant.getTime() + Math.floor(i / 26) * 1000),
    }));
    await db.prisma.comment.createMany({ data: rows });
    const someParent = await db.prisma.comment.findFirstOrThrow({ where: { measureId: measure, body: "Commento 5" } });
    await db.prisma.comment.createMany({ data: Array.from({ length: 60 }, (_, i) => ({ roundId: round.id, measureId: measure, authorId: authors[0]!.userId, parentId: someParent.id, body: `Risposta ${i}`, createdAt: instant })) });

    const expected = await db.prisma.comment.findMany({ where: { measureId: measure, parentId: null }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await listComments(db.prisma, null, { roundId: round.id, target: { measureId: measure }, cursor: parseCommentCursor(cursor) });
      expect(page.total).toBe(190);
      expect(page.topLevelTotal).toBe(130);
      expect(page.threads.length).toBeLessThanOrEqual(20);
      for (const thread of page.threads) {
        seen.push(thread.id);
        if (thread.id === someParent.id) {
          expect(thread.replyCount).toBe(60);
          expect(thread.replies).toHaveLength(50);
        }
      }
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 20);
    expect(pages).toBe(7);
    expect(seen).toEqual(expected.map((row) => row.id));
    expect(new Set(seen).size).toBe(130);
  });

  test("the page query uses the index and no OFFSET", async () => {
    const round = await createRound(db.prisma);
    const measure = await measureId(db.prisma, round.planId, "4.2");
    const author = await stakeholder(db.prisma);
    await db.prisma.comment.createMany({ data: Array.from({ length: 3000 }, (_, i) => ({ roundId: round.id, measureId: measure, authorId: author.userId, body: `N. ${i}`, createdAt: new Date(Date.now() - i * 1000) })) });
    await db.prisma.$executeRawUnsafe(`ANALYZE "Comment"`);
    const deep = await db.prisma.comment.findMany({ where: { measureId: measure }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: 2500, take: 1 });
    const cursor = { createdAt: deep[0]!.createdAt, id: deep[0]!.id };
    const plan = await db.prisma.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
      `EXPLAIN SELECT "id" FROM "Comment" WHERE "measureId" = $1::uuid AND "roundId" = $2::uuid AND "parentId" IS NULL AND ("createdAt", "id") < ($3::timestamptz, $4::uuid) ORDER BY "createdAt" DESC, "id" DESC LIMIT 21`,
      measure, round.id, cursor.createdAt, cursor.id,
    );
    expect(plan.map((row) => row["QUERY PLAN"]).join("\n")).toContain("Comment_measureId_roundId_createdAt_id_idx");
    const page = await listComments(db.prisma, null, { roundId: round.id, target: { measureId: measure }, cursor });
    expect(page.threads[0]!.body).toBe("N. 2501");
    expect(page.threads).toHaveLength(20);
  });
});
