import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { guardContribution } from "@/lib/participation/contribution-guard";
import { requireId } from "./round-context";

/**
 * The proposal can be supported (or unsupported) by this actor now: a stakeholder, not its author,
 * the round open, the proposal open and not hidden. Returns the actor.
 */
export async function supportableBy(db: PrismaClient, actor: Actor | null, proposalId: string, now: Date) {
  const proposal = await db.proposal.findUnique({ where: { id: requireId(proposalId, "proposals.errors.notFound") }, select: { roundId: true, authorId: true, status: true, moderation: true } });
  if (!proposal) throw new AppError("NOT_FOUND", "proposals.errors.notFound");
  const { actor: user } = await guardContribution(db, actor, proposal.roundId, "support", now);
  if (proposal.authorId === user.userId) throw new AppError("FORBIDDEN", "proposals.errors.ownProposal");
  if (proposal.status !== "OPEN" || proposal.moderation === "HIDDEN") throw new AppError("CONFLICT", "proposals.errors.notOpen");
  return user;
}

/** Supports someone else's open proposal while the round is open; supporting twice leaves one support. */
export async function supportProposal(db: PrismaClient, actor: Actor | null, proposalId: string, now: Date = new Date()): Promise<void> {
  const user = await supportableBy(db, actor, proposalId, now);
  await db.proposalSupport.createMany({ data: [{ proposalId, userId: user.userId }], skipDuplicates: true });
}
