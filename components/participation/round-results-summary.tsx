import { DataTable } from "@/components/layout/data-table";
import type { RoundSectionProps } from "@/components/participation/measure-participation-props";
import { getPrisma } from "@/lib/db/client";
import { getVoteResults } from "@/lib/participation/get-vote-results";
import { localizedPath } from "@/lib/web/localized-path";
import { TallyHeader, TallyRow } from "./vote-results-table";

/** The round page's compact results: one row per measure (all sources together), and the link to the full results. */
export async function RoundResultsSummary({ locale, t, round }: RoundSectionProps) {
  const results = await getVoteResults(getPrisma(), round.id);
  const resultsHref = localizedPath(locale, `/consultazioni/${round.id}/risultati`);
  const voted = results.measures.filter((measure) => measure.total.total > 0);
  return (
    <section id="risultati" className="my-5" aria-labelledby="results-summary-title">
      <h2 id="results-summary-title" className="h3">{t("results.summaryTitle")}</h2>
      <p>{t("results.intro")}</p>
      {voted.length === 0 ? (
        <p>{t("results.none")}</p>
      ) : (
        <DataTable caption={t("results.summaryCaption")}>
          <thead>
            <TallyHeader first={t("results.columns.measure")} t={t} />
          </thead>
          <tbody>
            {voted.map((measure) => (
              <TallyRow key={measure.measureId} label={t("results.measure", { code: measure.code })} tally={measure.total} locale={locale} t={t} />
            ))}
          </tbody>
        </DataTable>
      )}
      <p><a href={resultsHref}>{t("results.allResults")}</a></p>
    </section>
  );
}
