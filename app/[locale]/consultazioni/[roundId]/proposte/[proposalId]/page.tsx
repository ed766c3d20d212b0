import type { Metadata } from "next";
import { Breadcrumb } from "@/components/layout/breadcrumb";
import { ContributionBody } from "@/components/participation/contribution-body";
import { UserText } from "@/components/participation/user-text";
import { AnswerForm } from "@/components/proposals/answer-form";
import { ProposalKindBadge, ProposalStatusBadge, ProposalTitle } from "@/components/proposals/badges";
import { ProposedDecisionValues } from "@/components/proposals/decision-values";
import { proposalPath, proposalsPath, reportPath } from "@/components/proposals/links";
import { OutcomeAlert } from "@/components/proposals/outcome-alert";
import { roundTrail } from "@/components/rounds/round-trail";
import { getPrisma } from "@/lib/db/client";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import { isLocale } from "@/lib/i18n/locales";
import { createTranslator } from "@/lib/i18n/translate";
import { USER_TEXT_LIMITS } from "@/lib/participation/participation.schemas";
import { getProposal } from "@/lib/proposals/get-proposal";
import { answerStatuses, proposalOutcomeSchema } from "@/lib/proposals/proposals.schemas";
import { currentActor } from "@/lib/web/auth";
import { localizedPath } from "@/lib/web/localized-path";
import { pageContext, rethrowAsPage } from "@/lib/web/page-context";
import { answerProposalAction, supportProposalAction, withdrawProposalAction, withdrawSupportAction } from "../actions";

type Props = { params: Promise<{ locale: string; roundId: string; proposalId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: createTranslator(isLocale(locale) ? locale : "it")("proposals.detail.title") };
}

export default async function ProposalPage({ params, searchParams }: Props) {
  const { locale, t } = await pageContext(params);
  const { roundId, proposalId } = await params;
  const query = await searchParams;
  const actor = await currentActor();
  const detail = await getProposal(getPrisma(), actor, roundId, proposalId).catch(rethrowAsPage);
  const { round, proposal, can } = detail;
  const visible = proposal.moderation === "VISIBLE";
  const measureHref = proposal.measure ? localizedPath(locale, `/piani/${round.plan.slug}/misure/${proposal.measure.code}`) : null;
  const titleText = visible ? proposal.title : t("proposals.hiddenTitle");

  return (
    <>
      <Breadcrumb t={t} items={[...roundTrail(locale, t, round), { label: t("proposals.list.title"), href: proposalsPath(locale, round.id) }, { label: titleText }]} />
      <article id={`proposal-${proposal.id}`}>
        <p className="mb-1 text-uppercase small fw-bold">{t("proposals.detail.title")}</p>
        <h1>
          <ProposalTitle title={proposal.title} moderation={proposal.moderation} t={t} />
        </h1>
        <OutcomeAlert outcome={proposalOutcomeSchema.parse(typeof query.esito === "string" ? query.esito : undefined)} t={t} prefix="proposals" />
        <p>
          <ProposalKindBadge kind={proposal.kind} t={t} />
          <ProposalStatusBadge status={proposal.status} t={t} />
        </p>
        <dl className="row">
          {proposal.measure && measureHref ? (
            <>
              <dt className="col-sm-3">{t("proposals.detail.measure")}</dt>
              <dd className="col-sm-9"><a href={measureHref}>{t("proposals.measureOption", { code: proposal.measure.code })}</a></dd>
            </>
          ) : null}
          {detail.axisTitle ? (
            <>
              <dt className="col-sm-3">{t("proposals.detail.axis")}</dt>
              <dd className="col-sm-9" lang="it">{detail.axisTitle}</dd>
            </>
          ) : null}
          <dt className="col-sm-3">{t("proposals.detail.author")}</dt>
          <dd className="col-sm-9">{proposal.authorName ?? t("privacy.anonymous")}</dd>
          <dt className="col-sm-3">{t("proposals.detail.submitted")}</dt>
          <dd className="col-sm-9">{formatDate(proposal.createdAt, locale)}</dd>
          <dt className="col-sm-3">{t("proposals.detail.supports")}</dt>
          <dd className="col-sm-9" id="support-count">{formatNumber(proposal.supportCount, locale)}</dd>
        </dl>

        {visible ? (
          <>
            {proposal.kind === "AMEND_MEASURE" && detail.measureText ? (
              <section className="my-4" aria-labelledby="current-text">
                <h2 id="current-text" className="h4">{t("proposals.currentText", { code: proposal.measure?.code ?? "" })}</h2>
                <p className="border-start ps-3" lang="it">{detail.measureText}</p>
              </section>
            ) : null}
            {proposal.proposedText ? (
              <section className="my-4" aria-labelledby="proposed-text">
                <h2 id="proposed-text" className="h4">{t(proposal.kind === "NEW_MEASURE" ? "proposals.form.newText" : "proposals.form.proposedText")}</h2>
                <UserText text={proposal.proposedText} />
              </section>
            ) : null}
            {proposal.kind === "DECISION_FIELDS" ? (
              <section className="my-4" aria-labelledby="proposed-values">
                <h2 id="proposed-values" className="h4">{t("proposals.detail.proposedValues")}</h2>
                <ProposedDecisionValues values={proposal} locale={locale} t={t} />
              </section>
            ) : null}
            <section className="my-4" aria-labelledby="rationale">
              <h2 id="rationale" className="h4">{t("proposals.form.rationale")}</h2>
              <UserText text={proposal.rationale} />
            </section>
          </>
        ) : (
          <ContributionBody body="" moderation={proposal.moderation} hiddenReason={proposal.hiddenReason} t={t} />
        )}

        <section className="my-4" aria-labelledby="risposta" id="answer-section">
          <h2 id="risposta" className="h4">{t("proposals.answerHeading")}</h2>
          {proposal.answer ? (
            <>
              <p>
                <ProposalStatusBadge status={proposal.status} t={t} />
                {proposal.answeredAt ? <span className="small">{t("proposals.detail.answeredOn", { date: formatDate(proposal.answeredAt, locale) })}</span> : null}
              </p>
              <UserText text={proposal.answer} />
              {proposal.mergedInto ? (
                <p>
                  {t("proposals.mergedIntoLabel")} <a href={proposalPath(locale, round.id, proposal.mergedInto.id)}><span className="consulta-user-text" dir="auto">{proposal.mergedInto.title}</span></a>
                </p>
              ) : null}
            </>
          ) : (
            <p>{proposal.status === "WITHDRAWN" ? t("proposals.detail.withdrawn") : t("proposals.detail.noAnswer")}</p>
          )}
          {detail.mergedFrom.length > 0 ? (
            <>
              <h3 className="h5">{t("proposals.detail.mergedFrom")}</h3>
              <ul>
                {detail.mergedFrom.map((merged) => (
                  <li key={merged.id}><a href={proposalPath(locale, round.id, merged.id)}><span className="consulta-user-text" dir="auto">{merged.title}</span></a></li>
                ))}
              </ul>
            </>
          ) : null}
        </section>

        <section className="my-4" aria-labelledby="azioni-title" id="azioni">
          <h2 id="azioni-title" className="visually-hidden">{t("proposals.detail.actions")}</h2>
          {can.support ? (
            proposal.supportedByActor ? (
              <form action={withdrawSupportAction.bind(null, locale, round.id, proposal.id)} className="d-inline-block me-3 mb-3">
                <p className="mb-2">{t("proposals.detail.youSupport")}</p>
                <button type="submit" className="btn btn-outline-primary">{t("proposals.detail.withdrawSupport")}</button>
              </form>
            ) : (
              <form action={supportProposalAction.bind(null, locale, round.id, proposal.id)} className="d-inline-block me-3 mb-3">
                <button type="submit" className="btn btn-primary">{t("proposals.detail.support")}</button>
              </form>
            )
          ) : null}
          {can.withdraw ? (
            <form action={withdrawProposalAction.bind(null, locale, round.id, proposal.id)} className="d-inline-block me-3 mb-3">
              <button type="submit" className="btn btn-outline-danger" aria-describedby="withdraw-hint">{t("proposals.detail.withdraw")}</button>
              <p id="withdraw-hint" className="small mt-2">{t("proposals.detail.withdrawHint")}</p>
            </form>
          ) : null}
          {!actor && round.acceptsContributions && proposal.status === "OPEN" ? (
            <p><a href={localizedPath(locale, "/accedi")}>{t("proposals.detail.signInToSupport")}</a></p>
          ) : null}
          <p className="small">
            <a href={reportPath(locale, "proposta", proposal.id)}>{t("proposals.report")}<span className="visually-hidden"> {t("proposals.reportWhich", { title: titleText })}</span></a>
          </p>
        </section>

        {can.answer ? (
          <section className="my-5" aria-labelledby="answer-form-title">
            <h2 id="answer-form-title" className="h4">{proposal.answer ? t("proposals.answerForm.changeTitle") : t("proposals.answerForm.title")}</h2>
            <AnswerForm
              action={answerProposalAction.bind(null, locale, round.id, proposal.id)}
              initial={{ status: proposal.status === "OPEN" ? undefined : proposal.status, answer: proposal.answer ?? undefined, mergedIntoId: proposal.mergedInto?.id }}
              candidates={detail.mergeCandidates.map((candidate) => ({ value: candidate.id, label: `${t(`proposals.kind.${candidate.kind}`)}: ${candidate.title}` }))}
              limit={USER_TEXT_LIMITS.proposal}
              labels={{
                errorSummary: t("proposals.form.errorSummary"),
                status: t("proposals.answerForm.status"),
                statuses: answerStatuses.map((status) => ({ value: status, label: t(`proposals.status.${status}`) })),
                answer: t("proposals.answerForm.answer"),
                answerHint: t("proposals.answerForm.answerHint"),
                mergedIntoId: t("proposals.answerForm.mergedInto"),
                mergedIntoHint: t("proposals.answerForm.mergedIntoHint"),
                mergedIntoPlaceholder: t("proposals.answerForm.mergedIntoPlaceholder"),
                submit: t("proposals.answerForm.submit"),
              }}
            />
          </section>
        ) : null}
      </article>
    </>
  );
}
