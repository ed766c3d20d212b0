import { BarChart } from "@/components/charts/bar-chart";
import { StackedBarChart } from "@/components/charts/stacked-bar-chart";
import { ScrollableTable } from "@/components/layout/scrollable-table";
import type { Locale } from "@/lib/i18n/locales";
import { formatMean, formatNumber } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import { voteSources } from "@/lib/participation/get-vote-results";
import type { RoundDashboard } from "@/lib/synthesis/synthesis.types";
import { formatShare } from "./format";

type Props = { dashboard: RoundDashboard; locale: Locale; t: Translate; measureHref: (code: string) => string };

/** Votes per measure (chart + table with sources and contributions) and the two rankings. */
export function DashboardMeasureResults({ dashboard, locale, t, measureHref }: Props) {
  const label = (code: string) => t("results.measure", { code });
  const voted = dashboard.measures.filter((measure) => measure.total.total > 0);
  return (
    <>
      <section className="my-5" aria-labelledby="votes-title">
        <h2 id="votes-title" className="h3">{t("synthesis.dashboard.votes.title")}</h2>
        <p>{t("synthesis.dashboard.votes.intro")}</p>
        <StackedBarChart
          id="chart-votes"
          title={t("synthesis.dashboard.votes.chartTitle")}
          series={[
            { key: "support", label: t("results.columns.support"), tone: "support" },
            { key: "oppose", label: t("results.columns.oppose"), tone: "oppose" },
            { key: "abstain", label: t("results.columns.abstain"), tone: "abstain" },
          ]}
          rows={voted.map((measure) => ({ key: measure.measureId, label: label(measure.code), values: [measure.total.support, measure.total.oppose, measure.total.abstain] }))}
          rowHeader={t("results.columns.measure")}
          locale={locale}
          t={t}
          collapsibleTable
        />
        <ScrollableTable label={t("synthesis.dashboard.votes.tableCaption")}>
          <table className="table table-sm">
            <caption>{t("synthesis.dashboard.votes.tableCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("results.columns.measure")}</th>
                <th scope="col" className="text-end">{t("results.columns.support")}</th>
                <th scope="col" className="text-end">{t("results.columns.oppose")}</th>
                <th scope="col" className="text-end">{t("results.columns.abstain")}</th>
                <th scope="col" className="text-end">{t("results.columns.total")}</th>
                {voteSources.map((source) => (
                  <th key={source} scope="col" className="text-end">{t("synthesis.dashboard.votes.ofWhich", { source: t(`results.sources.${source}`) })}</th>
                ))}
                <th scope="col" className="text-end">{t("synthesis.dashboard.votes.supportShare")}</th>
                <th scope="col" className="text-end">{t("results.columns.meanPriority")}</th>
                <th scope="col" className="text-end">{t("synthesis.dashboard.counts.comments")}</th>
                <th scope="col" className="text-end">{t("synthesis.dashboard.counts.proposals")}</th>
                <th scope="col" className="text-end">{t("synthesis.dashboard.counts.supports")}</th>
              </tr>
            </thead>
            <tbody>
              {dashboard.measures.map((measure) => (
                <tr key={measure.measureId} id={`misura-${measure.code}`}>
                  <th scope="row">
                    <a href={measureHref(measure.code)}>{label(measure.code)}</a>
                    <span className="d-block small fw-normal">{measure.excerpt}</span>
                  </th>
                  <td className="text-end">{formatNumber(measure.total.support, locale)}</td>
                  <td className="text-end">{formatNumber(measure.total.oppose, locale)}</td>
                  <td className="text-end">{formatNumber(measure.total.abstain, locale)}</td>
                  <td className="text-end fw-bold">{formatNumber(measure.total.total, locale)}</td>
                  {voteSources.map((source) => (
                    <td key={source} className="text-end">{formatNumber(measure.bySource[source].total, locale)}</td>
                  ))}
                  <td className="text-end">{formatShare(measure.supportShare, locale, t)}</td>
                  <td className="text-end">{formatMean(measure.total.meanPriority, locale, t("results.noPriority"))}</td>
                  <td className="text-end">{formatNumber(measure.comments, locale)}</td>
                  <td className="text-end">{formatNumber(measure.proposals, locale)}</td>
                  <td className="text-end">{formatNumber(measure.proposalSupports, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      </section>

      <section className="my-5" aria-labelledby="rankings-title">
        <h2 id="rankings-title" className="h3">{t("synthesis.dashboard.rankings.title")}</h2>
        <p>{t("synthesis.dashboard.rankings.intro")}</p>
        {dashboard.rankings.byPriority.length === 0 ? (
          <p>{t("synthesis.dashboard.rankings.noPriority")}</p>
        ) : (
          <BarChart
            id="chart-priority"
            title={t("synthesis.dashboard.rankings.byPriority")}
            rows={dashboard.rankings.byPriority.map((entry) => ({ key: entry.measureId, label: label(entry.code), value: entry.value }))}
            rowHeader={t("results.columns.measure")}
            valueHeader={t("results.columns.meanPriority")}
            format="decimal"
            max={5}
            locale={locale}
            t={t}
            collapsibleTable
          />
        )}
        {dashboard.rankings.bySupport.length === 0 ? (
          <p>{t("synthesis.dashboard.rankings.noVotes")}</p>
        ) : (
          <BarChart
            id="chart-support"
            title={t("synthesis.dashboard.rankings.bySupport")}
            rows={dashboard.rankings.bySupport.map((entry) => ({ key: entry.measureId, label: label(entry.code), value: entry.value }))}
            rowHeader={t("results.columns.measure")}
            valueHeader={t("synthesis.dashboard.votes.supportShare")}
            format="percent"
            max={1}
            tone="support"
            locale={locale}
            t={t}
            collapsibleTable
          />
        )}
      </section>
    </>
  );
}
