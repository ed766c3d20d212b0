import type { PrismaClient } from "@/lib/db/client";
import { parseInput } from "@/lib/auth/auth.schemas";
import { type Actor, requireRole } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { loadContribution, lockContribution, reportsOf, setModeration } from "./contribution-target";
import { recordModerationEvent } from "./moderation-audit";
import { contributionTargetSchema } from "./moderation.schemas";

/**
 * Facilitators and admins put a hidden (or held) contribution back: visible again, public reason
 * cleared, its open reports dismissed, audited — in one transaction.
 */
export async function restoreContribution(db: PrismaClient, actor: Actor | null, input: unknown): Promise<{ dismissedReports: number }> {
  const moderator = requireRole(actor, "FACILITATOR", "ADMIN");
  const target = parseInput(contributionTargetSchema, input);
  return db.$transaction(async (tx) => {
    await lockContribution(tx, target);
    const contribution = await loadContribution(tx, target);
    if (contribution.moderation === "VISIBLE") throw new AppError("CONFLICT", "moderation.errors.notHidden");
    await setModeration(tx, target, "VISIBLE", null);
    const { count: dismissedReports } = await tx.contentReport.updateMany({
      where: { ...reportsOf(target), status: "OPEN" },
      data: { status: "DISMISSED", resolvedById: moderator.userId, resolvedAt: new Date() },
    });
    await recordModerationEvent(tx, { actorId: moderator.userId, action: "moderation.restored", target, data: { previousState: contribution.moderation, previousReason: contribution.hiddenReason, dismissedReports } });
    return { dismissedReports };
  });
}
