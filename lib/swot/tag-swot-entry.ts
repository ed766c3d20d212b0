import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { parseContribution } from "@/lib/proposals/proposals.schemas";
import { requireId } from "@/lib/proposals/round-context";
import { requireSynthesisEditor } from "@/lib/synthesis/synthesis.policy";
import { tagSwotEntrySchema } from "./swot.schemas";

/**
 * A facilitator (or admin) sets a SWOT observation's triage tags (replacing the earlier ones), by
 * the same rules as a proposal's. Audited. Returns the tags as stored.
 */
export async function tagSwotEntry(db: PrismaClient, actor: Actor | null, entryId: string, input: unknown): Promise<{ tags: string[] }> {
  const user = requireSynthesisEditor(actor);
  requireId(entryId, "synthesis.triage.errors.swotNotFound");
  const { tags } = parseContribution(tagSwotEntrySchema, input, "synthesis.triage.errors.validation");
  return db.$transaction(async (tx) => {
    const entry = await tx.swotEntry.findUnique({ where: { id: entryId }, select: { roundId: true, tags: true } });
    if (!entry) throw new AppError("NOT_FOUND", "synthesis.triage.errors.swotNotFound");
    await tx.swotEntry.update({ where: { id: entryId }, data: { tags } });
    await tx.auditEvent.create({
      data: { actorId: user.userId, action: "swot.tagged", entityType: "SwotEntry", entityId: entryId, data: { roundId: entry.roundId, tags, previousTags: entry.tags } },
    });
    return { tags };
  });
}
