import type { PrismaClient } from "@/lib/db/client";
import { parseInput } from "@/lib/auth/auth.schemas";
import { type Actor, requireRole } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { loadContribution, lockContribution, reportsOf, setModeration } from "./contribution-target";
import { recordModerationEvent } from "./moderation-audit";
import { contributionTargetSchema } from "./moderation.schemas";

/**
 * Facilitators and admins find the reports of a contribution unfounded: the open reports are
 * dismissed and a contribution held for review is visible again — audited, in one transaction.
 * A hidden contribution is restored with restoreContribution instead.
 */
export async function dismissReports(db: PrismaClient, actor: Actor | null, input: unknown): Promise<{ dismissedReports: number }> {
  const moderator = requireRole(actor, "FACILITATOR", "ADMIN");
  const target = parseInput(contributionTargetSchema, input);
  return db.$transaction(async (tx) => {
    await lockContribution(tx, target);
    const contribution = await loadContribution(tx, target);
    if (contribution.moderation === "HIDDEN") throw new AppError("CONFLICT", "moderation.errors.alreadyHidden");
    const { count: dismissedReports } = await tx.contentReport.updateMany({
      where: { ...reportsOf(target), status: "OPEN" },
      data: { status: "DISMISSED", resolvedById: moderator.userId, resolvedAt: new Date() },
    });
    if (dismissedReports === 0 && contribution.moderation === "VISIBLE") throw new AppError("CONFLICT", "moderation.errors.nothingToDismiss");
    if (contribution.moderation === "PENDING_REVIEW") await setModeration(tx, target, "VISIBLE", null);
    await recordModerationEvent(tx, { actorId: moderator.userId, action: "moderation.reports-dismissed", target, data: { dismissedReports, previousState: contribution.moderation } });
    return { dismissedReports };
  });
}
