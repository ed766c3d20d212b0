import type { Metadata } from "next";
import { z } from "zod";
import { Breadcrumb } from "@/components/layout/breadcrumb";
import { BulkDecisionForm, type ReviewAxis } from "@/components/decisions/bulk-decision-form";
import { FocusNotice } from "@/components/decisions/focus-notice";
import { revisionsTrail } from "@/components/synthesis/revisions-trail";
import { getPrisma } from "@/lib/db/client";
import { getDecisionReview } from "@/lib/decisions/get-decision-review";
import { formatDate, formatMean } from "@/lib/i18n/format";
import { currentActor } from "@/lib/web/auth";
import { localizedPath } from "@/lib/web/localized-path";
import { pageContext } from "@/lib/web/page-context";
import { bulkDecisionAction } from "./actions";
import { decisionLines, listChoices } from "./labels";
import { deciderRead, reviewPath, revisionAddress } from "./read";

/**
 * /piani/<slug>/revisioni/<n>/decisioni: the officials' review of a revision's decisions — every
 * measure by axis with its current decision, the consultation's feedback and the proposals about its
 * decision fields — and the bulk answer (select measures, apply a department, a funding source or a
 * note). Deciders only (signed out: sign-in page; others: 403); rendered per request, never cached.
 */
type Props = {
  params: Promise<{ locale: string; slug: string; number: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await pageContext(params);
  const { number } = await params;
  return { title: t("decisions.review.metaTitle", { number }), robots: { index: false } };
}

const codes = z.string().max(6_000).regex(/^[0-9.,]*$/).catch("");
const outcomeSchema = z.object({ esito: z.literal("applicata").optional().catch(undefined), cambiate: codes.optional(), invariate: codes.optional() });

export default async function DecisionReviewPage({ params, searchParams }: Props) {
  const { locale, t } = await pageContext(params);
  const { slug, number } = await params;
  const review = await deciderRead(locale, getDecisionReview(getPrisma(), await currentActor(), revisionAddress(slug, number)));
  const outcome = outcomeSchema.parse(await searchParams);
  const base = reviewPath(locale, review.plan.slug, review.revision.number);
  const choices = listChoices(review.options, t);
  const changed = (outcome.cambiate ?? "").split(",").filter(Boolean);
  const unchanged = (outcome.invariate ?? "").split(",").filter(Boolean);

  const axes: ReviewAxis[] = review.axes.map((axis) => ({
    id: axis.id,
    heading: t("decisions.review.axisHeading", { number: axis.number, title: axis.title }),
    tableLabel: t("decisions.review.tableLabel", { number: axis.number }),
    rows: axis.measures.map((measure) => ({
      id: measure.id,
      code: measure.code,
      excerpt: measure.excerpt,
      fields: decisionLines(measure.fields, locale, t),
      decided: measure.version > 0 && measure.decidedAt ? t("decisions.review.version", { version: measure.version, date: formatDate(measure.decidedAt, locale), name: measure.decidedBy ?? t("privacy.anonymous") }) : t("decisions.review.notDecided"),
      badges: [measure.differs ? t("decisions.review.differs") : null, measure.version > 0 && !measure.publishedAt ? t("decisions.review.unpublished") : null].filter((badge) => badge !== null),
      feedback: measure.feedback
        ? t("decisions.review.feedback", {
            support: measure.feedback.support,
            oppose: measure.feedback.oppose,
            abstain: measure.feedback.abstain,
            priority: formatMean(measure.feedback.meanPriority, locale, t("decisions.review.noPriority")),
            comments: measure.feedback.comments,
            proposals: measure.feedback.proposals,
          })
        : t("decisions.review.noFeedback"),
      proposals: measure.decisionProposals,
      href: `${base}/${measure.code}`,
    })),
  }));

  return (
    <>
      <Breadcrumb
        t={t}
        items={[
          ...revisionsTrail(locale, t, review.plan, true),
          { label: t("decisions.review.breadcrumb", { number: review.revision.number }) },
        ]}
      />
      <h1>{t("decisions.review.title", { number: review.revision.number })}</h1>
      <p className="lead">
        <span lang="it">{review.plan.title}</span>{" "}
        <span className="badge bg-primary ms-1">{t(review.revision.status === "DRAFT" ? "decisions.review.statusDraft" : "decisions.review.statusPublished")}</span>
      </p>
      <p>{t("decisions.review.intro")}</p>
      <p className="fw-semibold">
        {review.revision.editable ? t(review.revision.publishesAtOnce ? "decisions.review.editablePublished" : "decisions.review.editableDraft") : t("decisions.review.readOnly")}
      </p>
      <p>{review.round ? t("decisions.review.roundShown", { round: review.round.title }) : t("decisions.review.noRound")}</p>
      <ul>
        {review.round ? (
          <li>
            <a href={localizedPath(locale, `/consultazioni/${review.round.id}/sintesi`)}>{t("decisions.review.dashboardLink")}</a>
          </li>
        ) : null}
        <li>
          <a href={localizedPath(locale, "/admin/elenchi")}>{t("decisions.review.listsLink")}</a>
        </li>
      </ul>
      {outcome.esito === "applicata" ? (
        <FocusNotice kind="success">
          {changed.length > 0 ? t("decisions.bulk.done", { count: changed.length, codes: changed.join(", ") }) : t("decisions.bulk.noneChanged")}
          {unchanged.length > 0 && changed.length > 0 ? ` ${t("decisions.bulk.unchanged", { count: unchanged.length, codes: unchanged.join(", ") })}` : null}
        </FocusNotice>
      ) : null}
      <BulkDecisionForm
        action={review.revision.editable ? bulkDecisionAction.bind(null, locale, review.plan.slug, String(review.revision.number)) : null}
        axes={axes}
        fundingSources={choices.fundingSource.options}
        departments={choices.department.options}
        labels={{
          title: t("decisions.bulk.title"),
          intro: t("decisions.bulk.intro"),
          columns: {
            select: t("decisions.review.columns.select"),
            code: t("decisions.review.columns.code"),
            text: t("decisions.review.columns.text"),
            fields: t("decisions.review.columns.fields"),
            feedback: t("decisions.review.columns.feedback"),
            proposals: t("decisions.review.columns.proposals"),
          },
          selectMeasure: t("decisions.review.selectMeasure", { code: "{code}" }),
          openMeasure: t("decisions.review.openMeasure", { code: "{code}" }),
          keep: t("decisions.bulk.keep"),
          other: t("decisions.form.other"),
          fundingSource: t("decisions.form.fundingSource"),
          fundingSourceOther: t("decisions.form.fundingSourceOther"),
          department: t("decisions.form.department"),
          departmentOther: t("decisions.form.departmentOther"),
          otherHint: t("decisions.form.otherHint"),
          note: t("decisions.form.note"),
          noteHint: t("decisions.bulk.noteHint"),
          submit: t("decisions.bulk.submit"),
          errorSummary: t("decisions.bulk.errorSummary"),
          measures: t("decisions.bulk.measures"),
        }}
      />
    </>
  );
}
