import type { PrismaClient } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { StakeholderCategory } from "@/lib/db/generated/enums";
import type { Actor } from "@/lib/auth/session";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { consumeRateLimit } from "@/lib/security/rate-limit";
import { rateLimitPolicies } from "@/lib/security/rate-limit-policies";
import { acceptsContributions } from "@/lib/rounds/round-window";

/**
 * The rule every contribution goes through (votes, comments, proposals, supports, SWOT entries):
 * a signed-in, confirmed account (the session only exists for those), with a stakeholder profile
 * (results are broken down by its category), on a round that is open by the server's clock, within
 * the per-user rate limit. Votes, proposals, supports and SWOT entries are the stakeholders' own;
 * staff (facilitators, officials, admins) may take part in comment threads, shown with their role.
 */
export type ContributionKind = "vote" | "comment" | "proposal" | "support" | "swot";

export interface OpenRound {
  id: string;
  planId: string;
  revisionId: string;
  title: string;
  closesAt: Date;
}

export interface Contributor {
  actor: Actor;
  category: StakeholderCategory;
  round: OpenRound;
}

type Db = PrismaClient | Prisma.TransactionClient;

export async function guardContribution(db: Db, actor: Actor | null, roundId: string, kind: ContributionKind, now: Date = new Date()): Promise<Contributor> {
  const user = requireUser(actor);
  if (kind !== "comment" && user.role !== "STAKEHOLDER") throw new AppError("FORBIDDEN", "participation.errors.stakeholdersOnly");
  // Independent reads, side by side (on a transaction client they simply queue on its connection).
  const [profile, round] = await Promise.all([
    db.stakeholderProfile.findUnique({ where: { userId: user.userId }, select: { category: true } }),
    requireOpenRound(db, roundId, now).catch((error: unknown) => error as Error),
  ]);
  if (!profile) throw new AppError("FORBIDDEN", "participation.errors.profileRequired");
  if (round instanceof Error) throw round;
  await consumeRateLimit(db, rateLimitPolicies.contributionPerUser, user.userId);
  return { actor: user, category: profile.category, round };
}

/** The round, when it accepts contributions now; otherwise NOT_FOUND or CONFLICT with a message saying why. */
export async function requireOpenRound(db: Db, roundId: string, now: Date = new Date()): Promise<OpenRound> {
  const round = await db.round.findUnique({ where: { id: roundId }, select: { id: true, planId: true, revisionId: true, title: true, status: true, opensAt: true, closesAt: true } });
  if (!round) throw new AppError("NOT_FOUND", "participation.errors.roundNotFound");
  if (!acceptsContributions(round, now)) {
    throw new AppError("CONFLICT", now < round.opensAt && round.status === "SCHEDULED" ? "participation.errors.roundNotOpenYet" : "participation.errors.roundClosed");
  }
  return { id: round.id, planId: round.planId, revisionId: round.revisionId, title: round.title, closesAt: round.closesAt };
}
