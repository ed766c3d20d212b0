import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { requireSynthesisEditor } from "@/lib/synthesis/synthesis.policy";
import { parseContribution, tagItemSchema } from "./proposals.schemas";
import { requireId } from "./round-context";

/**
 * A facilitator (or admin) sets a proposal's triage tags (replacing the earlier ones): normalised,
 * deduplicated, at most 10 of at most 40 characters. Audited. Returns the tags as stored.
 */
export async function tagProposal(db: PrismaClient, actor: Actor | null, proposalId: string, input: unknown): Promise<{ tags: string[] }> {
  const user = requireSynthesisEditor(actor);
  requireId(proposalId, "proposals.errors.notFound");
  const { tags } = parseContribution(tagItemSchema, input, "synthesis.triage.errors.validation");
  return db.$transaction(async (tx) => {
    const proposal = await tx.proposal.findUnique({ where: { id: proposalId }, select: { roundId: true, tags: true } });
    if (!proposal) throw new AppError("NOT_FOUND", "proposals.errors.notFound");
    await tx.proposal.update({ where: { id: proposalId }, data: { tags } });
    await tx.auditEvent.create({
      data: { actorId: user.userId, action: "proposal.tagged", entityType: "Proposal", entityId: proposalId, data: { roundId: proposal.roundId, tags, previousTags: proposal.tags } },
    });
    return { tags };
  });
}
