import type { Metadata } from "next";
import { z } from "zod";
import { Breadcrumb } from "@/components/layout/breadcrumb";
import { ScrollableTable } from "@/components/layout/scrollable-table";
import { DecisionForm } from "@/components/decisions/decision-form";
import { FocusNotice } from "@/components/decisions/focus-notice";
import { UserText } from "@/components/participation/user-text";
import { revisionsTrail } from "@/components/synthesis/revisions-trail";
import { getPrisma } from "@/lib/db/client";
import { getMeasureDecision } from "@/lib/decisions/get-measure-decision";
import { formatDate, formatDateTime, formatEuroBigCents, formatMean, formatNumber } from "@/lib/i18n/format";
import { currentActor } from "@/lib/web/auth";
import { pageContext } from "@/lib/web/page-context";
import { recordDecisionAction } from "../actions";
import { budgetInput, decisionLines, decisionValueText, listChoices } from "../labels";
import { deciderRead, reviewPath, revisionAddress } from "../read";

/**
 * /piani/<slug>/revisioni/<n>/decisioni/<code>: one measure's decision — the consultation's feedback,
 * the proposals about its decision fields, the decision form (when the revision may change) and the
 * history of every version. Deciders only; unknown revision or measure: 404.
 */
type Props = {
  params: Promise<{ locale: string; slug: string; number: string; code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await pageContext(params);
  const { code } = await params;
  return { title: t("decisions.measure.metaTitle", { code }), robots: { index: false } };
}

const outcomeSchema = z.object({ esito: z.enum(["salvata", "salvata-pubblica", "invariata"]).optional().catch(undefined) });

export default async function MeasureDecisionPage({ params, searchParams }: Props) {
  const { locale, t } = await pageContext(params);
  const { slug, number, code } = await params;
  const view = await deciderRead(locale, getMeasureDecision(getPrisma(), await currentActor(), revisionAddress(slug, number), code));
  const { esito } = outcomeSchema.parse(await searchParams);
  const { measure, revision } = view;
  const review = reviewPath(locale, view.plan.slug, revision.number);
  const choices = listChoices(view.options, t, measure.fields);
  const feedback = measure.feedback;

  return (
    <>
      <Breadcrumb
        t={t}
        items={[
          ...revisionsTrail(locale, t, view.plan, true),
          { label: t("decisions.review.breadcrumb", { number: revision.number }), href: review },
          { label: t("decisions.review.measureCode", { code: measure.code }) },
        ]}
      />
      <h1>{t("decisions.measure.title", { code: measure.code })}</h1>
      <p>
        {t("synthesis.draft.axisNumber", { number: view.axis.number })}: <span lang="it">{view.axis.title}</span>
      </p>
      {esito ? <FocusNotice kind="success">{t(`decisions.outcomes.${esito}`)}</FocusNotice> : null}
      <p lang="it">{measure.text}</p>

      <section className="my-4" aria-labelledby="decisione-attuale">
        <h2 id="decisione-attuale" className="h4">{t("decisions.measure.current")}</h2>
        <ul className="list-unstyled">
          {decisionLines(measure.fields, locale, t).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        {measure.fields.note ? (
          <p>
            <span className="fw-semibold">{t("decisions.form.note")}:</span> <span className="consulta-user-text" dir="auto">{measure.fields.note}</span>
          </p>
        ) : null}
        <p className="small">
          {measure.version > 0 && measure.decidedAt
            ? t("decisions.review.version", { version: measure.version, date: formatDate(measure.decidedAt, locale), name: measure.decidedBy ?? t("privacy.anonymous") })
            : t("decisions.review.notDecided")}
        </p>
      </section>

      <section className="my-4" aria-labelledby="riscontri">
        <h2 id="riscontri" className="h4">{t("decisions.measure.feedbackTitle")}</h2>
        <p>{view.round ? t("decisions.review.roundShown", { round: view.round.title }) : t("decisions.review.noRound")}</p>
        {feedback ? (
          <p>
            {t("decisions.review.feedback", {
              support: formatNumber(feedback.support, locale),
              oppose: formatNumber(feedback.oppose, locale),
              abstain: formatNumber(feedback.abstain, locale),
              priority: formatMean(feedback.meanPriority, locale, t("decisions.review.noPriority")),
              comments: formatNumber(feedback.comments, locale),
              proposals: formatNumber(feedback.proposals, locale),
            })}
          </p>
        ) : view.round ? (
          <p>{t("decisions.review.noFeedback")}</p>
        ) : null}
      </section>

      <section className="my-4" aria-labelledby="proposte-campi">
        <h2 id="proposte-campi" className="h4">{t("decisions.measure.proposalsTitle")}</h2>
        {view.proposals.length === 0 ? <p>{t("decisions.measure.noProposals")}</p> : null}
        <ul className="list-unstyled">
          {view.proposals.map((proposal) => (
            <li key={proposal.id} className="border-start ps-3 mb-3">
              <p className="fw-semibold mb-1">
                <span className="consulta-user-text" dir="auto">{proposal.title}</span> <span className="badge bg-secondary">{t(`proposals.status.${proposal.status}`)}</span>
              </p>
              <UserText text={proposal.excerpt} />
              <p className="small mb-1">
                {t("decisions.measure.proposed")}:{" "}
                {[
                  proposal.proposed.timing,
                  proposal.proposed.budgetCents === null ? null : formatEuroBigCents(proposal.proposed.budgetCents, locale),
                  proposal.proposed.fundingSource,
                  proposal.proposed.department,
                ]
                  .filter((value) => value !== null)
                  .join(" · ")}
              </p>
              {proposal.answer ? (
                <p className="small mb-0">
                  <span className="fw-semibold">{t("decisions.measure.answer")}:</span> <span className="consulta-user-text" dir="auto">{proposal.answer}</span>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      {revision.editable ? (
        <section className="my-4" aria-labelledby="modulo-decisione">
          <h2 id="modulo-decisione" className="h4">{t("decisions.form.title")}</h2>
          <p>{t("decisions.form.intro")}</p>
          <DecisionForm
            action={recordDecisionAction.bind(null, locale, view.plan.slug, String(revision.number), measure.code)}
            fundingSources={choices.fundingSource.options}
            departments={choices.department.options}
            initial={{
              measureId: measure.id,
              expectedVersion: String(measure.version),
              startsOn: measure.fields.startsOn ?? "",
              endsOn: measure.fields.endsOn ?? "",
              timing: measure.fields.timing ?? "",
              budget: budgetInput(measure.fields.budgetCents),
              fundingSource: choices.fundingSource.selected,
              fundingSourceOther: choices.fundingSource.other,
              department: choices.department.selected,
              departmentOther: choices.department.other,
              note: measure.fields.note,
            }}
            labels={{
              errorSummary: t("decisions.form.errorSummary"),
              submit: t("decisions.form.submit"),
              startsOn: t("decisions.form.startsOn"),
              endsOn: t("decisions.form.endsOn"),
              datesHint: t("decisions.form.datesHint"),
              timing: t("decisions.form.timing"),
              timingHint: t("decisions.form.timingHint"),
              budget: t("decisions.form.budget"),
              budgetHint: t("decisions.form.budgetHint"),
              fundingSource: t("decisions.form.fundingSource"),
              fundingSourceOther: t("decisions.form.fundingSourceOther"),
              department: t("decisions.form.department"),
              departmentOther: t("decisions.form.departmentOther"),
              otherHint: t("decisions.form.otherHint"),
              none: t("decisions.form.none"),
              other: t("decisions.form.other"),
              note: t("decisions.form.note"),
              noteHint: t("decisions.form.noteHint"),
            }}
          />
        </section>
      ) : (
        <p className="fw-semibold">{t("decisions.form.readOnly")}</p>
      )}

      <section className="my-5" aria-labelledby="storia">
        <h2 id="storia" className="h4">{t("decisions.measure.historyTitle")}</h2>
        {view.history.length === 0 ? (
          <p>{t("decisions.measure.noHistory")}</p>
        ) : (
          <ScrollableTable label={t("decisions.measure.historyLabel")}>
            <table className="table table-sm align-top" id="storia-decisione">
              <caption className="visually-hidden">{t("decisions.measure.historyLabel")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("decisions.measure.columns.version")}</th>
                  <th scope="col">{t("decisions.measure.columns.when")}</th>
                  <th scope="col">{t("decisions.measure.columns.who")}</th>
                  <th scope="col">{t("decisions.measure.columns.published")}</th>
                  <th scope="col">{t("decisions.measure.columns.changes")}</th>
                </tr>
              </thead>
              <tbody>
                {[...view.history].reverse().map((entry) => (
                  <tr key={entry.version}>
                    <th scope="row">{entry.version}</th>
                    <td>{formatDateTime(entry.decidedAt, locale)}</td>
                    <td>{entry.decidedBy ?? t("privacy.anonymous")}</td>
                    <td>{entry.publishedAt ? t("decisions.measure.publishedOn", { date: formatDate(entry.publishedAt, locale) }) : t("decisions.measure.notPublished")}</td>
                    <td>
                      <ul className="list-unstyled mb-0 small">
                        {entry.changes.map((change) => (
                          <li key={change.field}>
                            {t("decisions.measure.change", {
                              field: t(`decisions.fieldNames.${change.field}`),
                              before: decisionValueText(change.field, change.before, locale, t),
                              after: decisionValueText(change.field, change.after, locale, t),
                            })}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollableTable>
        )}
      </section>
      <p>
        <a href={review}>{t("decisions.measure.backToReview", { number: revision.number })}</a>
      </p>
    </>
  );
}
