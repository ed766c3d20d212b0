import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";

/**
 * Rounds of one plan may not overlap in time. Every change of a round's times runs inside a
 * transaction that first takes this lock, so two facilitators scheduling at the same moment are
 * serialised and the second one sees the first one's round.
 */
export async function lockPlanRounds(tx: Prisma.TransactionClient, planId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('consulta.plan-rounds'), hashtext(${planId}))`;
}

/** Throws CONFLICT naming the round that [opensAt, closesAt) overlaps. Touching ends do not overlap. */
export async function assertNoOverlap(tx: Prisma.TransactionClient, planId: string, opensAt: Date, closesAt: Date, exceptRoundId?: string): Promise<void> {
  const other = await tx.round.findFirst({
    where: { planId, opensAt: { lt: closesAt }, closesAt: { gt: opensAt }, ...(exceptRoundId ? { id: { not: exceptRoundId } } : {}) },
    orderBy: { opensAt: "asc" },
    select: { id: true, title: true },
  });
  if (other) throw new AppError("CONFLICT", "rounds.errors.overlap", { title: other.title }, { roundId: other.id });
}
