import type { Db } from "./plan-read";

export type PlanSummary = {
  id: string;
  slug: string;
  title: string;
  subtitle: string | null;
  issuer: string;
  currentRevision: { number: number; publishedAt: Date | null } | null;
  axes: number;
  measures: number;
};

/** Every plan, oldest first: the first one imported is the platform's main plan. */
export async function listPlans(db: Db): Promise<PlanSummary[]> {
  const plans = await db.plan.findMany({
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      slug: true,
      title: true,
      subtitle: true,
      issuer: true,
      currentRevision: {
        select: { number: true, publishedAt: true, _count: { select: { axisVersions: true, measureVersions: true } } },
      },
    },
  });
  return plans.map(({ currentRevision, ...plan }) => ({
    ...plan,
    currentRevision: currentRevision ? { number: currentRevision.number, publishedAt: currentRevision.publishedAt } : null,
    axes: currentRevision?._count.axisVersions ?? 0,
    measures: currentRevision?._count.measureVersions ?? 0,
  }));
}
