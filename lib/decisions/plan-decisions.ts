import type { ImplementationStatus } from "@/lib/db/generated/enums";
import { getPlan, type PlanView } from "@/lib/plan/get-plan";
import { type Db, type DecisionFields, type PlanRef, countAnsweredFields, decisionFieldsSelect, toDecisionFields } from "@/lib/plan/plan-read";

/** The public decision of a measure: the latest published version of the revision's decision. */
export interface PublicDecision {
  version: number;
  note: string;
  decidedAt: Date;
  publishedAt: Date;
}

export interface MeasureProgress {
  status: ImplementationStatus;
  progressPercent: number;
  /** Date of the latest update; null when the status is derived from the decision fields. */
  updatedAt: Date | null;
}

export interface AccountableMeasure {
  id: string;
  code: string;
  position: number;
  text: string;
  /** What the public sees: the published decision's fields, else the revision's own fields. */
  fields: DecisionFields;
  decision: PublicDecision | null;
  progress: MeasureProgress;
}

export interface AccountableAxis {
  id: string;
  number: number;
  title: string;
  measures: AccountableMeasure[];
}

export type PlanDecisions = Omit<PlanView, "axes"> & { axes: AccountableAxis[] };

/**
 * The plan's measures (revision in force unless a number is given) with the fields citizens can check:
 * each measure's published decision (its highest published version in that revision) or, without one,
 * the revision's own decision fields; and its implementation status from the latest progress update
 * (without updates: DECIDED when any of the four questions is answered, else TO_BE_DECIDED).
 */
export async function getPlanDecisions(db: Db, ref: PlanRef, revisionNumber?: number): Promise<PlanDecisions> {
  const plan = await getPlan(db, ref, revisionNumber);
  const measureIds = plan.axes.flatMap((axis) => axis.measures.map((measure) => measure.id));
  const [decisions, updates] = await Promise.all([
    db.decision.findMany({
      where: { revisionId: plan.revision.id, publishedAt: { not: null } },
      orderBy: [{ measureId: "asc" }, { version: "desc" }],
      distinct: ["measureId"],
      select: { measureId: true, version: true, ...decisionFieldsSelect, note: true, decidedAt: true, publishedAt: true },
    }),
    db.progressUpdate.findMany({
      where: { measureId: { in: measureIds } },
      orderBy: [{ measureId: "asc" }, { createdAt: "desc" }, { id: "desc" }],
      distinct: ["measureId"],
      select: { measureId: true, status: true, progressPercent: true, createdAt: true },
    }),
  ]);
  const decisionByMeasure = new Map(decisions.map((decision) => [decision.measureId, decision]));
  const updateByMeasure = new Map(updates.map((update) => [update.measureId, update]));

  const axes = plan.axes.map((axis) => ({
    id: axis.id,
    number: axis.number,
    title: axis.title,
    measures: axis.measures.map(({ id, code, position, text, ...revisionFields }): AccountableMeasure => {
      const decision = decisionByMeasure.get(id);
      const fields: DecisionFields = decision ? toDecisionFields(decision) : revisionFields;
      const update = updateByMeasure.get(id);
      const progress: MeasureProgress = update
        ? { status: update.status, progressPercent: update.progressPercent, updatedAt: update.createdAt }
        : { status: countAnsweredFields(fields) > 0 ? "DECIDED" : "TO_BE_DECIDED", progressPercent: 0, updatedAt: null };
      return {
        id,
        code,
        position,
        text,
        fields,
        decision: decision ? { version: decision.version, note: decision.note, decidedAt: decision.decidedAt, publishedAt: decision.publishedAt as Date } : null,
        progress,
      };
    }),
  }));
  return { ...plan, axes };
}

export interface BudgetTotal {
  /** Axis number, funding source or department; null groups the measures that do not say. */
  key: string | null;
  label: string | null;
  budgetCents: bigint;
  measures: number;
}

export interface BudgetTotals {
  totalCents: bigint;
  measuresWithBudget: number;
  measuresWithoutBudget: number;
  /** Dropped measures are left out of every total (their budget will not be spent). */
  droppedMeasures: number;
  byAxis: BudgetTotal[];
  byFundingSource: BudgetTotal[];
  byDepartment: BudgetTotal[];
}

/**
 * Budget totals by axis, funding source and department, summed as bigint cents (exact at any size).
 * Groups keep the axes' order; sources and departments come largest first, "not stated" last.
 */
export function budgetTotals(axes: AccountableAxis[]): BudgetTotals {
  const byAxis = new Map<string, BudgetTotal>();
  const bySource = new Map<string | null, BudgetTotal>();
  const byDepartment = new Map<string | null, BudgetTotal>();
  const add = (groups: Map<string | null, BudgetTotal>, key: string | null, label: string | null, cents: bigint) => {
    const group = groups.get(key) ?? { key, label, budgetCents: 0n, measures: 0 };
    group.budgetCents += cents;
    group.measures += 1;
    groups.set(key, group);
  };
  let totalCents = 0n;
  let measuresWithBudget = 0;
  let measuresWithoutBudget = 0;
  let droppedMeasures = 0;
  for (const axis of axes) {
    byAxis.set(String(axis.number), { key: String(axis.number), label: axis.title, budgetCents: 0n, measures: 0 });
    for (const measure of axis.measures) {
      if (measure.progress.status === "DROPPED") {
        droppedMeasures += 1;
        continue;
      }
      if (measure.fields.budgetCents === null) {
        measuresWithoutBudget += 1;
        continue;
      }
      const cents = BigInt(measure.fields.budgetCents);
      totalCents += cents;
      measuresWithBudget += 1;
      add(byAxis, String(axis.number), axis.title, cents);
      add(bySource, measure.fields.fundingSource, measure.fields.fundingSource, cents);
      add(byDepartment, measure.fields.department, measure.fields.department, cents);
    }
  }
  const largestFirst = (groups: Map<string | null, BudgetTotal>) =>
    [...groups.values()].sort((a, b) => (a.key === null ? 1 : b.key === null ? -1 : a.budgetCents === b.budgetCents ? (a.key < b.key ? -1 : 1) : a.budgetCents > b.budgetCents ? -1 : 1));
  return {
    totalCents,
    measuresWithBudget,
    measuresWithoutBudget,
    droppedMeasures,
    byAxis: [...byAxis.values()],
    byFundingSource: largestFirst(bySource),
    byDepartment: largestFirst(byDepartment),
  };
}
