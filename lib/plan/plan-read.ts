import type { Prisma, PrismaClient } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";

/** The client or a transaction: read functions work with either. */
export type Db = PrismaClient | Prisma.TransactionClient;

/** How a page or the API names a plan: by slug (pages) or by id (API). */
export type PlanRef = { slug: string } | { id: string };

export const decisionFieldsSelect = {
  timing: true,
  startsOn: true,
  endsOn: true,
  budgetCents: true,
  fundingSource: true,
  department: true,
} satisfies Prisma.MeasureVersionSelect;

export type DecisionFields = {
  timing: string | null;
  startsOn: Date | null;
  endsOn: Date | null;
  /** Euro cents; a number is exact up to 90 trillion euro. */
  budgetCents: number | null;
  fundingSource: string | null;
  department: string | null;
};

export function toDecisionFields(row: Prisma.MeasureVersionGetPayload<{ select: typeof decisionFieldsSelect }>): DecisionFields {
  return {
    timing: row.timing,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    budgetCents: row.budgetCents === null ? null : Number(row.budgetCents),
    fundingSource: row.fundingSource,
    department: row.department,
  };
}

/** How many of the four questions a measure's fields answer. */
export function countAnsweredFields(fields: DecisionFields): number {
  return [
    fields.timing !== null || fields.startsOn !== null || fields.endsOn !== null,
    fields.budgetCents !== null,
    fields.fundingSource !== null,
    fields.department !== null,
  ].filter(Boolean).length;
}

export const planHeaderSelect = {
  id: true,
  slug: true,
  title: true,
  subtitle: true,
  issuer: true,
  introduction: true,
  createdAt: true,
  currentRevision: { select: { id: true, number: true, status: true, publishedAt: true, summary: true } },
} satisfies Prisma.PlanSelect;

export type PlanHeader = Prisma.PlanGetPayload<{ select: typeof planHeaderSelect }>;

export async function findPlanHeader(db: Db, ref: PlanRef): Promise<PlanHeader> {
  const plan = await db.plan.findUnique({ where: "id" in ref ? { id: ref.id } : { slug: ref.slug }, select: planHeaderSelect });
  if (!plan) throw new AppError("NOT_FOUND", "errors.planNotFound", { value: "id" in ref ? ref.id : ref.slug });
  return plan;
}
