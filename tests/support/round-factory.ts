/** Rounds, meetings and participants for tests, on the seed plan's current published revision. */
import type { PrismaClient } from "@/lib/db/client";
import type { RoundStatus, StakeholderCategory } from "@/lib/db/generated/enums";
import type { Actor } from "@/lib/auth/session";
import { signedInUser } from "./auth-factory";
import { importSeedPlan } from "./plan-factory";

const hour = 3600_000;

export interface TestRound {
  id: string;
  planId: string;
  planSlug: string;
  revisionId: string;
}

/** The seed plan, imported once per database. */
export async function seedPlan(db: PrismaClient): Promise<{ id: string; slug: string; revisionId: string }> {
  // Plans with measures only: other factories (scheduling-factory barePlan) make empty plans in the same database.
  const existing = await db.plan.findFirst({ where: { currentRevisionId: { not: null }, measures: { some: {} } }, select: { id: true, slug: true, currentRevisionId: true }, orderBy: { createdAt: "asc" } });
  if (existing) return { id: existing.id, slug: existing.slug, revisionId: existing.currentRevisionId! };
  await importSeedPlan(db);
  return seedPlan(db);
}

/**
 * A round on the seed plan. Default: open now (opened an hour ago, closing in a day). Rounds of one
 * plan may not overlap in the product; tests that need several pass distinct `opensAt`/`closesAt`.
 */
export async function createRound(
  db: PrismaClient,
  { status = "OPEN", opensAt, closesAt, title = "Consultazione di prova", description = "" }: { status?: RoundStatus; opensAt?: Date; closesAt?: Date; title?: string; description?: string } = {},
): Promise<TestRound> {
  const plan = await seedPlan(db);
  const now = Date.now();
  const opens = opensAt ?? new Date(status === "SCHEDULED" ? now + 24 * hour : now - hour);
  const closes = closesAt ?? new Date(status === "OPEN" || status === "SCHEDULED" ? opens.getTime() + 48 * hour : now - 1000);
  const round = await db.round.create({
    data: { planId: plan.id, revisionId: plan.revisionId, title, description, status, opensAt: opens, closesAt: closes },
    select: { id: true },
  });
  return { id: round.id, planId: plan.id, planSlug: plan.slug, revisionId: plan.revisionId };
}

/** A measure of the seed plan by code (e.g. "1.1"): its id, for votes, comments and proposals. */
export async function measureId(db: PrismaClient, planId: string, code: string): Promise<string> {
  return (await db.measure.findUniqueOrThrow({ where: { planId_code: { planId, code } }, select: { id: true } })).id;
}

/** A signed-in stakeholder of the given category. */
export async function stakeholder(db: PrismaClient, category: StakeholderCategory = "CITIZEN"): Promise<Actor> {
  const actor = await signedInUser(db, "STAKEHOLDER");
  await db.stakeholderProfile.update({ where: { userId: actor.userId }, data: { category } });
  return actor;
}
