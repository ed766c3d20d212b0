import type { StakeholderCategory } from "@/lib/db/generated/enums";
import { type AccountableAxis, type AccountableMeasure, type BudgetTotals, budgetTotals, getPlanDecisions } from "@/lib/decisions/plan-decisions";
import { AppError } from "@/lib/errors/app-error";
import type { Db } from "@/lib/plan/plan-read";
import { type RoundOutcome, getRoundOutcome } from "@/lib/synthesis/get-round-outcome";
import { K_ANONYMITY_MIN_VOTERS, MERGED_CATEGORY, mergeSmallCategories } from "@/lib/synthesis/k-anonymity";

/**
 * A round's summary report: what "you said, we did" publishes (participation, results with
 * k-anonymous categories, the changes with their rationale, every proposal's answer) plus the
 * decisions published with the revision drafted from the round, and that revision's budget totals.
 * Like the outcome, the report exists only once that revision is published: before, `published: false`.
 * The HTML page and the PDF (render-round-report-pdf.ts) show the same sections in this order.
 */

type PublishedOutcome = Extract<RoundOutcome, { published: true }>;

/** The report's sections, in the order both the page and the PDF show them (ids are the page's anchors). */
export const REPORT_SECTIONS = ["participation", "results", "changes", "proposals", "decisions"] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

export interface CategoryParticipation {
  /** A stakeholder category, or MERGED_CATEGORY for the categories merged for k-anonymity. */
  category: StakeholderCategory | typeof MERGED_CATEGORY;
  /** Distinct web and live voters; null when withheld (even merged, fewer than the threshold). */
  voters: number | null;
  merged: boolean;
}

export interface DecidedMeasure extends AccountableMeasure {
  axisNumber: number;
  decision: NonNullable<AccountableMeasure["decision"]>;
}

export type RoundReport =
  | { published: false; round: PublishedOutcome["round"] }
  | (Omit<PublishedOutcome, "participation"> & {
      plan: { id: string; slug: string; title: string; issuer: string };
      participation: PublishedOutcome["participation"] & { byCategory: CategoryParticipation[] };
      decisions: { measures: DecidedMeasure[]; axes: AccountableAxis[]; totals: BudgetTotals };
    });

export type PublishedRoundReport = Extract<RoundReport, { published: true }>;

export async function getRoundReport(db: Db, roundId: string, now: Date = new Date()): Promise<RoundReport> {
  const outcome = await getRoundOutcome(db, roundId, now);
  if (!outcome.published) return { published: false, round: outcome.round };

  const [plan, byCategory] = await Promise.all([getPlanDecisions(db, { id: outcome.round.plan.id }, outcome.revision.number), votersByCategory(db, roundId)]);
  const measures = plan.axes.flatMap((axis) =>
    axis.measures.flatMap((measure): DecidedMeasure[] => (measure.decision ? [{ ...measure, axisNumber: axis.number, decision: measure.decision }] : [])),
  );
  return {
    ...outcome,
    plan: { id: plan.id, slug: plan.slug, title: plan.title, issuer: plan.issuer },
    participation: { ...outcome.participation, byCategory },
    decisions: { measures, axes: plan.axes, totals: budgetTotals(plan.axes) },
  };
}

/** The report when it is public; NOT_FOUND before (for the PDF download, which has no page to explain it). */
export async function getPublishedRoundReport(db: Db, roundId: string, now: Date = new Date()): Promise<PublishedRoundReport> {
  const report = await getRoundReport(db, roundId, now);
  if (!report.published) throw new AppError("NOT_FOUND", "reports.errors.notPublished");
  return report;
}

/**
 * Distinct web and live voters per stakeholder category (the category they had when voting),
 * with categories of fewer than K_ANONYMITY_MIN_VOTERS voters merged the same way as the results.
 */
async function votersByCategory(db: Db, roundId: string): Promise<CategoryParticipation[]> {
  const rows = await db.$queryRaw<{ category: StakeholderCategory; voters: number }[]>`
    SELECT "category", count(DISTINCT "userId")::int AS "voters"
    FROM "Vote" WHERE "roundId" = ${roundId}::uuid
    GROUP BY "category" ORDER BY "category"`;
  // mergeSmallCategories works on vote tallies: each voter is counted once, as a "support".
  const merged = mergeSmallCategories(rows.map((row) => ({ category: row.category, support: row.voters, oppose: 0, abstain: 0, prioritySum: 0, priorityCount: 0 })), K_ANONYMITY_MIN_VOTERS);
  return merged.rows.map((row) => ({
    category: row.category as CategoryParticipation["category"],
    voters: row.suppressed ? null : row.voters,
    merged: row.merged,
  }));
}
