import { UserText } from "@/components/participation/user-text";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import type { ProposalView } from "@/lib/proposals/proposal-view";
import { ProposalKindBadge, ProposalStatusBadge, ProposalTitle } from "./badges";
import { proposalPath, reportPath } from "./links";

/** One proposal in a list: title (to the detail page), kind, status, what it is about, supports, the answer. */
export function ProposalSummary({ proposal, locale, t, headingLevel = 3 }: { proposal: ProposalView; locale: Locale; t: Translate; headingLevel?: 2 | 3 | 4 }) {
  const Heading = `h${headingLevel}` as "h2" | "h3" | "h4";
  const href = proposalPath(locale, proposal.roundId, proposal.id);
  const subject = proposal.measure ? t("proposals.aboutMeasure", { code: proposal.measure.code }) : proposal.axis ? t("proposals.aboutAxis", { number: proposal.axis.number }) : null;
  return (
    <article id={`proposal-${proposal.id}`} className="consulta-proposal border-bottom py-3">
      <Heading className="h5 mb-2">
        <a href={href}>
          <ProposalTitle title={proposal.title} moderation={proposal.moderation} t={t} />
        </a>
      </Heading>
      <p className="mb-2">
        <ProposalKindBadge kind={proposal.kind} t={t} />
        <ProposalStatusBadge status={proposal.status} t={t} />
        {subject ? <span className="me-2">{subject}</span> : null}
      </p>
      <p className="small mb-2">
        {t("proposals.byOn", { name: proposal.authorName ?? t("privacy.anonymous"), date: formatDate(proposal.createdAt, locale) })}
        {" · "}
        {t("proposals.supportCount", { count: formatNumber(proposal.supportCount, locale) })}
      </p>
      {proposal.answer ? (
        <div className="consulta-proposal-answer ps-3 border-start">
          <p className="fw-bold mb-1">{t("proposals.answerHeading")}</p>
          <UserText text={proposal.answer} />
          {proposal.mergedInto ? (
            <p className="small">
              {t("proposals.mergedIntoLabel")} <a href={proposalPath(locale, proposal.roundId, proposal.mergedInto.id)}><span className="consulta-user-text" dir="auto">{proposal.mergedInto.title}</span></a>
            </p>
          ) : null}
        </div>
      ) : null}
      <p className="small mb-0">
        <a href={reportPath(locale, "proposta", proposal.id)}>{t("proposals.report")}<span className="visually-hidden"> {t("proposals.reportWhich", { title: proposal.moderation === "VISIBLE" ? proposal.title : t("proposals.hiddenTitle") })}</span></a>
      </p>
    </article>
  );
}
