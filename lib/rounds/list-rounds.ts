import type { RoundStatus } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";
import { findMainPlan } from "@/lib/plan/find-main-plan";
import type { Db } from "@/lib/plan/plan-read";
import { effectiveRoundStatus } from "./round-window";

/** A round as lists show it; `status` is the effective one (round-window.ts), by the server's clock. */
export interface RoundSummary {
  id: string;
  title: string;
  status: RoundStatus;
  opensAt: Date;
  closesAt: Date;
  revisionNumber: number;
  meetings: number;
}

export interface PlanRounds {
  plan: { id: string; slug: string; title: string };
  rounds: RoundSummary[];
}

/** Every round of a plan (the installation's main plan by default), in time order. Public. */
export async function listRounds(db: Db, { planId }: { planId?: string } = {}, now: Date = new Date()): Promise<PlanRounds> {
  const id = planId ?? (await findMainPlan(db)).id;
  const plan = await db.plan.findUnique({
    where: { id },
    select: {
      id: true,
      slug: true,
      title: true,
      rounds: {
        orderBy: [{ opensAt: "asc" }, { id: "asc" }],
        select: { id: true, title: true, status: true, opensAt: true, closesAt: true, revision: { select: { number: true } }, _count: { select: { meetings: { where: { cancelledAt: null } } } } },
      },
    },
  });
  if (!plan) throw new AppError("NOT_FOUND", "rounds.errors.planNotFound");
  return {
    plan: { id: plan.id, slug: plan.slug, title: plan.title },
    rounds: plan.rounds.map((round) => ({
      id: round.id,
      title: round.title,
      status: effectiveRoundStatus(round, now),
      opensAt: round.opensAt,
      closesAt: round.closesAt,
      revisionNumber: round.revision.number,
      meetings: round._count.meetings,
    })),
  };
}
