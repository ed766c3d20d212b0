import { z } from "zod";
import { USER_TEXT_LIMITS, submissionIdSchema, userTextSchema } from "./participation.schemas";

/**
 * Comments: on a measure of the round's revision or on an axis, or a reply to a top-level comment
 * (same round, same target). Strict objects: the author, the round's state, moderation and dates
 * come from the server. Messages are keys under comments.errors.* / participation.text.*.
 */
const commentBody = userTextSchema(USER_TEXT_LIMITS.comment);

export const postCommentSchema = z
  .object({
    roundId: z.uuid({ error: "comments.errors.targetInvalid" }),
    measureId: z.uuid({ error: "comments.errors.targetInvalid" }).optional(),
    axisId: z.uuid({ error: "comments.errors.targetInvalid" }).optional(),
    parentId: z.uuid({ error: "comments.errors.parentNotFound" }).optional(),
    body: commentBody,
    submissionId: submissionIdSchema("comments.errors.validation"),
  }, { error: "comments.errors.validation" })
  .strict()
  .refine((value) => (value.measureId === undefined) !== (value.axisId === undefined), { error: "comments.errors.targetInvalid", path: ["target"] });
export type PostCommentInput = z.infer<typeof postCommentSchema>;

export const editCommentSchema = z
  .object({
    commentId: z.uuid({ error: "comments.errors.notFound" }),
    body: commentBody,
  }, { error: "comments.errors.validation" })
  .strict();
export type EditCommentInput = z.infer<typeof editCommentSchema>;

/** The page cursor in `?commenti=`: "<createdAt ms>_<id>" of the last top-level comment shown. Lenient: a bad one is the first page. */
export const commentCursorSchema = z
  .string()
  .regex(/^\d{1,15}_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i)
  .transform((value) => {
    const [ms, id] = value.split("_") as [string, string];
    return { createdAt: new Date(Number(ms)), id: id.toLowerCase() };
  });
export type CommentCursor = z.infer<typeof commentCursorSchema>;

export function encodeCommentCursor(cursor: { createdAt: Date; id: string }): string {
  return `${cursor.createdAt.getTime()}_${cursor.id}`;
}

export function parseCommentCursor(value: unknown): CommentCursor | null {
  const parsed = commentCursorSchema.safeParse(Array.isArray(value) ? value[0] : value);
  return parsed.success ? parsed.data : null;
}

/** How long an author may edit a comment after writing it. */
export const COMMENT_EDIT_WINDOW_MS = 15 * 60 * 1000;
/** Top-level comments per page, and the replies shown under each (the rest are counted). */
export const COMMENTS_PAGE_SIZE = 20;
export const REPLIES_SHOWN = 50;
