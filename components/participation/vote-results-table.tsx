import { ScrollableTable } from "@/components/layout/scrollable-table";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import { MIN_CATEGORY_VOTERS, type MeasureResults, type Tally, voteSources } from "@/lib/participation/get-vote-results";
import { formatMean, formatNumber } from "@/lib/i18n/format";

/**
 * Aggregated vote counts as accessible data tables: by source (web, live, paper) and, after closing, by category.
 * The five numeric cells of a row; a withheld category (tally null, too few voters) gets one cell saying so.
 */
export function Cells({ tally, locale, t }: { tally: Tally | null; locale: Locale; t: Translate }) {
  if (!tally) return <td colSpan={5}>{t("results.fewerThan", { count: MIN_CATEGORY_VOTERS })}</td>;
  return (
    <>
      <td className="text-end">{formatNumber(tally.support, locale)}</td>
      <td className="text-end">{formatNumber(tally.oppose, locale)}</td>
      <td className="text-end">{formatNumber(tally.abstain, locale)}</td>
      <td className="text-end">{formatNumber(tally.total, locale)}</td>
      <td className="text-end">{formatMean(tally.meanPriority, locale, t("results.noPriority"))}</td>
    </>
  );
}

export function TallyHeader({ first, t }: { first: string; t: Translate }) {
  return (
    <tr>
      <th scope="col">{first}</th>
      <th scope="col" className="text-end">{t("results.columns.support")}</th>
      <th scope="col" className="text-end">{t("results.columns.oppose")}</th>
      <th scope="col" className="text-end">{t("results.columns.abstain")}</th>
      <th scope="col" className="text-end">{t("results.columns.total")}</th>
      <th scope="col" className="text-end">{t("results.columns.meanPriority")}</th>
    </tr>
  );
}

export function TallyRow({ label, tally, locale, t, strong = false }: { label: string; tally: Tally | null; locale: Locale; t: Translate; strong?: boolean }) {
  return (
    <tr className={strong ? "fw-bold" : undefined}>
      <th scope="row">{label}</th>
      <Cells tally={tally} locale={locale} t={t} />
    </tr>
  );
}

export function categoryLabel(category: string, t: Translate): string {
  return t(`auth.categories.${category}`);
}

/** One measure: a row per source and the total; then, once the round has closed, a row per category. */
export function MeasureResultsTables({ results, locale, t }: { results: MeasureResults; locale: Locale; t: Translate }) {
  return (
    <>
      <ScrollableTable label={t("results.measureCaption", { code: results.code })}>
        <table className="table table-sm">
          <caption>{t("results.measureCaption", { code: results.code })}</caption>
          <thead>
            <TallyHeader first={t("results.columns.source")} t={t} />
          </thead>
          <tbody>
            {voteSources.map((source) => (
              <TallyRow key={source} label={t(`results.sources.${source}`)} tally={results.bySource[source]} locale={locale} t={t} />
            ))}
            <TallyRow label={t("results.sources.total")} tally={results.total} locale={locale} t={t} strong />
          </tbody>
        </table>
      </ScrollableTable>
      {results.byCategory ? (
        results.byCategory.length > 0 ? (
          <ScrollableTable label={t("results.measureCategoryCaption", { code: results.code })}>
            <table className="table table-sm">
              <caption>{t("results.measureCategoryCaption", { code: results.code })}</caption>
              <thead>
                <TallyHeader first={t("results.columns.category")} t={t} />
              </thead>
              <tbody>
                {results.byCategory.map(({ category, tally }) => (
                  <TallyRow key={category} label={categoryLabel(category, t)} tally={tally} locale={locale} t={t} />
                ))}
              </tbody>
            </table>
          </ScrollableTable>
        ) : (
          <p>{t("results.noVotesInCategory")}</p>
        )
      ) : (
        <p className="small">{t("results.categoriesLater")}</p>
      )}
    </>
  );
}
