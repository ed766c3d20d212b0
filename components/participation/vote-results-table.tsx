import type { ReactNode } from "react";
import { DataTable } from "@/components/layout/data-table";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import { MIN_CATEGORY_VOTERS, type MeasureResults, type Tally, voteSources } from "@/lib/participation/get-vote-results";
import { formatMean, formatNumber } from "@/lib/i18n/format";

/**
 * Aggregated vote counts as accessible data tables: by source (web, live, paper) and, after closing, by category.
 * Every results table of the app (results page, round summary, synthesis dashboard, "you said, we did") writes
 * its numbers with these pieces.
 */
/** What a tally row shows: the three answers, their total (or the voters), the mean priority. */
export type TallyCounts = Pick<Tally, "support" | "oppose" | "abstain" | "total" | "meanPriority">;

/** A further numeric column, placed between the total and the mean priority (e.g. the dashboard's support share). */
export interface TallyColumn {
  key: string;
  header: string;
  value: (tally: TallyCounts) => string;
}

/** The five numeric headers (plus `extra` ones before the mean priority); `totalHeader` renames the total column. */
export function TallyHeaderCells({ t, totalHeader, extra = [] }: { t: Translate; totalHeader?: string; extra?: readonly Pick<TallyColumn, "key" | "header">[] }) {
  return (
    <>
      <th scope="col" className="text-end">{t("results.columns.support")}</th>
      <th scope="col" className="text-end">{t("results.columns.oppose")}</th>
      <th scope="col" className="text-end">{t("results.columns.abstain")}</th>
      <th scope="col" className="text-end">{totalHeader ?? t("results.columns.total")}</th>
      {extra.map((column) => (
        <th key={column.key} scope="col" className="text-end">{column.header}</th>
      ))}
      <th scope="col" className="text-end">{t("results.columns.meanPriority")}</th>
    </>
  );
}

/**
 * The numeric cells of a row; a withheld tally (null: too few voters) gets one cell saying so —
 * `withheld`, by default "fewer than MIN_CATEGORY_VOTERS".
 */
export function Cells({ tally, locale, t, withheld, extra = [], strongTotal = false }: {
  tally: TallyCounts | null;
  locale: Locale;
  t: Translate;
  withheld?: string;
  extra?: readonly Pick<TallyColumn, "key" | "value">[];
  strongTotal?: boolean;
}) {
  if (!tally) return <td colSpan={5 + extra.length}>{withheld ?? t("results.fewerThan", { count: MIN_CATEGORY_VOTERS })}</td>;
  return (
    <>
      <td className="text-end">{formatNumber(tally.support, locale)}</td>
      <td className="text-end">{formatNumber(tally.oppose, locale)}</td>
      <td className="text-end">{formatNumber(tally.abstain, locale)}</td>
      <td className={strongTotal ? "text-end fw-bold" : "text-end"}>{formatNumber(tally.total, locale)}</td>
      {extra.map((column) => (
        <td key={column.key} className="text-end">{column.value(tally)}</td>
      ))}
      <td className="text-end">{formatMean(tally.meanPriority, locale, t("results.noPriority"))}</td>
    </>
  );
}

export function TallyHeader({ first, t }: { first: string; t: Translate }) {
  return (
    <tr>
      <th scope="col">{first}</th>
      <TallyHeaderCells t={t} />
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

/** One measure's rows of a measure × category table. */
export interface CategoryTallyGroup {
  key: string;
  heading: ReactNode;
  rows: { key: string; label: ReactNode; tally: TallyCounts | null }[];
}

/**
 * Votes by measure and stakeholder category: one <tbody> per measure (its name a rowgroup header),
 * one row per category; withheld categories say so in one cell.
 */
export function CategoryTallyTable({ caption, groups, locale, t, totalHeader, withheld, extra = [] }: {
  caption: string;
  groups: CategoryTallyGroup[];
  locale: Locale;
  t: Translate;
  totalHeader?: string;
  withheld?: string;
  extra?: readonly TallyColumn[];
}) {
  return (
    <DataTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">{t("results.columns.measure")}</th>
          <th scope="col">{t("results.columns.category")}</th>
          <TallyHeaderCells t={t} totalHeader={totalHeader} extra={extra} />
        </tr>
      </thead>
      {groups.map((group) => (
        <tbody key={group.key}>
          {group.rows.map((row, index) => (
            <tr key={row.key}>
              {index === 0 ? <th scope="rowgroup" rowSpan={group.rows.length}>{group.heading}</th> : null}
              <th scope="row" className="fw-normal">{row.label}</th>
              <Cells tally={row.tally} locale={locale} t={t} withheld={withheld} extra={extra} />
            </tr>
          ))}
        </tbody>
      ))}
    </DataTable>
  );
}

export function categoryLabel(category: string, t: Translate): string {
  return t(`auth.categories.${category}`);
}

/** One measure: a row per source and the total; then, once the round has closed, a row per category. */
export function MeasureResultsTables({ results, locale, t }: { results: MeasureResults; locale: Locale; t: Translate }) {
  return (
    <>
      <DataTable caption={t("results.measureCaption", { code: results.code })}>
        <thead>
          <TallyHeader first={t("results.columns.source")} t={t} />
        </thead>
        <tbody>
          {voteSources.map((source) => (
            <TallyRow key={source} label={t(`results.sources.${source}`)} tally={results.bySource[source]} locale={locale} t={t} />
          ))}
          <TallyRow label={t("results.sources.total")} tally={results.total} locale={locale} t={t} strong />
        </tbody>
      </DataTable>
      {results.byCategory ? (
        results.byCategory.length > 0 ? (
          <DataTable caption={t("results.measureCategoryCaption", { code: results.code })}>
            <thead>
              <TallyHeader first={t("results.columns.category")} t={t} />
            </thead>
            <tbody>
              {results.byCategory.map(({ category, tally }) => (
                <TallyRow key={category} label={categoryLabel(category, t)} tally={tally} locale={locale} t={t} />
              ))}
            </tbody>
          </DataTable>
        ) : (
          <p>{t("results.noVotesInCategory")}</p>
        )
      ) : (
        <p className="small">{t("results.categoriesLater")}</p>
      )}
    </>
  );
}
