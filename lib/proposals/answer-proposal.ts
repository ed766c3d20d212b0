import type { PrismaClient } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { Actor } from "@/lib/auth/session";
import { requireRole } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { notify } from "@/lib/notifications/notify";
import { type AnswerProposalInput, answerProposalSchema, parseContribution } from "./proposals.schemas";
import { requireId } from "./round-context";

/**
 * A facilitator (or admin) answers a proposal publicly: accepted, partly accepted, rejected, or
 * merged into another proposal of the same round, always with a reason. Allowed at any time after
 * submission, also once the round has closed; answering again replaces the answer. The answer, its
 * audit event and the notifications of the author and the supporters commit together.
 *
 * Merges stay one level deep: the target must be another proposal of the round that is itself
 * neither merged nor withdrawn, and a proposal others were merged into cannot be merged away.
 */
export async function answerProposal(db: PrismaClient, actor: Actor | null, proposalId: string, input: unknown, now: Date = new Date()): Promise<void> {
  const user = requireRole(actor, "FACILITATOR", "ADMIN");
  requireId(proposalId, "proposals.errors.notFound");
  const answer = parseContribution(answerProposalSchema, input, "proposals.errors.validation");
  await db.$transaction((tx) => applyProposalAnswer(tx, user, proposalId, answer, now));
}

/**
 * The answer itself, inside the caller's transaction (answerProposal, the triage's merge of several
 * duplicates at once, the draft's acceptance of a proposal): locks the proposal and the merge target,
 * checks the merge rules, writes the answer, its audit event (with the caller's `auditData` added)
 * and the notifications of the author and the supporters.
 */
export async function applyProposalAnswer(
  tx: Prisma.TransactionClient,
  user: Pick<Actor, "userId">,
  proposalId: string,
  answer: AnswerProposalInput,
  now: Date,
  auditData: Prisma.InputJsonObject = {},
): Promise<void> {
  const mergedIntoError = (key: string) => new AppError("VALIDATION", "proposals.errors.validation", {}, { mergedIntoId: key });
  if (answer.mergedIntoId === proposalId) throw mergedIntoError("proposals.fields.mergedIntoSelf");
  // Lock the proposal and the merge target (in id order, so that two crossing merges cannot deadlock).
  const ids = [proposalId, ...(answer.mergedIntoId ? [answer.mergedIntoId] : [])].sort();
  await tx.$queryRaw`SELECT "id" FROM "Proposal" WHERE "id" = ANY(${ids}::uuid[]) ORDER BY "id" FOR UPDATE`;

  const proposal = await tx.proposal.findUnique({
    where: { id: proposalId },
    select: { id: true, roundId: true, title: true, status: true, authorId: true, supports: { select: { userId: true } }, _count: { select: { mergedFrom: true } } },
  });
  if (!proposal) throw new AppError("NOT_FOUND", "proposals.errors.notFound");
  if (proposal.status === "WITHDRAWN") throw new AppError("CONFLICT", "proposals.errors.withdrawn");

  if (answer.mergedIntoId) {
    const target = await tx.proposal.findUnique({ where: { id: answer.mergedIntoId }, select: { roundId: true, status: true } });
    if (!target || target.roundId !== proposal.roundId) throw mergedIntoError("proposals.fields.mergedIntoOtherRound");
    if (target.status === "MERGED" || target.status === "WITHDRAWN") throw mergedIntoError("proposals.fields.mergedIntoMerged");
    if (proposal._count.mergedFrom > 0) throw mergedIntoError("proposals.fields.mergedIntoHasMerged");
  }

  await tx.proposal.update({
    where: { id: proposalId },
    data: { status: answer.status, answer: answer.answer, mergedIntoId: answer.mergedIntoId, answeredById: user.userId, answeredAt: now },
  });
  await tx.auditEvent.create({
    data: {
      actorId: user.userId,
      action: proposal.status === "OPEN" ? "proposal.answered" : "proposal.answer-changed",
      entityType: "Proposal",
      entityId: proposalId,
      data: { roundId: proposal.roundId, status: answer.status, previousStatus: proposal.status, mergedIntoId: answer.mergedIntoId, ...auditData },
    },
  });
  const recipients = [proposal.authorId, ...proposal.supports.map((support) => support.userId)].filter((id) => id !== user.userId);
  await notify(tx, recipients, "PROPOSAL_ANSWERED", {
    roundId: proposal.roundId,
    proposalId,
    proposalTitle: proposal.title,
    status: answer.status,
    path: `/consultazioni/${proposal.roundId}/proposte/${proposalId}`,
  });
}
