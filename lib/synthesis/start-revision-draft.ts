import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/session";
import { isUuid } from "@/lib/db/ids";
import { AppError } from "@/lib/errors/app-error";
import { recordRoundEvent } from "@/lib/rounds/round-audit";
import { lockPlanRounds } from "@/lib/rounds/round-overlap";
import { closeRound } from "@/lib/rounds/round-transitions";
import { effectiveRoundStatus } from "@/lib/rounds/round-window";
import { lockingTransaction } from "@/lib/rounds/transaction-options";
import { requireSynthesisEditor } from "./synthesis.policy";

/**
 * Starts the next revision of the plan from a closed round: a DRAFT copy (axes and measures) of the
 * revision the round consulted, numbered after the plan's highest, with the round as its origin.
 * The round moves to SYNTHESIS (a round past its closing time the scheduler has not closed yet is
 * closed first, with its notifications). One draft per round: asking again returns the same draft
 * (`created: false`). Refused (CONFLICT) while the round is scheduled or open, and when the plan's
 * current revision is no longer the one the round consulted.
 */
export async function startRevisionDraft(db: PrismaClient, actor: Actor | null, roundId: string, now: Date = new Date()): Promise<{ revisionId: string; number: number; created: boolean }> {
  const user = requireSynthesisEditor(actor);
  if (!isUuid(roundId)) throw new AppError("NOT_FOUND", "synthesis.errors.roundNotFound");
  return db.$transaction(async (tx) => {
    const found = await tx.round.findUnique({ where: { id: roundId }, select: { planId: true } });
    if (!found) throw new AppError("NOT_FOUND", "synthesis.errors.roundNotFound");
    // Serialises with the round's status changes, and with drafts of the plan's other rounds (numbers).
    await lockPlanRounds(tx, found.planId);
    const existing = await tx.revision.findUnique({ where: { fromRoundId: roundId }, select: { id: true, number: true } });
    if (existing) return { revisionId: existing.id, number: existing.number, created: false };

    const round = await tx.round.findUniqueOrThrow({
      where: { id: roundId },
      select: { id: true, planId: true, revisionId: true, status: true, opensAt: true, closesAt: true, plan: { select: { currentRevisionId: true } } },
    });
    const status = effectiveRoundStatus(round, now);
    if (status !== "CLOSED" && status !== "SYNTHESIS") throw new AppError("CONFLICT", "synthesis.errors.roundNotClosed");
    if (round.plan.currentRevisionId !== round.revisionId) throw new AppError("CONFLICT", "synthesis.errors.consultedRevisionNotCurrent");
    if (round.status === "SCHEDULED" || round.status === "OPEN") await closeRound(tx, round.id, { actorId: null, now });
    if (status === "CLOSED") {
      await tx.round.update({ where: { id: round.id }, data: { status: "SYNTHESIS" } });
      await recordRoundEvent(tx, { actorId: user.userId, action: "round.synthesis-started", entityType: "Round", entityId: round.id });
    }

    const { _max } = await tx.revision.aggregate({ where: { planId: round.planId }, _max: { number: true } });
    const number = (_max.number ?? 0) + 1;
    const revision = await tx.revision.create({ data: { planId: round.planId, number, status: "DRAFT", fromRoundId: round.id, createdById: user.userId }, select: { id: true } });
    await tx.$executeRaw`
      INSERT INTO "AxisVersion" ("id", "axisId", "revisionId", "position", "title", "resultsIntro", "resultsBullets", "measuresIntro")
      SELECT gen_random_uuid(), "axisId", ${revision.id}::uuid, "position", "title", "resultsIntro", "resultsBullets", "measuresIntro"
      FROM "AxisVersion" WHERE "revisionId" = ${round.revisionId}::uuid`;
    const copied = await tx.$executeRaw`
      INSERT INTO "MeasureVersion" ("id", "measureId", "revisionId", "position", "text", "timing", "startsOn", "endsOn", "budgetCents", "fundingSource", "department")
      SELECT gen_random_uuid(), "measureId", ${revision.id}::uuid, "position", "text", "timing", "startsOn", "endsOn", "budgetCents", "fundingSource", "department"
      FROM "MeasureVersion" WHERE "revisionId" = ${round.revisionId}::uuid`;
    await tx.auditEvent.create({
      data: { actorId: user.userId, action: "revision.draft-started", entityType: "Revision", entityId: revision.id, data: { roundId: round.id, number, fromRevisionId: round.revisionId, measures: copied } },
    });
    return { revisionId: revision.id, number, created: true };
  }, lockingTransaction);
}
