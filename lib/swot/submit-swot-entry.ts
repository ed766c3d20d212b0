import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { guardContribution } from "@/lib/participation/contribution-guard";
import { parseContribution } from "@/lib/proposals/proposals.schemas";
import { axisInRevision, requireId } from "@/lib/proposals/round-context";
import { submitSwotEntrySchema } from "./swot.schemas";

/**
 * A stakeholder's SWOT observation on the local context (strength, weakness, opportunity, threat),
 * optionally about one axis of the revision the round consults on; only while the round is open.
 */
export async function submitSwotEntry(db: PrismaClient, actor: Actor | null, roundId: string, input: unknown, now: Date = new Date()): Promise<{ id: string }> {
  const { actor: author, round } = await guardContribution(db, actor, requireId(roundId, "participation.errors.roundNotFound"), "swot", now);
  const entry = parseContribution(submitSwotEntrySchema, input, "swot.errors.validation");
  if (entry.axisId && !(await axisInRevision(db, round.revisionId, entry.axisId))) {
    throw new AppError("VALIDATION", "swot.errors.validation", {}, { axisId: "swot.fields.axisInvalid" });
  }
  return db.swotEntry.create({ data: { roundId: round.id, authorId: author.userId, kind: entry.kind, axisId: entry.axisId, body: entry.body }, select: { id: true } });
}
