import type { RoundSectionProps } from "@/components/participation/measure-participation-props";
import { getPrisma } from "@/lib/db/client";
import { formatNumber } from "@/lib/i18n/format";
import { listProposals } from "@/lib/proposals/list-proposals";
import { proposalStatuses, statusSlugs } from "@/lib/proposals/proposals.schemas";
import { newProposalPath, proposalsPath } from "./links";
import { ProposalSummary } from "./proposal-summary";

const ROUND_PAGE_PROPOSALS = 3;

/** The round page's proposals summary: counts per status, the newest few, links to the list and the form. */
export async function RoundProposals({ locale, t, actor, round }: RoundSectionProps) {
  const result = await listProposals(getPrisma(), actor, round.id, {}, { pageSize: ROUND_PAGE_PROPOSALS });
  const base = proposalsPath(locale, round.id);
  const counted = proposalStatuses.filter((status) => result.statusCounts[status] > 0);
  return (
    <section className="my-5" aria-labelledby="round-proposals-title" id="proposte">
      <h2 id="round-proposals-title" className="h3">{t("proposals.list.title")}</h2>
      <p>{t("proposals.list.count", { count: formatNumber(result.total, locale) })}</p>
      {counted.length > 0 ? (
        <ul className="list-inline">
          {counted.map((status) => (
            <li key={status} className="list-inline-item">
              <a href={`${base}?stato=${statusSlugs[status]}`}>{t(`proposals.status.${status}`)}: {formatNumber(result.statusCounts[status], locale)}</a>
            </li>
          ))}
        </ul>
      ) : null}
      {result.proposals.map((proposal) => <ProposalSummary key={proposal.id} proposal={proposal} locale={locale} t={t} />)}
      <p className="mt-3">
        <a className="btn btn-outline-primary me-2 mb-2" href={base}>{t("proposals.round.all")}</a>
        {result.round.acceptsContributions ? <a className="btn btn-primary mb-2" href={newProposalPath(locale, round.id)}>{t("proposals.list.new")}</a> : null}
      </p>
    </section>
  );
}
