import type { PrismaClient } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { ModerationState, Role } from "@/lib/db/generated/enums";
import type { Actor } from "@/lib/auth/session";
import { acceptsContributions, effectiveRoundStatus } from "@/lib/rounds/round-window";
import { COMMENTS_PAGE_SIZE, COMMENT_EDIT_WINDOW_MS, type CommentCursor, REPLIES_SHOWN, encodeCommentCursor } from "./comments.schemas";

/**
 * One page of a measure's or an axis' comments in a round: 20 top-level comments, newest first,
 * each with its first replies (oldest first, at most 50; the rest are counted), and the totals.
 *
 * Keyset pagination on (createdAt, id): the cursor is the last top-level comment shown, and the
 * next page is a row comparison the index [measureId|axisId, roundId, createdAt, id] answers by a
 * bounded index scan, however deep the page — no OFFSET, never everything loaded. Replies come
 * from the [parentId, createdAt] index, a bounded LATERAL scan per thread.
 *
 * Hidden and pending comments keep their place with the moderators' notice; their text is not
 * even sent to the page.
 */
export type CommentTarget = { measureId: string } | { axisId: string };

export type CommentBlocker = "signedOut" | "profileRequired" | "notOpenYet" | "closed";

export interface CommentView {
  id: string;
  body: string;
  moderation: ModerationState;
  hiddenReason: string | null;
  createdAt: Date;
  editedAt: Date | null;
  author: { displayName: string | null; erased: boolean; role: Role };
  mine: boolean;
  /** Until when the visitor (its author) may still edit it; null when they may not. */
  editableUntil: Date | null;
}

export interface CommentThread extends CommentView {
  replies: CommentView[];
  replyCount: number;
}

export interface CommentPage {
  threads: CommentThread[];
  /** Every comment on the target in the round, replies included. */
  total: number;
  topLevelTotal: number;
  /** Cursor of the next page, or null on the last one. */
  nextCursor: string | null;
  /** Whether this is a later page (the first page is reached without a cursor). */
  isFirstPage: boolean;
  /** Why the visitor cannot write here now, or null. */
  blocker: CommentBlocker | null;
}

const commentSelect = {
  id: true,
  body: true,
  moderation: true,
  hiddenReason: true,
  createdAt: true,
  editedAt: true,
  authorId: true,
  roundId: true,
  author: { select: { role: true, erasedAt: true, name: true, profile: { select: { displayName: true } } } },
} as const;

type CommentRow = Prisma.CommentGetPayload<{ select: typeof commentSelect }>;

interface ReplyRow {
  id: string;
  parentId: string;
  body: string;
  moderation: ModerationState;
  hiddenReason: string | null;
  createdAt: Date;
  editedAt: Date | null;
  authorId: string;
  roundId: string;
  role: Role;
  erasedAt: Date | null;
  name: string | null;
  displayName: string | null;
}

export async function listComments(
  db: PrismaClient,
  actor: Actor | null,
  { roundId, target, cursor = null, now = new Date() }: { roundId: string; target: CommentTarget; cursor?: CommentCursor | null; now?: Date },
): Promise<CommentPage> {
  const column = "measureId" in target ? Prisma.sql`"measureId"` : Prisma.sql`"axisId"`;
  const targetId = "measureId" in target ? target.measureId : target.axisId;

  const [round, profile, pageIds, [counts]] = await Promise.all([
    db.round.findUnique({ where: { id: roundId }, select: { status: true, opensAt: true, closesAt: true } }),
    actor ? db.stakeholderProfile.findUnique({ where: { userId: actor.userId }, select: { userId: true } }) : null,
    db.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "Comment"
      WHERE ${column} = ${targetId}::uuid AND "roundId" = ${roundId}::uuid AND "parentId" IS NULL
      ${cursor ? Prisma.sql`AND ("createdAt", "id") < (${cursor.createdAt}::timestamptz, ${cursor.id}::uuid)` : Prisma.empty}
      ORDER BY "createdAt" DESC, "id" DESC
      LIMIT ${COMMENTS_PAGE_SIZE + 1}`,
    // Both totals in one pass over the target's comments.
    db.$queryRaw<{ total: number; topLevel: number }[]>`
      SELECT count(*)::int AS "total", (count(*) FILTER (WHERE "parentId" IS NULL))::int AS "topLevel"
      FROM "Comment" WHERE ${column} = ${targetId}::uuid AND "roundId" = ${roundId}::uuid`,
  ]);
  const total = counts?.total ?? 0;
  const topLevelTotal = counts?.topLevel ?? 0;

  const hasMore = pageIds.length > COMMENTS_PAGE_SIZE;
  const ids = pageIds.slice(0, COMMENTS_PAGE_SIZE).map((row) => row.id);
  // The page's threads, their first replies (a bounded LATERAL scan per thread, authors joined) and reply counts, at once.
  const [parents, replyRows, replyCounts] = ids.length === 0
    ? [[], [], []]
    : await Promise.all([
        db.comment.findMany({ where: { id: { in: ids } }, select: commentSelect }),
        db.$queryRaw<ReplyRow[]>`
          SELECT r."id", r."parentId", r."body", r."moderation"::text AS "moderation", r."hiddenReason", r."createdAt", r."editedAt", r."authorId", r."roundId",
                 u."role"::text AS "role", u."erasedAt", u."name", sp."displayName"
          FROM unnest(${ids}::uuid[]) AS p("id")
          CROSS JOIN LATERAL (
            SELECT c.* FROM "Comment" c WHERE c."parentId" = p."id" ORDER BY c."createdAt", c."id" LIMIT ${REPLIES_SHOWN}
          ) r
          JOIN "User" u ON u."id" = r."authorId"
          LEFT JOIN "StakeholderProfile" sp ON sp."userId" = r."authorId"
          ORDER BY r."createdAt", r."id"`,
        db.comment.groupBy({ by: ["parentId"], where: { parentId: { in: ids } }, _count: { _all: true } }),
      ]);
  const replies = replyRows.map((row) => ({
    id: row.id,
    parentId: row.parentId,
    body: row.body,
    moderation: row.moderation,
    hiddenReason: row.hiddenReason,
    createdAt: row.createdAt,
    editedAt: row.editedAt,
    authorId: row.authorId,
    roundId: row.roundId,
    author: { role: row.role, erasedAt: row.erasedAt, name: row.name, profile: row.displayName === null ? null : { displayName: row.displayName } },
  }));

  const open = round ? acceptsContributions(round, now) : false;
  const view = (row: CommentRow): CommentView => {
    const mine = actor?.userId === row.authorId;
    const visible = row.moderation === "VISIBLE";
    const until = new Date(row.createdAt.getTime() + COMMENT_EDIT_WINDOW_MS);
    return {
      id: row.id,
      body: visible ? row.body : "",
      moderation: row.moderation,
      hiddenReason: row.moderation === "HIDDEN" ? row.hiddenReason : null,
      createdAt: row.createdAt,
      editedAt: row.editedAt,
      author: { displayName: row.author.erasedAt ? null : (row.author.profile?.displayName ?? row.author.name), erased: row.author.erasedAt !== null, role: row.author.role },
      mine,
      editableUntil: mine && open && visible && now < until ? until : null,
    };
  };

  const byId = new Map(parents.map((row) => [row.id, row]));
  const countOf = new Map(replyCounts.map((row) => [row.parentId, row._count._all]));
  const threads = ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    return [{ ...view(row), replies: replies.filter((reply) => reply.parentId === id).map(view), replyCount: countOf.get(id) ?? 0 }];
  });
  const last = threads.at(-1);

  let blocker: CommentBlocker | null = null;
  if (!round || !open) blocker = round && effectiveRoundStatus(round, now) === "SCHEDULED" ? "notOpenYet" : "closed";
  else if (!actor) blocker = "signedOut";
  else if (!profile) blocker = "profileRequired";

  return {
    threads,
    total,
    topLevelTotal,
    nextCursor: hasMore && last ? encodeCommentCursor(last) : null,
    isFirstPage: cursor === null,
    blocker,
  };
}
