import type { ComponentProps } from "react";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import { formatDate, formatEuroCents, formatNumber } from "@/lib/i18n/format";
import type { LinkCandidates } from "@/lib/synthesis/link-candidates";
import type { DraftChangeView } from "@/lib/synthesis/get-revision-draft";
import type { DecisionFields } from "@/lib/synthesis/synthesis.schemas";
import { USER_TEXT_LIMITS } from "@/lib/participation/participation.schemas";
import type { FormState } from "@/components/auth/form-state";
import { DraftForm, type DraftField, type LinkPicker } from "./draft-form";

/** Server-side pieces of the draft workbench: decision fields shown, the change log, the forms' field lists and link pickers. */

const calendarDate = (iso: string, locale: Locale) => formatDate(new Date(`${iso}T12:00:00.000Z`), locale);

/** A measure's decision fields as a description list ("to be decided" for empty ones). */
export function DecisionSummary({ fields, locale, t }: { fields: DecisionFields; locale: Locale; t: Translate }) {
  const period = [fields.startsOn ? calendarDate(fields.startsOn, locale) : null, fields.endsOn ? calendarDate(fields.endsOn, locale) : null].filter(Boolean).join(" – ");
  const rows: [string, string | null][] = [
    [t("plan.fields.timing"), [fields.timing, period ? `(${period})` : null].filter(Boolean).join(" ") || null],
    [t("plan.fields.budget"), fields.budgetCents === null ? null : formatEuroCents(Number(fields.budgetCents), locale)],
    [t("plan.fields.fundingSource"), fields.fundingSource],
    [t("plan.fields.department"), fields.department],
  ];
  return (
    <dl className="row small mb-2">
      {rows.map(([label, value]) => (
        <div key={label} className="col-12 col-md-6">
          <dt className="d-inline">{label}: </dt>
          <dd className="d-inline">{value ?? t("common.toBeDecided")}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The changes recorded so far, each with its rationale and what it links to. */
export function ChangeList({ changes, locale, t, proposalHref }: { changes: DraftChangeView[]; locale: Locale; t: Translate; proposalHref: (id: string) => string }) {
  if (changes.length === 0) return <p>{t("synthesis.draft.changes.none")}</p>;
  return (
    <ol className="list-group list-group-numbered">
      {changes.map((change) => (
        <li key={change.id} className="list-group-item">
          <p className="fw-semibold mb-1">
            {t(`synthesis.changeKinds.${change.kind}`)}
            {change.measureCode ? ` — ${t("synthesis.draft.measureCode", { code: change.measureCode })}` : change.axisNumber !== null ? ` — ${t("synthesis.draft.axisNumber", { number: change.axisNumber })}` : ""}
          </p>
          <p className="mb-1"><span className="fw-semibold">{t("synthesis.draft.changes.rationale")}</span> <span className="consulta-user-text" dir="auto">{change.rationale}</span></p>
          {change.editorial ? <p className="mb-1 small">{t("synthesis.draft.changes.editorial")}</p> : null}
          {change.links.length > 0 ? (
            <>
              <p className="mb-0 small fw-semibold">{t("synthesis.draft.changes.links")}</p>
              <ul className="small mb-0">
                {change.links.map((link) => {
                  switch (link.kind) {
                    case "proposal":
                      return <li key={`p-${link.id}`}>{t("synthesis.draft.links.proposal")} <a href={proposalHref(link.id)}><span className="consulta-user-text" dir="auto">{link.title}</span></a></li>;
                    case "comment":
                      return <li key={`c-${link.id}`}>{t("synthesis.draft.links.comment")} <span className="consulta-user-text" dir="auto">{link.excerpt}</span></li>;
                    case "swot":
                      return <li key={`s-${link.id}`}>{t("synthesis.draft.links.swot")} <span className="consulta-user-text" dir="auto">{link.excerpt}</span></li>;
                    case "voteResults":
                      return <li key={`v-${link.measureId}`}>{t("synthesis.draft.links.voteResults", { code: link.measureCode })}</li>;
                  }
                })}
              </ul>
            </>
          ) : null}
          <p className="mb-0 small text-muted">{formatDate(change.createdAt, locale)}</p>
        </li>
      ))}
    </ol>
  );
}

/** The decision fields of a measure as form fields (current draft values). */
export function decisionFormFields(t: Translate, locale: Locale, fields: DecisionFields | null): DraftField[] {
  const budget = fields?.budgetCents != null ? new Intl.NumberFormat(locale === "it" ? "it-IT" : "en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false }).format(Number(fields.budgetCents) / 100) : "";
  return [
    { kind: "text", name: "timing", label: t("plan.fields.timing"), hint: t("synthesis.draft.form.timingHint"), defaultValue: fields?.timing ?? "", maxLength: 500 },
    { kind: "date", name: "startsOn", label: t("synthesis.draft.form.startsOn"), hint: t("synthesis.draft.form.datesHint"), defaultValue: fields?.startsOn ?? "" },
    { kind: "date", name: "endsOn", label: t("synthesis.draft.form.endsOn"), defaultValue: fields?.endsOn ?? "" },
    { kind: "text", name: "budget", label: t("synthesis.draft.form.budget"), hint: t("synthesis.draft.form.budgetHint"), defaultValue: budget, inputMode: "decimal", maxLength: 40 },
    { kind: "text", name: "fundingSource", label: t("plan.fields.fundingSource"), defaultValue: fields?.fundingSource ?? "", maxLength: 500 },
    { kind: "text", name: "department", label: t("plan.fields.department"), defaultValue: fields?.department ?? "", maxLength: 500 },
  ];
}

export const rationaleLabels = (t: Translate) => ({ label: t("synthesis.draft.form.rationale"), hint: t("synthesis.draft.form.rationaleHint") });

/** The link pickers of an edit: the round's proposals, SWOT observations, comments and vote results it may cite. */
export function linkPicker(t: Translate, locale: Locale, candidates: LinkCandidates, { editorial = true, exclude }: { editorial?: boolean; exclude?: string } = {}): LinkPicker {
  return {
    legend: t("synthesis.draft.links.legend"),
    hint: t(editorial ? "synthesis.draft.links.hint" : "synthesis.draft.links.hintOptional"),
    groups: [
      {
        name: "proposalIds",
        legend: t("synthesis.draft.links.proposals"),
        empty: t("synthesis.draft.links.noProposals"),
        options: candidates.proposals
          .filter((proposal) => proposal.id !== exclude)
          .map((proposal) => ({ value: proposal.id, label: `${proposal.title} (${t(`proposals.status.${proposal.status}`)}, ${t("synthesis.triage.supports", { count: proposal.supportCount, number: formatNumber(proposal.supportCount, locale) })})` })),
      },
      { name: "swotEntryIds", legend: t("synthesis.draft.links.swotEntries"), empty: t("synthesis.draft.links.noSwot"), options: candidates.swot.map((entry) => ({ value: entry.id, label: `${t(`swot.kinds.${entry.kind}`)}: ${entry.excerpt}` })) },
      ...(candidates.comments.length > 0 || candidates.voteResults
        ? [
            { name: "commentIds" as const, legend: t("synthesis.draft.links.comments"), empty: t("synthesis.draft.links.noComments"), options: candidates.comments.map((comment) => ({ value: comment.id, label: comment.excerpt })) },
            {
              name: "voteResultsMeasureIds" as const,
              legend: t("synthesis.draft.links.voteResultsLegend"),
              empty: t("synthesis.draft.links.noVoteResults"),
              options: candidates.voteResults ? [{ value: candidates.voteResults.measureId, label: t("synthesis.draft.links.voteResults", { code: candidates.voteResults.code }) }] : [],
            },
          ]
        : []),
    ],
    ...(editorial ? { editorial: { label: t("synthesis.draft.links.editorial"), hint: t("synthesis.draft.links.editorialHint") } } : {}),
  };
}

export const formLabels = (t: Translate, submit: string, disabledReason?: string) => ({ errorSummary: t("synthesis.draft.form.errorSummary"), submit, ...(disabledReason ? { disabledReason } : {}) });

/** An edit of the draft: its fields, then the rationale and the link pickers of what the edit may cite. */
function ChangeForm({ submit, candidates, locale, t, ...form }: Omit<ComponentProps<typeof DraftForm>, "rationale" | "links" | "labels"> & {
  submit: string;
  candidates: LinkCandidates;
  locale: Locale;
  t: Translate;
}) {
  return <DraftForm {...form} rationale={rationaleLabels(t)} links={linkPicker(t, locale, candidates)} labels={formLabels(t, submit)} />;
}

/** A section of a workbench page holding one edit: its heading (id `section`), an optional explanation, the ChangeForm. */
export function ChangeSection({ section, heading, explain, ...form }: ComponentProps<typeof ChangeForm> & { section: string; heading: string; explain?: string }) {
  return (
    <section className="my-5" aria-labelledby={section}>
      <h2 id={section} className="h3">{heading}</h2>
      {explain ? <p>{explain}</p> : null}
      <ChangeForm {...form} />
    </section>
  );
}

/** A text shortened for lists: the one excerpt helper, under the name the triage page imports (use `excerpt` from lib/text/excerpt). */

/**
 * Accepting proposals in one step: per open proposal, its public answer and the rationale of the
 * change it makes (the proposal itself is the change's link). `action` takes the proposal id from the form.
 */
export function AcceptProposals({ proposals, action, heading, t }: {
  proposals: LinkCandidates["proposals"];
  action: (state: FormState, data: FormData) => Promise<FormState>;
  heading: string;
  t: Translate;
}) {
  if (proposals.length === 0) return null;
  return (
    <section className="my-5" aria-labelledby="accogli">
      <h2 id="accogli" className="h3">{heading}</h2>
      <p>{t("synthesis.draft.accept.explain")}</p>
      {proposals.map((proposal) => (
        <div key={proposal.id} id={`accogli-${proposal.id}`} className="border rounded p-3 mb-4">
          <h3 className="h5"><span className="consulta-user-text" dir="auto">{proposal.title}</span> <span className="small fw-normal">({t(`proposals.kind.${proposal.kind}`)})</span></h3>
          <DraftForm
            id={`accept-${proposal.id}`}
            action={action}
            fields={[
              { kind: "hidden", name: "proposalId", value: proposal.id },
              { kind: "textarea", name: "answer", label: t("synthesis.draft.accept.answer"), hint: t("synthesis.draft.accept.answerHint"), maxLength: USER_TEXT_LIMITS.proposal, rows: 3, required: true },
            ]}
            rationale={rationaleLabels(t)}
            labels={formLabels(t, t("synthesis.draft.accept.submit"))}
          />
        </div>
      ))}
    </section>
  );
}
