import type { PrismaClient } from "@/lib/db/client";
import { budgetTotals, getPlanDecisions } from "@/lib/decisions/plan-decisions";
import { defineDataset } from "../dataset";
import { centsNumber } from "../keyset";
import { type BudgetTotalRow, budgetTotalRowSchema, budgetTotalsDocumentSchema, planDatasetQuerySchema } from "../open-data.schemas";
import { planFilter } from "../plan-filter";

/** The budget of the plan's revision in force (public decisions first), summed by axis, funding source and department. */
export const budgetTotalsDataset = defineDataset({
  name: "budget-totals",
  query: planDatasetQuerySchema,
  row: budgetTotalRowSchema,
  document: budgetTotalsDocumentSchema,
  filters: [{ name: "plan", required: false }],
  async open(db: PrismaClient, query) {
    const plan = await planFilter(db, query.plan);
    const decisions = await getPlanDecisions(db, { slug: plan.slug });
    const totals = budgetTotals(decisions.axes);
    const groups = [
      ["axis", totals.byAxis],
      ["fundingSource", totals.byFundingSource],
      ["department", totals.byDepartment],
    ] as const;
    return groups.flatMap(([dimension, entries]) =>
      entries.map(
        (entry): BudgetTotalRow => ({
          plan: plan.slug,
          revision: decisions.revision.number,
          dimension,
          key: entry.key,
          label: entry.label,
          budgetCents: centsNumber(entry.budgetCents)!,
          measures: entry.measures,
        }),
      ),
    );
  },
});
