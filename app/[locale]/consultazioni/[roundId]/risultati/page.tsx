import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/layout/breadcrumb";
import { DataTable } from "@/components/layout/data-table";
import { roundTrail } from "@/components/rounds/round-trail";
import { formatDate } from "@/lib/i18n/format";
import { CategoryTallyTable, Cells, TallyHeaderCells, categoryLabel } from "@/components/participation/vote-results-table";
import { getPrisma } from "@/lib/db/client";
import { isLocale } from "@/lib/i18n/locales";
import { createTranslator } from "@/lib/i18n/translate";
import { getVoteResults, voteSources } from "@/lib/participation/get-vote-results";
import { roundIdSchema } from "@/lib/rounds/rounds.schemas";
import { localizedPath } from "@/lib/web/localized-path";
import { pageContext, rethrowAsPage } from "@/lib/web/page-context";

/** A round's aggregated vote results: every measure by source (web, live, paper) and, once closed, by stakeholder category. */
type Props = { params: Promise<{ locale: string; roundId: string }> };

async function load(params: Props["params"]) {
  const { roundId } = await params;
  const id = roundIdSchema.safeParse(roundId);
  if (!id.success) notFound();
  return getVoteResults(getPrisma(), id.data).catch(rethrowAsPage);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const results = await load(params);
  const t = createTranslator(isLocale(locale) ? locale : "it");
  return { title: `${t("results.metaTitle")}: ${results.round.title}` };
}

export default async function RoundResultsPage({ params }: Props) {
  const { locale, t } = await pageContext(params);
  const results = await load(params);
  const { round } = results;
  const measureHref = (code: string) => localizedPath(locale, `/piani/${round.planSlug}/misure/${code}`);
  const withCategories = results.measures.filter((measure) => (measure.byCategory?.length ?? 0) > 0);

  return (
    <>
      <Breadcrumb t={t} items={[...roundTrail(locale, t, round), { label: t("results.breadcrumb") }]} />
      <h1>{t("results.title", { round: round.title })}</h1>
      <p className="lead">{t("results.intro")}</p>
      {round.status === "OPEN" ? <p>{t("results.openNote", { date: formatDate(round.closesAt, locale) })}</p> : null}
      <p>{t("results.sourcesNote")}</p>

      <section className="my-4" aria-labelledby="by-measure-title">
        <h2 id="by-measure-title" className="h3">{t("results.byMeasure")}</h2>
        <DataTable caption={t("results.byMeasureCaption", { round: round.title })}>
          <thead>
            <tr>
              <th scope="col">{t("results.columns.measure")}</th>
              <th scope="col">{t("results.columns.source")}</th>
              <TallyHeaderCells t={t} />
            </tr>
          </thead>
          {results.measures.map((measure) => (
            <tbody key={measure.measureId} id={`misura-${measure.code}`}>
              {voteSources.map((source, index) => (
                <tr key={source}>
                  {index === 0 ? (
                    <th scope="rowgroup" rowSpan={voteSources.length + 1}>
                      <a href={measureHref(measure.code)}>{t("results.measure", { code: measure.code })}</a>
                    </th>
                  ) : null}
                  <th scope="row" className="fw-normal">{t(`results.sources.${source}`)}</th>
                  <Cells tally={measure.bySource[source]} locale={locale} t={t} />
                </tr>
              ))}
              <tr className="fw-bold">
                <th scope="row">{t("results.sources.total")}</th>
                <Cells tally={measure.total} locale={locale} t={t} />
              </tr>
            </tbody>
          ))}
        </DataTable>
      </section>

      <section className="my-4" aria-labelledby="by-category-title">
        <h2 id="by-category-title" className="h3">{t("results.byCategory")}</h2>
        {!results.categoriesShown ? (
          <p>{t("results.categoriesLater")}</p>
        ) : withCategories.length === 0 ? (
          <p>{t("results.noVotesInCategory")}</p>
        ) : (
          <CategoryTallyTable
            caption={t("results.byCategoryCaption", { round: round.title })}
            groups={withCategories.map((measure) => ({
              key: measure.measureId,
              heading: t("results.measure", { code: measure.code }),
              rows: measure.byCategory!.map(({ category, tally }) => ({ key: category, label: categoryLabel(category, t), tally })),
            }))}
            locale={locale}
            t={t}
          />
        )}
      </section>
    </>
  );
}
