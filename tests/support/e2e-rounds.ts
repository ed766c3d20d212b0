/**
 * Rounds for e2e files, arranged in the e2e server's database. e2e files run one after the other on
 * one server: the measure pages show the plan's latest opened round, so a file that opens a round
 * "a moment ago" in its beforeAll sees its own round there.
 */
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { e2eDatabaseUrl } from "./e2e-server";
import { importSeedPlan } from "./plan-factory";

export interface E2EPlan {
  id: string;
  slug: string;
  currentRevisionId: string;
}

/** The plan the server imported on first start (the oldest one). */
export async function e2eSeedPlan(prisma: PrismaClient): Promise<E2EPlan> {
  const plan = await prisma.plan.findFirstOrThrow({
    where: { currentRevisionId: { not: null } },
    orderBy: { createdAt: "asc" },
    select: { id: true, slug: true, currentRevisionId: true },
  });
  return { id: plan.id, slug: plan.slug, currentRevisionId: plan.currentRevisionId! };
}

/** An OPEN round of the plan that opened `openedAgoMs` ago and closes `closesInMs` from now. */
export async function openRound(
  prisma: PrismaClient,
  plan: E2EPlan,
  title: string,
  { openedAgoMs = 1000, closesInMs = 48 * 3600_000, description }: { openedAgoMs?: number; closesInMs?: number; description?: string } = {},
) {
  return prisma.round.create({
    data: { planId: plan.id, revisionId: plan.currentRevisionId, title, description, status: "OPEN", opensAt: new Date(Date.now() - openedAgoMs), closesAt: new Date(Date.now() + closesInMs) },
  });
}

/** The id of the measure with that code in the plan. */
export async function measureIdOf(prisma: PrismaClient, plan: E2EPlan, code: string): Promise<string> {
  return (await prisma.measure.findUniqueOrThrow({ where: { planId_code: { planId: plan.id, code } }, select: { id: true } })).id;
}

/**
 * A second copy of the seed plan under its own slug, for a file whose rounds must not meet other
 * files' rounds of the seed plan (rounds of one plan may not overlap; the measure page shows the
 * plan's latest opened round). Other files expect the seed plan to be the only plan: remove the
 * copy with deletePlanCopy in afterAll.
 */
export async function importPlanCopy(prisma: PrismaClient, slug: string): Promise<E2EPlan> {
  await importSeedPlan(prisma, slug);
  const plan = await prisma.plan.findUniqueOrThrow({ where: { slug }, select: { id: true, slug: true, currentRevisionId: true } });
  return { id: plan.id, slug: plan.slug, currentRevisionId: plan.currentRevisionId! };
}

/** Deletes a plan copy and everything in it (rounds, contributions, reports cascade). */
export async function deletePlanCopy(prisma: PrismaClient, planId: string): Promise<void> {
  await prisma.$transaction([prisma.plan.update({ where: { id: planId }, data: { currentRevisionId: null } }), prisma.plan.delete({ where: { id: planId } })]);
}

/**
 * For a describeE2E block: a client of the server's database and a plan copy under `slug`, ready
 * in a beforeAll registered here (so before the file's own beforeAll), deleted with the client
 * closed in afterAll. Read `prisma` and `plan` from the returned object inside hooks and tests.
 */
export function usePlanCopy(slug: string): { prisma: PrismaClient; plan: E2EPlan } {
  const state = {} as { prisma: PrismaClient; plan: E2EPlan };
  beforeAll(async () => {
    state.prisma = createPrismaClient(e2eDatabaseUrl(), { maxConnections: 2 });
    state.plan = await importPlanCopy(state.prisma, slug);
  });
  afterAll(async () => {
    if (state.plan) await deletePlanCopy(state.prisma, state.plan.id);
    await state.prisma?.$disconnect();
  });
  return state;
}
