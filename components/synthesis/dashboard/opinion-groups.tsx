import { BarChart } from "@/components/charts/bar-chart";
import { DataTable } from "@/components/layout/data-table";
import type { Locale } from "@/lib/i18n/locales";
import { formatNumber } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import { COMMON_GROUND_MIN_AGREE_RATE, DIVISION_MIN_AGREE_RATE_SPREAD, MAX_GROUPS, MIN_GROUPS, MIN_VOTES_PER_PARTICIPANT } from "@/lib/synthesis/opinion-groups";
import type { RoundDashboard } from "@/lib/synthesis/synthesis.types";
import { dashboardCategoryLabel, formatShare, groupLetter } from "./format";

type Props = { dashboard: RoundDashboard; locale: Locale; t: Translate };

/** The Pol.is-style opinion groups, explained in plain words; or why there are none yet. */
export function DashboardOpinionGroups({ dashboard, locale, t }: Props) {
  const analysis = dashboard.opinionGroups;
  const measure = (code: string) => t("results.measure", { code });
  return (
    <section className="my-5" aria-labelledby="groups-title">
      <h2 id="groups-title" className="h3">{t("synthesis.dashboard.groups.title")}</h2>
      <p>{t("synthesis.dashboard.groups.what", { minVotes: MIN_VOTES_PER_PARTICIPANT })}</p>
      <p>{t("synthesis.dashboard.groups.how", { min: MIN_GROUPS, max: MAX_GROUPS })}</p>
      <p>{t("synthesis.dashboard.groups.caveat")}</p>
      {!analysis.enough ? (
        <div className="callout note" role="note">
          <div className="callout-title">{t("synthesis.dashboard.groups.notEnoughTitle")}</div>
          <p>
            {t(`synthesis.dashboard.groups.notEnough.${analysis.reason}`, {
              minParticipants: analysis.minParticipants,
              minMeasures: analysis.minMeasures,
              minVotes: MIN_VOTES_PER_PARTICIPANT,
              participants: analysis.participantsConsidered,
              measures: analysis.measuresVoted,
            })}
          </p>
        </div>
      ) : (
        <>
          <p>
            {t("synthesis.dashboard.groups.summary", {
              participants: formatNumber(analysis.participantsConsidered, locale),
              excluded: formatNumber(analysis.participantsExcluded, locale),
              measures: analysis.measuresVoted,
              k: analysis.chosenK,
              variance: formatShare(analysis.explainedVariance[0] + analysis.explainedVariance[1], locale, t),
              silhouette: analysis.silhouette.toFixed(2),
            })}
          </p>
          <BarChart
            id="chart-groups"
            title={t("synthesis.dashboard.groups.sizesTitle")}
            rows={analysis.groups.map((group) => ({ key: String(group.index), label: t("synthesis.dashboard.groups.group", { letter: groupLetter(group.index) }), value: group.size }))}
            rowHeader={t("synthesis.dashboard.groups.groupColumn")}
            valueHeader={t("synthesis.dashboard.groups.sizeColumn")}
            locale={locale}
            t={t}
          />
          {analysis.groups.map((group) => (
            <article key={group.index} className="my-4" aria-labelledby={`group-${group.index}-title`}>
              <h3 id={`group-${group.index}-title`} className="h4">
                {t("synthesis.dashboard.groups.groupTitle", {
                  letter: groupLetter(group.index),
                  count: group.size,
                  share: formatShare(group.size / analysis.participantsConsidered, locale, t),
                })}
              </h3>
              <p>
                <strong>{t("synthesis.dashboard.groups.makeUp")}</strong>{" "}
                {group.categories.map((entry) => t("synthesis.dashboard.groups.makeUpItem", { category: dashboardCategoryLabel(entry.category, t), count: formatNumber(entry.count, locale) })).join("; ")}
              </p>
              {group.distinguishing.length === 0 ? (
                <p>{t("synthesis.dashboard.groups.noDistinguishing")}</p>
              ) : (
                <>
                  <p className="mb-1"><strong>{t("synthesis.dashboard.groups.distinguishing")}</strong></p>
                  <ul>
                    {group.distinguishing.map((entry) => (
                      <li key={entry.measureId}>
                        {t(`synthesis.dashboard.groups.${entry.direction}`, {
                          measure: measure(entry.code),
                          group: formatShare(entry.groupRate, locale, t),
                          others: formatShare(entry.othersRate, locale, t),
                        })}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </article>
          ))}

          <MeasureFindings
            title={t("synthesis.dashboard.groups.commonGroundTitle")}
            intro={t("synthesis.dashboard.groups.commonGroundIntro", { rate: formatShare(COMMON_GROUND_MIN_AGREE_RATE, locale, t) })}
            none={t("synthesis.dashboard.groups.noCommonGround")}
            items={analysis.commonGround.map((entry) => ({ key: entry.measureId, text: t("synthesis.dashboard.groups.commonGroundItem", { measure: measure(entry.code), rate: formatShare(entry.lowestAgreeRate, locale, t) }) }))}
          />
          <MeasureFindings
            title={t("synthesis.dashboard.groups.divisionTitle")}
            intro={t("synthesis.dashboard.groups.divisionIntro", { spread: formatShare(DIVISION_MIN_AGREE_RATE_SPREAD, locale, t) })}
            none={t("synthesis.dashboard.groups.noDivision")}
            items={analysis.division.map((entry) => ({ key: entry.measureId, text: t("synthesis.dashboard.groups.divisionItem", { measure: measure(entry.code), spread: formatShare(entry.agreeRateSpread, locale, t) }) }))}
          />
          <details className="my-3">
            <summary>{t("synthesis.dashboard.groups.ratesSummary")}</summary>
            <DataTable caption={t("synthesis.dashboard.groups.ratesCaption")}>
              <thead>
                <tr>
                  <th scope="col">{t("results.columns.measure")}</th>
                  {analysis.groups.map((group) => (
                    <th key={group.index} scope="col" className="text-end">{t("synthesis.dashboard.groups.group", { letter: groupLetter(group.index) })}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {dashboard.measures.map((entry, m) => (
                  <tr key={entry.measureId}>
                    <th scope="row" className="fw-normal">{measure(entry.code)}</th>
                    {analysis.groups.map((group) => (
                      <td key={group.index} className="text-end">{formatShare(group.agreeRates[m] ?? 0, locale, t)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </DataTable>
          </details>
        </>
      )}
    </section>
  );
}

/** A titled list of measures (common ground, division), or the sentence saying there are none. */
function MeasureFindings({ title, intro, none, items }: { title: string; intro: string; none: string; items: { key: string; text: string }[] }) {
  return (
    <>
      <h3 className="h4">{title}</h3>
      <p>{intro}</p>
      {items.length === 0 ? (
        <p>{none}</p>
      ) : (
        <ul>
          {items.map((item) => (
            <li key={item.key}>{item.text}</li>
          ))}
        </ul>
      )}
    </>
  );
}
