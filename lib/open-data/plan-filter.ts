import type { PrismaClient } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { findMainPlan } from "@/lib/plan/find-main-plan";

/** The plan named by ?plan=<slug>, or the installation's main plan. NOT_FOUND for an unknown slug. */
export async function planFilter(db: PrismaClient, slug: string | undefined): Promise<{ id: string; slug: string }> {
  if (!slug) return findMainPlan(db);
  const plan = await db.plan.findUnique({ where: { slug }, select: { id: true, slug: true } });
  if (!plan) throw new AppError("NOT_FOUND", "openData.errors.planNotFound", { value: slug });
  return plan;
}

/** The round named by ?round=<id>. NOT_FOUND when there is none. */
export async function roundFilter(db: PrismaClient, id: string): Promise<{ id: string }> {
  const round = await db.round.findUnique({ where: { id }, select: { id: true } });
  if (!round) throw new AppError("NOT_FOUND", "openData.errors.roundNotFound", { value: id });
  return round;
}
