import type { MeasureParticipationProps } from "@/components/participation/measure-participation-props";
import { getPrisma } from "@/lib/db/client";
import { formatNumber } from "@/lib/i18n/format";
import { listProposals } from "@/lib/proposals/list-proposals";
import type { ProposalKind } from "@/lib/db/generated/enums";
import { newProposalPath, proposalsPath } from "./links";
import { ProposalSummary } from "./proposal-summary";

const MEASURE_PAGE_PROPOSALS = 5;
const kindsForMeasure: ProposalKind[] = ["AMEND_MEASURE", "DECISION_FIELDS", "RETIRE_MEASURE"];

/** The measure page's proposals: the newest of the current round about this measure, and links to propose. */
export async function MeasureProposals({ locale, t, actor, round, measure }: MeasureParticipationProps) {
  const result = await listProposals(getPrisma(), actor, round.id, { misura: measure.code }, { pageSize: MEASURE_PAGE_PROPOSALS });
  const allHref = `${proposalsPath(locale, round.id)}?misura=${encodeURIComponent(measure.code)}`;
  return (
    <section className="my-5" aria-labelledby="proposals-title" id="proposte">
      <h2 id="proposals-title" className="h3">{t("proposals.measure.title")}</h2>
      <p>{t("proposals.measure.intro", { round: result.round.title })}</p>
      {result.round.acceptsContributions ? (
        <ul className="list-unstyled d-flex flex-wrap gap-2">
          {kindsForMeasure.map((kind) => (
            <li key={kind}>
              <a className="btn btn-outline-primary btn-sm" href={newProposalPath(locale, round.id, { kind, measureCode: measure.code })}>{t(`proposals.measure.propose.${kind}`)}</a>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("proposals.list.closed")}</p>
      )}
      {result.proposals.length === 0 ? (
        <p>{t("proposals.measure.none")}</p>
      ) : (
        <>
          {result.proposals.map((proposal) => <ProposalSummary key={proposal.id} proposal={proposal} locale={locale} t={t} />)}
          <p className="mt-3">
            <a href={allHref}>{t("proposals.measure.all", { count: formatNumber(result.total, locale), code: measure.code })}</a>
          </p>
        </>
      )}
    </section>
  );
}
