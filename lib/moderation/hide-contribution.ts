import type { PrismaClient } from "@/lib/db/client";
import { parseInput } from "@/lib/auth/auth.schemas";
import { type Actor, requireRole } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { notify } from "@/lib/notifications/notify";
import { loadContribution, lockContribution, reportsOf, setModeration } from "./contribution-target";
import { recordModerationEvent } from "./moderation-audit";
import { hideInputSchema } from "./moderation.schemas";

/**
 * Facilitators and admins hide a contribution with a public reason: its text is replaced by
 * "hidden by the moderators: <reason>" wherever it is shown (never deleted). Its open reports are
 * upheld, the author is notified, the audit log records it — all in one transaction.
 */
export async function hideContribution(db: PrismaClient, actor: Actor | null, input: unknown): Promise<{ upheldReports: number }> {
  const moderator = requireRole(actor, "FACILITATOR", "ADMIN");
  const { type, id, reason } = parseInput(hideInputSchema, input);
  const target = { type, id };
  return db.$transaction(async (tx) => {
    await lockContribution(tx, target);
    const contribution = await loadContribution(tx, target);
    if (contribution.moderation === "HIDDEN") throw new AppError("CONFLICT", "moderation.errors.alreadyHidden");
    await setModeration(tx, target, "HIDDEN", reason);
    const { count: upheldReports } = await tx.contentReport.updateMany({
      where: { ...reportsOf(target), status: "OPEN" },
      data: { status: "UPHELD", resolvedById: moderator.userId, resolvedAt: new Date() },
    });
    await notify(tx, [contribution.authorId], "CONTRIBUTION_HIDDEN", { contribution: type, reason, path: contribution.path });
    await recordModerationEvent(tx, { actorId: moderator.userId, action: "moderation.hidden", target, data: { reason, upheldReports, previousState: contribution.moderation } });
    return { upheldReports };
  });
}
