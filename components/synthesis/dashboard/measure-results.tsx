import { BarChart } from "@/components/charts/bar-chart";
import { DataTable } from "@/components/layout/data-table";
import { Cells, type TallyColumn, TallyHeaderCells } from "@/components/participation/vote-results-table";
import type { Locale } from "@/lib/i18n/locales";
import { formatNumber } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import { voteSources } from "@/lib/participation/get-vote-results";
import type { DashboardMeasure, RoundDashboard } from "@/lib/synthesis/synthesis.types";
import { PriorityChart, VotesChart } from "@/components/synthesis/vote-charts";
import { formatShare } from "./format";

type Props = { dashboard: RoundDashboard; locale: Locale; t: Translate; measureHref: (code: string) => string };

/** Votes per measure (chart + table with sources and contributions) and the two rankings. */
export function DashboardMeasureResults({ dashboard, locale, t, measureHref }: Props) {
  const label = (code: string) => t("results.measure", { code });
  const voted = dashboard.measures.filter((measure) => measure.total.total > 0);
  // Between the total and the mean priority: the votes of each source, and the share in support.
  const columns = (measure?: DashboardMeasure): TallyColumn[] => [
    ...voteSources.map((source) => ({
      key: source,
      header: t("synthesis.dashboard.votes.ofWhich", { source: t(`results.sources.${source}`) }),
      value: () => formatNumber(measure?.bySource[source].total ?? 0, locale),
    })),
    { key: "share", header: t("synthesis.dashboard.votes.supportShare"), value: () => formatShare(measure?.supportShare ?? null, locale, t) },
  ];
  return (
    <>
      <section className="my-5" aria-labelledby="votes-title">
        <h2 id="votes-title" className="h3">{t("synthesis.dashboard.votes.title")}</h2>
        <p>{t("synthesis.dashboard.votes.intro")}</p>
        <VotesChart
          id="chart-votes"
          title={t("synthesis.dashboard.votes.chartTitle")}
          rows={voted.map((measure) => ({ key: measure.measureId, label: label(measure.code), tally: measure.total }))}
          locale={locale}
          t={t}
        />
        <DataTable caption={t("synthesis.dashboard.votes.tableCaption")}>
          <thead>
            <tr>
              <th scope="col">{t("results.columns.measure")}</th>
              <TallyHeaderCells t={t} extra={columns()} />
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
                <Cells tally={measure.total} locale={locale} t={t} extra={columns(measure)} strongTotal />
                <td className="text-end">{formatNumber(measure.comments, locale)}</td>
                <td className="text-end">{formatNumber(measure.proposals, locale)}</td>
                <td className="text-end">{formatNumber(measure.proposalSupports, locale)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </section>

      <section className="my-5" aria-labelledby="rankings-title">
        <h2 id="rankings-title" className="h3">{t("synthesis.dashboard.rankings.title")}</h2>
        <p>{t("synthesis.dashboard.rankings.intro")}</p>
        {dashboard.rankings.byPriority.length === 0 ? (
          <p>{t("synthesis.dashboard.rankings.noPriority")}</p>
        ) : (
          <PriorityChart
            id="chart-priority"
            title={t("synthesis.dashboard.rankings.byPriority")}
            rows={dashboard.rankings.byPriority.map((entry) => ({ key: entry.measureId, label: label(entry.code), value: entry.value }))}
            locale={locale}
            t={t}
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
