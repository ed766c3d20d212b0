import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { guardContribution } from "@/lib/participation/contribution-guard";
import { createOnce, submissionIdOf } from "@/lib/participation/once-per-submission";
import { parseContribution } from "@/lib/proposals/proposals.schemas";
import { axisInRevision, requireId } from "@/lib/proposals/round-context";
import { submitSwotEntrySchema } from "./swot.schemas";

/**
 * A stakeholder's SWOT observation on the local context (strength, weakness, opportunity, threat),
 * optionally about one axis of the revision the round consults on; only while the round is open.
 * Once per form submission: a re-post with the same submissionId by the same author answers the
 * first entry's id, without a second row (see once-per-submission.ts).
 */
export async function submitSwotEntry(db: PrismaClient, actor: Actor | null, roundId: string, input: unknown, now: Date = new Date()): Promise<{ id: string }> {
  const submissionId = submissionIdOf(input);
  const stored = (authorId: string, id: string) => db.swotEntry.findUnique({ where: { authorId_submissionId: { authorId, submissionId: id } }, select: { id: true } });
  if (submissionId && actor) {
    const first = await stored(actor.userId, submissionId);
    if (first) return first;
  }
  const { actor: author, round } = await guardContribution(db, actor, requireId(roundId, "participation.errors.roundNotFound"), "swot", now);
  const entry = parseContribution(submitSwotEntrySchema, input, "swot.errors.validation");
  if (entry.axisId && !(await axisInRevision(db, round.revisionId, entry.axisId))) {
    throw new AppError("VALIDATION", "swot.errors.validation", {}, { axisId: "swot.fields.axisInvalid" });
  }
  const data = { roundId: round.id, authorId: author.userId, submissionId: entry.submissionId ?? null, kind: entry.kind, axisId: entry.axisId, body: entry.body };
  return createOnce(
    async () => (await db.swotEntry.createManyAndReturn({ data: [data], skipDuplicates: true, select: { id: true } }))[0] ?? null,
    () => stored(author.userId, entry.submissionId!),
  );
}
