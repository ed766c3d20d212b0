import { isUuid } from "@/lib/db/ids";
import { findMainPlan } from "@/lib/plan/find-main-plan";
import type { Db } from "@/lib/plan/plan-read";

/** Where the officials' review of a revision's decisions lives. */
export const decisionReviewPath = (slug: string, number: number) => `/piani/${slug}/revisioni/${number}/decisioni`;

/** The review of a round's draft revision (for the synthesis dashboard), or null before the draft exists. */
export async function roundDraftReviewPath(db: Db, roundId: string): Promise<{ path: string; number: number } | null> {
  if (!isUuid(roundId)) return null;
  const draft = await db.revision.findUnique({ where: { fromRoundId: roundId }, select: { number: true, status: true, plan: { select: { slug: true } } } });
  if (!draft || draft.status !== "DRAFT") return null;
  return { path: decisionReviewPath(draft.plan.slug, draft.number), number: draft.number };
}

/** The review of the main plan's current revision (the staff link in the header), or null without a plan. */
export async function mainPlanReviewPath(db: Db): Promise<string | null> {
  const main = await findMainPlan(db).catch(() => null);
  if (!main) return null;
  const plan = await db.plan.findUnique({ where: { id: main.id }, select: { currentRevision: { select: { number: true } } } });
  return plan?.currentRevision ? decisionReviewPath(main.slug, plan.currentRevision.number) : null;
}
