import type { PrismaClient } from "@/lib/db/client";
import { parseInput } from "@/lib/auth/auth.schemas";
import { type Actor, requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { consumeRateLimit } from "@/lib/security/rate-limit";
import { rateLimitPolicies } from "@/lib/security/rate-limit-policies";
import { loadContribution, lockContribution, reportColumnOf, reportsOf, setModeration } from "./contribution-target";
import { recordModerationEvent } from "./moderation-audit";
import { readModerationSettings } from "./moderation-settings";
import { reportInputSchema } from "./moderation.schemas";

export interface ReportOutcome {
  reportId: string;
  /** Open reports of the contribution, this one included. */
  openReports: number;
  /** True when this report reached the threshold and put the contribution on hold. */
  heldForReview: boolean;
}

/**
 * Anyone signed in reports someone else's comment, proposal or SWOT entry, with a reason. One report
 * per person and contribution (a database constraint: a second one, even sent at the same moment,
 * is a CONFLICT). When the open reports reach the threshold, the contribution waits for a moderator
 * (PENDING_REVIEW) — in the same transaction, so the count that decided it is the one stored.
 */
export async function reportContribution(db: PrismaClient, actor: Actor | null, input: unknown): Promise<ReportOutcome> {
  const user = requireUser(actor);
  const { type, id, reason } = parseInput(reportInputSchema, input);
  const target = { type, id };
  await consumeRateLimit(db, rateLimitPolicies.contributionPerUser, user.userId);
  return db.$transaction(async (tx) => {
    // Reports of one contribution queue behind each other here: each one counts the ones before it.
    await lockContribution(tx, target);
    const contribution = await loadContribution(tx, target);
    if (contribution.authorId === user.userId) throw new AppError("FORBIDDEN", "moderation.errors.ownContribution");
    if (contribution.moderation === "HIDDEN") throw new AppError("CONFLICT", "moderation.errors.alreadyHidden");
    // ON CONFLICT DO NOTHING: a duplicate leaves the transaction usable and answers CONFLICT, never a 5xx.
    const { count } = await tx.contentReport.createMany({ data: [{ reporterId: user.userId, [reportColumnOf[type]]: id, reason }], skipDuplicates: true });
    if (count === 0) throw new AppError("CONFLICT", "moderation.errors.alreadyReported");
    const report = await tx.contentReport.findFirstOrThrow({ where: { ...reportsOf(target), reporterId: user.userId }, select: { id: true } });
    const openReports = await tx.contentReport.count({ where: { ...reportsOf(target), status: "OPEN" } });
    const { autoHideThreshold } = await readModerationSettings(tx);
    const heldForReview = contribution.moderation === "VISIBLE" && openReports >= autoHideThreshold;
    await recordModerationEvent(tx, { actorId: user.userId, action: "moderation.reported", target, data: { reportId: report.id, openReports } });
    if (heldForReview) {
      await setModeration(tx, target, "PENDING_REVIEW", null);
      // The system acts here (no moderator yet): no actor.
      await recordModerationEvent(tx, { actorId: null, action: "moderation.pending-review", target, data: { openReports, threshold: autoHideThreshold } });
    }
    return { reportId: report.id, openReports, heldForReview };
  });
}
