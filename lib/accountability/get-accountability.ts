import type { ImplementationStatus } from "@/lib/db/generated/enums";
import { type AccountableAxis, type BudgetTotals, type PlanDecisions, budgetTotals, getPlanDecisions } from "@/lib/decisions/plan-decisions";
import type { Db, PlanRef } from "@/lib/plan/plan-read";
import { type AccountabilityFilters, implementationStatuses } from "./accountability.schemas";

export interface Accountability {
  plan: Omit<PlanDecisions, "axes">;
  /** Budget totals of the whole plan (filters do not change them). */
  totals: BudgetTotals;
  /** Measures of the whole plan per status, every status listed (0 included), in the statuses' order. */
  statusCounts: { status: ImplementationStatus; measures: number }[];
  totalMeasures: number;
  /** The filter form's choices: every axis, and the departments the measures name (sorted). */
  axisOptions: { number: number; title: string }[];
  departmentOptions: string[];
  filters: AccountabilityFilters;
  /** The measures the filters keep, grouped by axis (axes left without measures are dropped when filtering). */
  axes: AccountableAxis[];
  shownMeasures: number;
}

/**
 * The public accountability page of a plan's revision in force: every measure's public decision
 * fields, status and progress (getPlanDecisions), the budget totals (bigint cents), the count of
 * measures per status, and the measures the filters keep: an axis number, a status, a department
 * whose name contains the given text (case-insensitive). NOT_FOUND without such a plan or revision.
 */
export async function getAccountability(db: Db, ref: PlanRef, filters: AccountabilityFilters = {}): Promise<Accountability> {
  const { axes: allAxes, ...plan } = await getPlanDecisions(db, ref);
  const measures = allAxes.flatMap((axis) => axis.measures);
  const statusCounts = implementationStatuses.map((status) => ({ status, measures: measures.filter((measure) => measure.progress.status === status).length }));
  const departments = new Set(measures.flatMap((measure) => (measure.fields.department ? [measure.fields.department] : [])));

  const department = filters.dipartimento?.toLocaleLowerCase("it");
  const filtering = filters.asse !== undefined || filters.stato !== undefined || department !== undefined;
  const axes = allAxes
    .filter((axis) => filters.asse === undefined || axis.number === filters.asse)
    .map((axis) => ({
      ...axis,
      measures: axis.measures.filter(
        (measure) =>
          (filters.stato === undefined || measure.progress.status === filters.stato) &&
          (department === undefined || (measure.fields.department?.toLocaleLowerCase("it").includes(department) ?? false)),
      ),
    }))
    .filter((axis) => !filtering || axis.measures.length > 0);

  return {
    plan,
    totals: budgetTotals(allAxes),
    statusCounts,
    totalMeasures: measures.length,
    axisOptions: allAxes.map(({ number, title }) => ({ number, title })),
    departmentOptions: [...departments].sort((a, b) => a.localeCompare(b, "it")),
    filters,
    axes,
    shownMeasures: axes.reduce((sum, axis) => sum + axis.measures.length, 0),
  };
}
