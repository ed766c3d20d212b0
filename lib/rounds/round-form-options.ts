import { AppError } from "@/lib/errors/app-error";
import { findMainPlan } from "@/lib/plan/find-main-plan";
import type { Db } from "@/lib/plan/plan-read";

export interface RoundFormOptions {
  plan: { id: string; slug: string; title: string; currentRevisionId: string | null };
  /** The revisions a round may consult on: the published ones, newest first. */
  revisions: { id: string; number: number; publishedAt: Date | null }[];
}

/** What the round form offers: the plan (the main one by default) and its published revisions. */
export async function getRoundFormOptions(db: Db, { planId }: { planId?: string } = {}): Promise<RoundFormOptions> {
  const id = planId ?? (await findMainPlan(db)).id;
  const plan = await db.plan.findUnique({
    where: { id },
    select: { id: true, slug: true, title: true, currentRevisionId: true, revisions: { where: { status: "PUBLISHED" }, orderBy: { number: "desc" }, select: { id: true, number: true, publishedAt: true } } },
  });
  if (!plan) throw new AppError("NOT_FOUND", "rounds.errors.planNotFound");
  const { revisions, ...rest } = plan;
  return { plan: rest, revisions };
}
