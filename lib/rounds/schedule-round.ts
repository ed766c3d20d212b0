import type { PrismaClient } from "@/lib/db/client";
import { type Actor, requireRole } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { findMainPlan } from "@/lib/plan/find-main-plan";
import { recordRoundEvent } from "./round-audit";
import { assertNoOverlap, lockPlanRounds } from "./round-overlap";
import { parseRoundsInput, scheduleRoundSchema } from "./rounds.schemas";
import { lockingTransaction } from "./transaction-options";

/** Who runs rounds and meetings. */
export const ROUND_MANAGERS = ["FACILITATOR", "ADMIN"] as const;

/** Whether pages should offer the facilitators' links and buttons (the services check again). */
export function canManageRounds(actor: Actor | null): boolean {
  return actor !== null && (ROUND_MANAGERS as readonly string[]).includes(actor.role);
}

/**
 * Facilitators and admins schedule a round on a published revision of a plan (the plan's current
 * one unless another published one is named). It must not have closed already, and must not
 * overlap another round of the plan: checked under the plan's lock, so two requests at once cannot
 * both pass. Audited.
 */
export async function scheduleRound(db: PrismaClient, actor: Actor | null, input: unknown, now: Date = new Date()): Promise<{ id: string }> {
  const user = requireRole(actor, ...ROUND_MANAGERS);
  const data = parseRoundsInput(scheduleRoundSchema, input);
  if (data.closesAt <= now) throw new AppError("VALIDATION", "rounds.errors.validation", {}, { closesAt: "rounds.fields.closesInPast" });
  const planId = data.planId ?? (await findMainPlan(db)).id;

  return db.$transaction(async (tx) => {
    const plan = await tx.plan.findUnique({ where: { id: planId }, select: { id: true, currentRevisionId: true } });
    if (!plan) throw new AppError("NOT_FOUND", "rounds.errors.planNotFound");
    const revisionId = data.revisionId ?? plan.currentRevisionId;
    const revision = revisionId ? await tx.revision.findFirst({ where: { id: revisionId, planId, status: "PUBLISHED" }, select: { id: true, number: true } }) : null;
    if (!revision) throw new AppError("VALIDATION", "rounds.errors.validation", {}, { revisionId: "rounds.fields.revisionNotPublished" });

    await lockPlanRounds(tx, planId);
    await assertNoOverlap(tx, planId, data.opensAt, data.closesAt);
    const round = await tx.round.create({
      data: { planId, revisionId: revision.id, title: data.title, description: data.description, opensAt: data.opensAt, closesAt: data.closesAt, status: "SCHEDULED", createdById: user.userId },
      select: { id: true },
    });
    await recordRoundEvent(tx, {
      actorId: user.userId,
      action: "round.scheduled",
      entityType: "Round",
      entityId: round.id,
      data: { planId, revision: revision.number, opensAt: data.opensAt.toISOString(), closesAt: data.closesAt.toISOString() },
    });
    return round;
  }, lockingTransaction);
}
