import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { Breadcrumb } from "@/components/layout/breadcrumb";
import { ProposalForm } from "@/components/proposals/proposal-form";
import { newProposalPath, proposalsPath } from "@/components/proposals/links";
import { BlockedNotice } from "@/components/proposals/blocked-notice";
import { roundTrail } from "@/components/rounds/round-trail";
import { getPrisma } from "@/lib/db/client";
import { isLocale } from "@/lib/i18n/locales";
import { createTranslator } from "@/lib/i18n/translate";
import { USER_TEXT_LIMITS } from "@/lib/participation/participation.schemas";
import { getProposalForm } from "@/lib/proposals/get-proposal-form";
import { excerpt } from "@/lib/text/excerpt";
import { DECISION_FIELD_LIMIT, proposalKinds } from "@/lib/proposals/proposals.schemas";
import { currentActor } from "@/lib/web/auth";
import { pageContext, rethrowAsPage } from "@/lib/web/page-context";
import { submitProposalAction } from "../actions";

type Props = { params: Promise<{ locale: string; roundId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: createTranslator(isLocale(locale) ? locale : "it")("proposals.new.title") };
}


export default async function NewProposalPage({ params, searchParams }: Props) {
  const { locale, t } = await pageContext(params);
  const { roundId } = await params;
  const actor = await currentActor();
  const form = await getProposalForm(getPrisma(), actor, roundId, await searchParams).catch(rethrowAsPage);
  const { round, kind, measure, axis } = form;
  const subject = measure ? t("proposals.aboutMeasure", { code: measure.code }) : axis ? t("proposals.aboutAxis", { number: axis.number }) : null;

  return (
    <>
      <Breadcrumb t={t} items={[...roundTrail(locale, t, round), { label: t("proposals.list.title"), href: proposalsPath(locale, round.id) }, { label: t("proposals.new.title") }]} />
      <h1>{t("proposals.new.title")}</h1>
      <p className="lead">{t("proposals.new.intro", { round: round.title })}</p>

      <nav aria-labelledby="kind-title" className="mb-4">
        <h2 id="kind-title" className="h5">{t("proposals.new.chooseKind")}</h2>
        <ul className="list-unstyled d-flex flex-wrap gap-2">
          {proposalKinds.map((candidate) => (
            <li key={candidate}>
              <a
                className={`btn ${candidate === kind ? "btn-primary" : "btn-outline-primary"}`}
                aria-current={candidate === kind ? "page" : undefined}
                href={newProposalPath(locale, round.id, { kind: candidate, measureCode: candidate === "NEW_MEASURE" ? null : measure?.code, axisNumber: axis?.number })}
              >
                {t(`proposals.kind.${candidate}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <h2 className="h4">{subject ? t("proposals.new.formTitleAbout", { kind: t(`proposals.kind.${kind}`), subject }) : t(`proposals.kind.${kind}`)}</h2>
      <p>{t(`proposals.new.kindHelp.${kind}`)}</p>
      {kind === "AMEND_MEASURE" && measure ? (
        <section className="mb-4" aria-labelledby="current-text-title">
          <h3 id="current-text-title" className="h6">{t("proposals.currentText", { code: measure.code })}</h3>
          <p className="border-start ps-3" lang="it">{measure.text}</p>
        </section>
      ) : null}

      {form.blocked ? (
        <BlockedNotice reason={form.blocked} locale={locale} t={t} />
      ) : (
        <ProposalForm
          key={kind}
          action={submitProposalAction.bind(null, locale, round.id)}
          kind={kind}
          submissionId={randomUUID()}
          measures={round.measures.map((option) => ({ value: option.id, label: `${option.code} — ${excerpt(option.text, 90)}` }))}
          axes={round.axes.map((option) => ({ value: option.id, label: t("proposals.axisOption", { number: option.number, title: option.title }) }))}
          measureId={measure?.id}
          axisId={axis?.id}
          limits={{ title: USER_TEXT_LIMITS.proposalTitle, text: USER_TEXT_LIMITS.proposal, field: DECISION_FIELD_LIMIT }}
          labels={{
            errorSummary: t("proposals.form.errorSummary"),
            submit: t("proposals.form.submit"),
            measureId: t("proposals.form.measure"),
            measurePlaceholder: t("proposals.form.measurePlaceholder"),
            axisId: t("proposals.form.axis"),
            axisPlaceholder: t("proposals.form.axisPlaceholder"),
            title: t("proposals.form.title"),
            titleHint: t("proposals.form.titleHint", { max: USER_TEXT_LIMITS.proposalTitle }),
            proposedText: t(kind === "NEW_MEASURE" ? "proposals.form.newText" : "proposals.form.proposedText"),
            proposedTextHint: t("proposals.form.textHint", { max: USER_TEXT_LIMITS.proposal }),
            rationale: t("proposals.form.rationale"),
            rationaleHint: t("proposals.form.rationaleHint", { max: USER_TEXT_LIMITS.proposal }),
            decisionIntro: t("proposals.form.decisionIntro"),
            proposedTiming: t("plan.fields.timing"),
            proposedTimingHint: t("proposals.form.timingHint"),
            proposedBudget: t("proposals.form.budget"),
            proposedBudgetHint: t("proposals.form.budgetHint"),
            proposedFundingSource: t("plan.fields.fundingSource"),
            proposedDepartment: t("plan.fields.department"),
          }}
        />
      )}
    </>
  );
}
