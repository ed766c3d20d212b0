import type { ReactNode } from "react";
import { ContributionBody } from "@/components/participation/contribution-body";
import { UserText } from "@/components/participation/user-text";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import { formatDate } from "@/lib/i18n/format";
import { type OwnContributionType, type OwnContributions, ownContributionParams } from "@/lib/participation/list-own-contributions";
import { localizedPath } from "@/lib/web/localized-path";
import { ProposalKindBadge, ProposalStatusBadge, ProposalTitle } from "./badges";
import { proposalPath, roundPath, swotPath } from "./links";

/** One type of contribution, with its own "more" link and a way back to the newest. */
function Section<T>({ type, items, next, paged, render, base, t }: { type: OwnContributionType; items: T[]; next: string | null; paged: boolean; render: (item: T) => ReactNode; base: string; t: Translate }) {
  const param = ownContributionParams[type];
  return (
    <section className="my-5" aria-labelledby={`own-${type}`} id={param}>
      <h2 id={`own-${type}`} className="h3">{t(`contributions.sections.${type}`)}</h2>
      {items.length === 0 ? <p>{t(paged ? "contributions.noMore" : `contributions.none.${type}`)}</p> : <ul className="list-unstyled">{items.map(render)}</ul>}
      <p>
        {next ? <a className="me-3" href={`${base}?${param}=${encodeURIComponent(next)}#${param}`}>{t(`contributions.more.${type}`)}</a> : null}
        {paged ? <a href={`${base}#${param}`}>{t("contributions.newest")}</a> : null}
      </p>
    </section>
  );
}

/** "My contributions": one section per type, each with its own "more" link (a keyset cursor in the address). */
export function OwnContributionsList({ data, locale, t }: { data: OwnContributions; locale: Locale; t: Translate }) {
  const base = localizedPath(locale, "/account/contributi");
  const measureHref = (measure: { code: string; planSlug: string }, anchor = "") => localizedPath(locale, `/piani/${measure.planSlug}/misure/${measure.code}`) + anchor;
  const round = (value: { id: string; title: string }) => <a href={roundPath(locale, value.id)}>{value.title}</a>;

  return (
    <>
      <Section
        base={base}
        t={t}
        type="votes"
        {...data.votes}
        render={(vote) => (
          <li key={vote.id} className="border-bottom py-2">
            <a href={measureHref(vote.measure)}>{t("contributions.measure", { code: vote.measure.code })}</a>
            {": "}
            <strong>{t(`contributions.choice.${vote.choice}`)}</strong>
            {vote.priority !== null ? ` · ${t("contributions.priority", { priority: vote.priority })}` : ""}
            <div className="small">{t("contributions.inRoundOn", { date: formatDate(vote.updatedAt, locale) })} {round(vote.round)}</div>
          </li>
        )}
      />
      <Section
        base={base}
        t={t}
        type="comments"
        {...data.comments}
        render={(comment) => (
          <li key={comment.id} className="border-bottom py-2">
            <p className="small mb-1">
              {comment.measure ? (
                <a href={measureHref(comment.measure, `#comment-${comment.id}`)}>{t(comment.isReply ? "contributions.replyOnMeasure" : "contributions.commentOnMeasure", { code: comment.measure.code })}</a>
              ) : (
                <a href={`${roundPath(locale, comment.round.id)}#comment-${comment.id}`}>{t(comment.isReply ? "contributions.replyOnAxis" : "contributions.commentOnAxis", { number: comment.axisNumber ?? "" })}</a>
              )}
              {" · "}
              {t("contributions.inRoundOn", { date: formatDate(comment.createdAt, locale) })} {round(comment.round)}
            </p>
            <ContributionBody body={comment.body} moderation={comment.moderation} hiddenReason={comment.hiddenReason} t={t} />
          </li>
        )}
      />
      <Section
        base={base}
        t={t}
        type="proposals"
        {...data.proposals}
        render={(proposal) => (
          <li key={proposal.id} className="border-bottom py-2">
            <p className="mb-1">
              <a href={proposalPath(locale, proposal.round.id, proposal.id)}><ProposalTitle title={proposal.title} moderation={proposal.moderation} t={t} /></a>
            </p>
            <p className="mb-1">
              <ProposalKindBadge kind={proposal.kind} t={t} />
              <ProposalStatusBadge status={proposal.status} t={t} />
              <span className="small">{t("contributions.supports", { count: proposal.supportCount })}</span>
            </p>
            <p className="small mb-1">{t("contributions.inRoundOn", { date: formatDate(proposal.createdAt, locale) })} {round(proposal.round)}</p>
            {proposal.moderation !== "VISIBLE" ? <ContributionBody body="" moderation={proposal.moderation} hiddenReason={proposal.hiddenReason} t={t} /> : null}
            {proposal.answer ? (
              <div className="ps-3 border-start">
                <p className="fw-bold mb-1">{t("proposals.answerHeading")}</p>
                <UserText text={proposal.answer} />
                {proposal.mergedInto ? (
                  <p className="small">{t("proposals.mergedIntoLabel")} <a href={proposalPath(locale, proposal.round.id, proposal.mergedInto.id)}><span className="consulta-user-text" dir="auto">{proposal.mergedInto.title}</span></a></p>
                ) : null}
              </div>
            ) : null}
          </li>
        )}
      />
      <Section
        base={base}
        t={t}
        type="supports"
        {...data.supports}
        render={(support) => (
          <li key={support.id} className="border-bottom py-2">
            <a href={proposalPath(locale, support.round.id, support.id)}><ProposalTitle title={support.title} moderation={support.moderation} t={t} /></a>{" "}
            <ProposalStatusBadge status={support.status} t={t} />
            <div className="small">{t("contributions.supportedOn", { date: formatDate(support.createdAt, locale) })} {round(support.round)}</div>
          </li>
        )}
      />
      <Section
        base={base}
        t={t}
        type="swot"
        {...data.swot}
        render={(entry) => (
          <li key={entry.id} className="border-bottom py-2">
            <p className="small mb-1">
              <a href={`${swotPath(locale, entry.round.id)}#swot-${entry.id}`}>{t(`swot.kinds.${entry.kind}`)}</a>
              {entry.axisNumber !== null ? ` · ${t("swot.axisLabel", { number: entry.axisNumber })}` : ""}
              {" · "}
              {t("contributions.inRoundOn", { date: formatDate(entry.createdAt, locale) })} {round(entry.round)}
            </p>
            <ContributionBody body={entry.body} moderation={entry.moderation} hiddenReason={entry.hiddenReason} t={t} />
          </li>
        )}
      />
    </>
  );
}
