import { z } from "zod";

/**
 * Text people write (comments, proposals, SWOT observations, report reasons): plain text, never
 * markup. Line endings normalised, control characters other than line break and tab removed,
 * Unicode NFC, trimmed; then bounded. Rendered only through components/participation/user-text.tsx.
 */
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export function normaliseUserText(value: string): string {
  return value.replace(/\r\n?/g, "\n").replace(controlCharacters, "").normalize("NFC").trim();
}

export const USER_TEXT_LIMITS = { comment: 5_000, proposal: 10_000, proposalTitle: 200, swot: 2_000, reportReason: 1_000, hiddenReason: 500 } as const;

export function userTextSchema(max: number) {
  return z
    .string({ error: "participation.text.required" })
    .transform(normaliseUserText)
    .pipe(z.string().min(1, "participation.text.required").max(max, { error: "participation.text.tooLong" }));
}

/**
 * The id a contribution form carries (a uuid made when the form is rendered, a new one after each
 * success): a re-post with the same id by the same author is the same submission, stored once.
 * Optional: API clients and older pages may send none (then every post is a new contribution).
 */
export function submissionIdSchema(message: string) {
  return z.uuid({ error: message }).optional();
}
