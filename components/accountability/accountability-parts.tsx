import { BarChart } from "@/components/charts/bar-chart";
import { DecisionFieldList } from "@/components/plan/decision-fields";
import type { AccountableMeasure, BudgetTotal, BudgetTotals } from "@/lib/decisions/plan-decisions";
import { formatDate, formatEuroBigCents } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import { excerpt } from "@/lib/text/excerpt";
import { ProgressBar } from "./progress-bar";
import { ImplementationStatusBadge } from "./status-badge";

/** The pieces of the accountability pages: budget charts with data tables, a measure's status line, a measure in the list. */

/** Budget totals by axis, funding source and department: bars in euro, data tables with the exact amounts. */
export function BudgetCharts({ totals, locale, t }: { totals: BudgetTotals; locale: Locale; t: Translate }) {
  const rows = (groups: BudgetTotal[], label: (group: BudgetTotal) => string) =>
    groups.map((group) => ({
      key: group.key ?? "-",
      label: label(group),
      // The bar's length (a float is fine for drawing); the written amount is exact.
      value: Number(group.budgetCents) / 100,
      text: formatEuroBigCents(group.budgetCents, locale),
    }));
  const named = (group: BudgetTotal) => group.label ?? t("accountability.budget.notStated");
  const charts = [
    { id: "budget-assi", title: t("accountability.budget.byAxis"), rowHeader: t("accountability.budget.axis"), rows: rows(totals.byAxis, (group) => t("accountability.axisHeading", { number: group.key ?? "", title: group.label ?? "" })) },
    { id: "budget-fonti", title: t("accountability.budget.byFundingSource"), rowHeader: t("accountability.budget.fundingSource"), rows: rows(totals.byFundingSource, named) },
    { id: "budget-dipartimenti", title: t("accountability.budget.byDepartment"), rowHeader: t("accountability.budget.department"), rows: rows(totals.byDepartment, named) },
  ];
  return (
    <>
      {charts.map((chart) => (
        <BarChart key={chart.id} id={chart.id} title={chart.title} rows={chart.rows} rowHeader={chart.rowHeader} valueHeader={t("accountability.budget.amount")} locale={locale} t={t} />
      ))}
    </>
  );
}

/** Status badge, progress bar and the date of the latest update. */
export function MeasureStatus({ measure, locale, t }: { measure: AccountableMeasure; locale: Locale; t: Translate }) {
  return (
    <div className="my-2">
      <p className="mb-1">
        <span className="me-2">{t("accountability.measures.statusLabel")}</span>
        <ImplementationStatusBadge status={measure.progress.status} t={t} />
      </p>
      <ProgressBar percent={measure.progress.progressPercent} label={t("accountability.measures.progressLabel", { code: measure.code })} locale={locale} t={t} />
      <p className="small mb-0 mt-1">
        {measure.progress.updatedAt ? t("accountability.measures.lastUpdate", { date: formatDate(measure.progress.updatedAt, locale) }) : t("accountability.measures.noUpdate")}
      </p>
    </div>
  );
}

/** A measure in the accountability list: code (link to its page), text excerpt, the four fields, status and progress. */
export function AccountableMeasureItem({ measure, href, locale, t }: { measure: AccountableMeasure; href: string; locale: Locale; t: Translate }) {
  const headingId = `misura-${measure.code}-title`;
  return (
    <li className="consulta-measure border-bottom py-3" id={`misura-${measure.code}`}>
      <h4 className="h5" id={headingId}>
        <a href={href}>{t("accountability.measures.measureLabel", { code: measure.code })}</a>
      </h4>
      <p lang="it">{excerpt(measure.text, 240, { flatten: true })}</p>
      <DecisionFieldList fields={measure.fields} locale={locale} t={t} />
      <MeasureStatus measure={measure} locale={locale} t={t} />
      <p className="mt-2 mb-0">
        <a href={href}>{t("accountability.measures.details", { code: measure.code })}</a>
      </p>
    </li>
  );
}
