import { AppError } from "@/lib/errors/app-error";
import type { Db } from "./plan-read";

/** The installation's main plan: the first one imported (the seed plan by default). */
export async function findMainPlan(db: Db): Promise<{ id: string; slug: string }> {
  const plan = await db.plan.findFirst({ orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, slug: true } });
  if (!plan) throw new AppError("NOT_FOUND", "errors.planNotFound", { value: "-" });
  return plan;
}
