import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { requireSynthesisEditor } from "@/lib/synthesis/synthesis.policy";
import { applyProposalAnswer } from "./answer-proposal";
import { mergeProposalsSchema, parseContribution } from "./proposals.schemas";
import { requireId } from "./round-context";

export interface MergeResult {
  targetId: string;
  mergedIds: string[];
  /** Supports newly added to the target. */
  supportsCarried: number;
}

/**
 * Triage: several duplicate proposals of a round are merged into one target of the same round, in
 * one transaction. Each duplicate is answered MERGED with the given answer exactly as answerProposal
 * does (same merge rules, audit and notification of its author and supporters); their supports are
 * carried over to the target (once per person, never the target author's own); one audit event
 * records the merge.
 */
export async function mergeProposals(db: PrismaClient, actor: Actor | null, roundId: string, input: unknown, now: Date = new Date()): Promise<MergeResult> {
  const user = requireSynthesisEditor(actor);
  requireId(roundId, "participation.errors.roundNotFound");
  const { targetId, duplicateIds, answer } = parseContribution(mergeProposalsSchema, input, "synthesis.triage.errors.validation");
  const invalid = (field: string, key: string) => new AppError("VALIDATION", "synthesis.triage.errors.validation", {}, { [field]: key });

  return db.$transaction(async (tx) => {
    // Lock every proposal concerned in id order (answerProposal locks in the same order: no deadlock).
    const ids = [targetId, ...duplicateIds].sort();
    await tx.$queryRaw`SELECT "id" FROM "Proposal" WHERE "id" = ANY(${ids}::uuid[]) ORDER BY "id" FOR UPDATE`;
    const rows = await tx.proposal.findMany({ where: { id: { in: ids } }, select: { id: true, roundId: true, authorId: true, status: true } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    const target = byId.get(targetId);
    if (!target || target.roundId !== roundId) throw invalid("targetId", "synthesis.triage.errors.targetRequired");
    if (target.status === "MERGED" || target.status === "WITHDRAWN") throw invalid("targetId", "proposals.fields.mergedIntoMerged");
    if (duplicateIds.some((id) => byId.get(id)?.roundId !== roundId)) throw invalid("duplicateIds", "proposals.fields.mergedIntoOtherRound");
    if (duplicateIds.some((id) => byId.get(id)?.status === "WITHDRAWN")) throw invalid("duplicateIds", "synthesis.triage.errors.duplicateWithdrawn");

    for (const id of duplicateIds) await applyProposalAnswer(tx, user, id, { status: "MERGED", answer, mergedIntoId: targetId }, now);

    const supporters = await tx.proposalSupport.findMany({ where: { proposalId: { in: duplicateIds } }, select: { userId: true }, distinct: ["userId"] });
    const carried = supporters.map(({ userId }) => userId).filter((userId) => userId !== target.authorId);
    const { count } = await tx.proposalSupport.createMany({ data: carried.map((userId) => ({ proposalId: targetId, userId, createdAt: now })), skipDuplicates: true });
    await tx.auditEvent.create({
      data: { actorId: user.userId, action: "proposals.merged", entityType: "Proposal", entityId: targetId, data: { roundId, mergedIds: duplicateIds, supportsCarried: count } },
    });
    return { targetId, mergedIds: duplicateIds, supportsCarried: count };
  });
}
