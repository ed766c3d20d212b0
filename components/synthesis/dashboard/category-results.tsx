import { DataTable } from "@/components/layout/data-table";
import { CategoryTallyTable } from "@/components/participation/vote-results-table";
import type { Locale } from "@/lib/i18n/locales";
import { formatNumber } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import { COMMON_GROUND_MIN_AGREE_RATE, DIVISION_MIN_AGREE_RATE_SPREAD } from "@/lib/synthesis/opinion-groups";
import type { RoundDashboard } from "@/lib/synthesis/synthesis.types";
import { dashboardCategoryLabel, formatShare } from "./format";

type Props = { dashboard: RoundDashboard; locale: Locale; t: Translate };

/** Votes by stakeholder category (k-anonymised), and which measures unite or divide the categories. */
export function DashboardCategoryResults({ dashboard, locale, t }: Props) {
  const withCategories = dashboard.measures.filter((measure) => measure.byCategory.length > 0);
  const stances = dashboard.categoryStances;
  const codes = (entries: { code: string }[]) => entries.map((entry) => t("results.measure", { code: entry.code })).join(", ");
  return (
    <>
      <section className="my-5" aria-labelledby="categories-title">
        <h2 id="categories-title" className="h3">{t("synthesis.dashboard.categories.title")}</h2>
        <p>{t("synthesis.dashboard.categories.intro", { count: dashboard.minCategoryVoters })}</p>
        {withCategories.length === 0 ? (
          <p>{t("synthesis.dashboard.categories.none")}</p>
        ) : (
          <CategoryTallyTable
            caption={t("synthesis.dashboard.categories.tableCaption")}
            groups={withCategories.map((measure) => ({
              key: measure.measureId,
              heading: (
                <>
                  {t("results.measure", { code: measure.code })}
                  <span className="d-block small fw-normal">{t(`synthesis.dashboard.stances.${measure.categoryStance}`)}</span>
                </>
              ),
              rows: measure.byCategory.map((row) => ({
                key: row.category,
                label: (
                  <>
                    {dashboardCategoryLabel(row.category, t)}
                    {row.merged ? (
                      <span className="d-block small">
                        {t("synthesis.dashboard.categories.mergedOf", { categories: measure.mergedCategories.map((category) => dashboardCategoryLabel(category, t)).join(", ") })}
                      </span>
                    ) : null}
                  </>
                ),
                tally: row.suppressed ? null : { support: row.support, oppose: row.oppose, abstain: row.abstain, total: row.voters, meanPriority: row.meanPriority },
              })),
            }))}
            totalHeader={t("synthesis.dashboard.categories.voters")}
            withheld={t("synthesis.dashboard.categories.suppressed", { count: dashboard.minCategoryVoters })}
            extra={[{ key: "share", header: t("synthesis.dashboard.votes.supportShare"), value: (tally) => formatShare(tally.total > 0 ? tally.support / tally.total : null, locale, t) }]}
            locale={locale}
            t={t}
          />
        )}
      </section>

      <section className="my-5" aria-labelledby="consensus-title">
        <h2 id="consensus-title" className="h3">{t("synthesis.dashboard.consensus.title")}</h2>
        <p>
          {t("synthesis.dashboard.consensus.intro", {
            rate: formatShare(COMMON_GROUND_MIN_AGREE_RATE, locale, t),
            spread: formatShare(DIVISION_MIN_AGREE_RATE_SPREAD, locale, t),
            count: dashboard.minCategoryVoters,
          })}
        </p>
        <dl>
          <dt>{t("synthesis.dashboard.consensus.support")}</dt>
          <dd>{stances["consensus-support"].length > 0 ? codes(stances["consensus-support"]) : t("synthesis.dashboard.none")}</dd>
          <dt>{t("synthesis.dashboard.consensus.oppose")}</dt>
          <dd>{stances["consensus-oppose"].length > 0 ? codes(stances["consensus-oppose"]) : t("synthesis.dashboard.none")}</dd>
          <dt>{t("synthesis.dashboard.consensus.divided")}</dt>
          <dd>
            {stances.divided.length > 0 ? (
              <ul className="mb-0">
                {stances.divided.map((entry) => (
                  <li key={entry.measureId}>
                    {t("synthesis.dashboard.consensus.dividedItem", { measure: t("results.measure", { code: entry.code }), spread: formatShare(entry.spread, locale, t) })}
                  </li>
                ))}
              </ul>
            ) : (
              t("synthesis.dashboard.none")
            )}
          </dd>
          <dt>{t("synthesis.dashboard.consensus.mixed")}</dt>
          <dd>{stances.mixed.length > 0 ? codes(stances.mixed) : t("synthesis.dashboard.none")}</dd>
          <dt>{t("synthesis.dashboard.consensus.insufficient")}</dt>
          <dd>{stances.insufficient.length > 0 ? codes(stances.insufficient) : t("synthesis.dashboard.none")}</dd>
        </dl>
      </section>
    </>
  );
}

/** Per axis: comments on the axis itself, new-measure proposals, SWOT entries by kind. */
export function DashboardAxes({ dashboard, locale, t }: Props) {
  const kinds = ["STRENGTH", "WEAKNESS", "OPPORTUNITY", "THREAT"] as const;
  return (
    <section className="my-5" aria-labelledby="axes-title">
      <h2 id="axes-title" className="h3">{t("synthesis.dashboard.axes.title")}</h2>
      <DataTable caption={t("synthesis.dashboard.axes.tableCaption")}>
        <thead>
          <tr>
            <th scope="col">{t("synthesis.dashboard.axes.axis")}</th>
            <th scope="col" className="text-end">{t("synthesis.dashboard.axes.comments")}</th>
            <th scope="col" className="text-end">{t("synthesis.dashboard.axes.newMeasures")}</th>
            {kinds.map((kind) => (
              <th key={kind} scope="col" className="text-end">{t(`synthesis.dashboard.swot.${kind}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {dashboard.axes.map((axis) => (
            <tr key={axis.axisId}>
              <th scope="row">{t("synthesis.dashboard.axes.axisLabel", { number: axis.number, title: axis.title })}</th>
              <td className="text-end">{formatNumber(axis.comments, locale)}</td>
              <td className="text-end">{formatNumber(axis.newMeasureProposals, locale)}</td>
              {kinds.map((kind) => (
                <td key={kind} className="text-end">{formatNumber(axis.swot[kind], locale)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </DataTable>
    </section>
  );
}
