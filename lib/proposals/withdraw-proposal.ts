import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { guardContribution } from "@/lib/participation/contribution-guard";
import { requireId } from "./round-context";

/** The author withdraws their own proposal while the round is open and nobody has answered it yet. */
export async function withdrawProposal(db: PrismaClient, actor: Actor | null, proposalId: string, now: Date = new Date()): Promise<void> {
  const proposal = await db.proposal.findUnique({ where: { id: requireId(proposalId, "proposals.errors.notFound") }, select: { roundId: true, authorId: true } });
  if (!proposal) throw new AppError("NOT_FOUND", "proposals.errors.notFound");
  const { actor: user } = await guardContribution(db, actor, proposal.roundId, "proposal", now);
  if (proposal.authorId !== user.userId) throw new AppError("FORBIDDEN", "proposals.errors.notAuthor");
  // Ownership and "still unanswered" in the where clause: a concurrent answer wins.
  const { count } = await db.proposal.updateMany({ where: { id: proposalId, authorId: user.userId, status: "OPEN" }, data: { status: "WITHDRAWN" } });
  if (count === 0) throw new AppError("CONFLICT", "proposals.errors.alreadyAnswered");
}
