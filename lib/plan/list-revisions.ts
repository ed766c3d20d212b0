import { type Db, type PlanRef, findPlanHeader } from "./plan-read";

export type RevisionSummary = {
  number: number;
  publishedAt: Date | null;
  summary: string;
  isCurrent: boolean;
  axes: number;
  measures: number;
};

/** The published revisions of a plan, newest first. */
export async function listRevisions(db: Db, planRef: PlanRef): Promise<{ plan: { id: string; slug: string; title: string }; revisions: RevisionSummary[] }> {
  const plan = await findPlanHeader(db, planRef);
  const revisions = await db.revision.findMany({
    where: { planId: plan.id, status: "PUBLISHED" },
    orderBy: { number: "desc" },
    select: {
      id: true,
      number: true,
      publishedAt: true,
      summary: true,
      _count: { select: { axisVersions: true, measureVersions: true } },
    },
  });
  return {
    plan: { id: plan.id, slug: plan.slug, title: plan.title },
    revisions: revisions.map((revision) => ({
      number: revision.number,
      publishedAt: revision.publishedAt,
      summary: revision.summary,
      isCurrent: revision.id === plan.currentRevision?.id,
      axes: revision._count.axisVersions,
      measures: revision._count.measureVersions,
    })),
  };
}
