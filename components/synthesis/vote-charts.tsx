import { BarChart } from "@/components/charts/bar-chart";
import { StackedBarChart } from "@/components/charts/stacked-bar-chart";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import type { Tally } from "@/lib/participation/get-vote-results";

/** The vote charts the synthesis pages share (staff dashboard, public "you said, we did"); data tables collapsible. */
type Common = { id: string; title: string; locale: Locale; t: Translate };

/** Support / oppose / abstain of each row, stacked. */
export function VotesChart({ id, title, rows, locale, t }: Common & { rows: { key: string; label: string; tally: Pick<Tally, "support" | "oppose" | "abstain"> }[] }) {
  return (
    <StackedBarChart
      id={id}
      title={title}
      series={[
        { key: "support", label: t("results.columns.support"), tone: "support" },
        { key: "oppose", label: t("results.columns.oppose"), tone: "oppose" },
        { key: "abstain", label: t("results.columns.abstain"), tone: "abstain" },
      ]}
      rows={rows.map((row) => ({ key: row.key, label: row.label, values: [row.tally.support, row.tally.oppose, row.tally.abstain] }))}
      rowHeader={t("results.columns.measure")}
      locale={locale}
      t={t}
      collapsibleTable
    />
  );
}

/** Mean priority (1–5) of each row. */
export function PriorityChart({ id, title, rows, locale, t }: Common & { rows: { key: string; label: string; value: number | null }[] }) {
  return (
    <BarChart
      id={id}
      title={title}
      rows={rows}
      rowHeader={t("results.columns.measure")}
      valueHeader={t("results.columns.meanPriority")}
      format="decimal"
      max={5}
      locale={locale}
      t={t}
      collapsibleTable
    />
  );
}
