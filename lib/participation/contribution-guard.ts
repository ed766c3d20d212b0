import type { PrismaClient } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { RoundStatus, StakeholderCategory } from "@/lib/db/generated/enums";
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

interface GuardRow {
  category: StakeholderCategory | null;
  id: string | null;
  planId: string;
  revisionId: string;
  title: string;
  status: RoundStatus;
  opensAt: Date;
  closesAt: Date;
}

/** `liveSessionId`: the contribution is made in that live session (its admitted guests may vote there). */
export async function guardContribution(db: Db, actor: Actor | null, roundId: string, kind: ContributionKind, now: Date = new Date(), liveSessionId?: string): Promise<Contributor> {
  const user = requireUser(actor, { liveSessionId });
  if (kind !== "comment" && user.role !== "STAKEHOLDER") throw new AppError("FORBIDDEN", "participation.errors.stakeholdersOnly");
  // The profile and the round in one statement: every vote and comment asks this.
  const [row] = await db.$queryRaw<GuardRow[]>`
    SELECT p."category"::text AS "category", r."id", r."planId", r."revisionId", r."title", r."status"::text AS "status", r."opensAt", r."closesAt"
    FROM (SELECT 1) AS one
    LEFT JOIN "StakeholderProfile" p ON p."userId" = ${user.userId}::uuid
    LEFT JOIN "Round" r ON r."id" = ${roundId}::uuid`;
  if (!row?.category) throw new AppError("FORBIDDEN", "participation.errors.profileRequired");
  if (!row.id) throw new AppError("NOT_FOUND", "participation.errors.roundNotFound");
  if (!acceptsContributions(row, now)) {
    throw new AppError("CONFLICT", now < row.opensAt && row.status === "SCHEDULED" ? "participation.errors.roundNotOpenYet" : "participation.errors.roundClosed");
  }
  await consumeRateLimit(db, rateLimitPolicies.contributionPerUser, user.userId);
  return { actor: user, category: row.category, round: { id: row.id, planId: row.planId, revisionId: row.revisionId, title: row.title, closesAt: row.closesAt } };
}
