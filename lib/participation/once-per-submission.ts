import { submissionIdSchema } from "./participation.schemas";

/**
 * Contributions sent from forms (comments, proposals, SWOT observations) are stored once per
 * (author, submissionId): a re-post — the browser or the person sending the same form again after a
 * timeout, a crash, a double click — answers the first submission's result instead of storing a
 * second row. Both at the same instant: the unique index (authorId, submissionId) lets one insert
 * through, the other inserts nothing (ON CONFLICT DO NOTHING: no error, no notification) and reads
 * back what the first one stored.
 */

/** The submissionId of an input, if it has a well-formed one (the full parse reports a bad one). */
export function submissionIdOf(input: unknown): string | undefined {
  const value = typeof input === "object" && input !== null ? (input as { submissionId?: unknown }).submissionId : undefined;
  const parsed = submissionIdSchema("").safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/**
 * `create` inserts with ON CONFLICT DO NOTHING (createManyAndReturn with skipDuplicates) and answers
 * null when the row was not inserted: a submission with this id is stored (the same form posted twice
 * at once; PostgreSQL made this insert wait for the other one's commit). Then the stored one's result.
 */
export async function createOnce<R>(create: () => Promise<R | null>, stored: () => Promise<R | null>): Promise<R> {
  const created = await create();
  if (created !== null) return created;
  const first = await stored();
  if (first === null) throw new Error("A contribution was not inserted, and no earlier submission with its submissionId is stored.");
  return first;
}
