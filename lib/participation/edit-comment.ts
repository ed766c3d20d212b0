import type { PrismaClient } from "@/lib/db/client";
import { type Actor, requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { COMMENT_EDIT_WINDOW_MS, editCommentSchema } from "./comments.schemas";
import { guardContribution } from "./contribution-guard";
import { parseParticipationInput } from "./parse-input";

/**
 * The author corrects their comment: only its author, only within 15 minutes of writing it, only
 * while the round is open, and not once the moderators have hidden it or put it under review.
 * The comment then shows when it was edited.
 */
export async function editComment(db: PrismaClient, actor: Actor | null, input: unknown, { now = new Date() }: { now?: Date } = {}): Promise<{ id: string; editedAt: Date }> {
  const user = requireUser(actor);
  const edit = parseParticipationInput(editCommentSchema, input, "comments");
  const comment = await db.comment.findUnique({ where: { id: edit.commentId }, select: { roundId: true, authorId: true } });
  if (!comment) throw new AppError("NOT_FOUND", "comments.errors.notFound");
  await guardContribution(db, user, comment.roundId, "comment", now);
  if (comment.authorId !== user.userId) throw new AppError("FORBIDDEN", "comments.errors.notAuthor");

  // Ownership, window and moderation state in the where clause: a check and the write cannot drift apart.
  const { count } = await db.comment.updateMany({
    where: { id: edit.commentId, authorId: user.userId, createdAt: { gt: new Date(now.getTime() - COMMENT_EDIT_WINDOW_MS) }, moderation: "VISIBLE" },
    data: { body: edit.body, editedAt: now },
  });
  if (count === 0) {
    const current = await db.comment.findUnique({ where: { id: edit.commentId }, select: { moderation: true } });
    throw new AppError("CONFLICT", current?.moderation === "VISIBLE" ? "comments.errors.editWindowOver" : "comments.errors.moderated");
  }
  return { id: edit.commentId, editedAt: now };
}
