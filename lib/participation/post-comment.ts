import type { PrismaClient } from "@/lib/db/client";
import { type Actor, requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { notify } from "@/lib/notifications/notify";
import { postCommentSchema } from "./comments.schemas";
import { guardContribution } from "./contribution-guard";
import { createOnce, submissionIdOf } from "./once-per-submission";
import { parseParticipationInput } from "./parse-input";

/**
 * A comment on a measure of the round's revision or on an axis, or a reply to a top-level comment
 * of the same round and target (threads are one level deep: a reply answers its thread). Staff may
 * take part (they are shown with their role). The author of the comment replied to is notified,
 * in the same transaction, unless they reply to themselves.
 *
 * Once per form submission: a re-post with the same submissionId by the same author answers the
 * first comment (same id and path) — even after the round closed — without a second row or a second
 * notification (see once-per-submission.ts).
 */
export interface PostedComment {
  id: string;
  createdAt: Date;
  /** Unprefixed app path of the comment (page and anchor). */
  path: string;
}

export async function postComment(db: PrismaClient, actor: Actor | null, input: unknown, { now = new Date() }: { now?: Date } = {}): Promise<PostedComment> {
  const submissionId = submissionIdOf(input);
  if (submissionId && actor) {
    const first = await storedComment(db, actor.userId, submissionId);
    if (first) return first;
  }
  const roundId = postCommentSchema.shape.roundId.safeParse(typeof input === "object" && input !== null ? (input as { roundId?: unknown }).roundId : undefined);
  if (!roundId.success) {
    requireUser(actor);
    parseParticipationInput(postCommentSchema, input, "comments");
  }
  const contributor = await guardContribution(db, actor, roundId.data as string, "comment", now);
  const comment = parseParticipationInput(postCommentSchema, input, "comments");
  const { round } = contributor;

  let path: string;
  if (comment.measureId) {
    const version = await db.measureVersion.findUnique({
      where: { measureId_revisionId: { measureId: comment.measureId, revisionId: round.revisionId } },
      select: { measure: { select: { code: true, plan: { select: { slug: true } } } } },
    });
    if (!version) throw new AppError("NOT_FOUND", "comments.errors.targetNotFound");
    path = `/piani/${version.measure.plan.slug}/misure/${version.measure.code}`;
  } else {
    const version = await db.axisVersion.findUnique({ where: { axisId_revisionId: { axisId: comment.axisId!, revisionId: round.revisionId } }, select: { id: true } });
    if (!version) throw new AppError("NOT_FOUND", "comments.errors.targetNotFound");
    path = `/consultazioni/${round.id}`;
  }

  let parentAuthorId: string | null = null;
  if (comment.parentId) {
    const parent = await db.comment.findUnique({ where: { id: comment.parentId }, select: { roundId: true, measureId: true, axisId: true, parentId: true, authorId: true } });
    const sameThread = parent && parent.roundId === round.id && parent.measureId === (comment.measureId ?? null) && parent.axisId === (comment.axisId ?? null);
    if (!parent || !sameThread) throw new AppError("NOT_FOUND", "comments.errors.parentNotFound");
    if (parent.parentId !== null) throw new AppError("VALIDATION", "comments.errors.replyToReply");
    parentAuthorId = parent.authorId;
  }

  const authorId = contributor.actor.userId;
  return createOnce(
    () =>
      db.$transaction(async (tx) => {
        const [created] = await tx.comment.createManyAndReturn({
          data: [{
            submissionId: comment.submissionId ?? null,
            roundId: round.id,
            authorId,
            measureId: comment.measureId ?? null,
            axisId: comment.axisId ?? null,
            parentId: comment.parentId ?? null,
            body: comment.body,
            createdAt: now,
          }],
          skipDuplicates: true,
          select: { id: true, createdAt: true },
        });
        if (!created) return null;
        const anchored = `${path}#comment-${created.id}`;
        if (comment.parentId && parentAuthorId && parentAuthorId !== authorId) {
          await notify(tx, [parentAuthorId], "COMMENT_REPLY", { roundId: round.id, commentId: comment.parentId, replyId: created.id, path: anchored });
        }
        return { id: created.id, createdAt: created.createdAt, path: anchored };
      }),
    () => storedComment(db, authorId, comment.submissionId!),
  );
}

/** The comment an author already posted with this submissionId, as postComment answered it. */
async function storedComment(db: PrismaClient, authorId: string, submissionId: string): Promise<PostedComment | null> {
  const stored = await db.comment.findUnique({
    where: { authorId_submissionId: { authorId, submissionId } },
    select: { id: true, createdAt: true, roundId: true, measure: { select: { code: true, plan: { select: { slug: true } } } } },
  });
  if (!stored) return null;
  const path = stored.measure ? `/piani/${stored.measure.plan.slug}/misure/${stored.measure.code}` : `/consultazioni/${stored.roundId}`;
  return { id: stored.id, createdAt: stored.createdAt, path: `${path}#comment-${stored.id}` };
}
