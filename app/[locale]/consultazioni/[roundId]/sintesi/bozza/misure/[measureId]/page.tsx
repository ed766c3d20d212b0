import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/layout/breadcrumb";
import { roundTrail } from "@/components/rounds/round-trail";
import { DraftForm } from "@/components/workbench/draft-form";
import { AcceptProposals, DecisionSummary, decisionFormFields, formLabels, linkPicker, rationaleLabels } from "@/components/workbench/draft-view";
import { getPrisma } from "@/lib/db/client";
import { getChangeLinkCandidates } from "@/lib/synthesis/get-change-link-candidates";
import { getRevisionDraft } from "@/lib/synthesis/get-revision-draft";
import { MEASURE_TEXT_MAX } from "@/lib/synthesis/synthesis.schemas";
import { currentActor } from "@/lib/web/auth";
import { localizedPath } from "@/lib/web/localized-path";
import { pageContext } from "@/lib/web/page-context";
import { staffRead } from "../../../staff-read";
import { acceptProposalAction, changeMeasureAction, retireMeasureAction } from "../../actions";
import { DraftForbidden, DraftOutcome } from "../../outcome";

type Props = { params: Promise<{ locale: string; roundId: string; measureId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await pageContext(params);
  return { title: t("synthesis.draft.measure.title"), robots: { index: false } };
}

/** /consultazioni/<round>/sintesi/bozza/misure/<measure>: edit one measure of the draft, retire it, accept proposals about it. */
export default async function DraftMeasurePage({ params, searchParams }: Props) {
  const { locale, t } = await pageContext(params);
  const { roundId, measureId } = await params;
  const query = await searchParams;
  const actor = await currentActor();
  const view = await staffRead(locale, getRevisionDraft(getPrisma(), actor, roundId));
  if (!view) return <DraftForbidden locale={locale} t={t} roundId={roundId} />;
  const { round, draft } = view;
  const axis = draft?.axes.find((candidate) => candidate.measures.some((measure) => measure.measureId === measureId) || candidate.retired.some((measure) => measure.measureId === measureId));
  if (!draft || !axis) notFound();
  const measure = axis.measures.find((candidate) => candidate.measureId === measureId);
  const base = localizedPath(locale, `/consultazioni/${round.id}/sintesi`);
  const trail = [...roundTrail(locale, t, round), { label: t("synthesis.triage.dashboard"), href: base }, { label: t("synthesis.draft.title"), href: `${base}/bozza` }];
  if (!measure) {
    const retired = axis.retired.find((candidate) => candidate.measureId === measureId)!;
    return (
      <>
        <Breadcrumb t={t} items={[...trail, { label: t("synthesis.draft.measureCode", { code: retired.code }) }]} />
        <h1>{t("synthesis.draft.measure.heading", { code: retired.code })}</h1>
        <DraftOutcome value={query.esito} t={t} />
        <p>{t("synthesis.draft.measure.retired")}</p>
        <p><a href={`${base}/bozza`}>{t("synthesis.draft.backToDraft")}</a></p>
      </>
    );
  }
  const candidates = await getChangeLinkCandidates(getPrisma(), actor, round.id, { measureId });
  const openProposals = candidates.proposals.filter((proposal) => proposal.status === "OPEN");

  return (
    <>
      <Breadcrumb t={t} items={[...trail, { label: t("synthesis.draft.measureCode", { code: measure.code }) }]} />
      <h1>{t("synthesis.draft.measure.heading", { code: measure.code })}</h1>
      <DraftOutcome value={query.esito} t={t} />
      <p>
        {t("synthesis.draft.axisNumber", { number: axis.number })}: <span lang="it">{axis.title}</span>
      </p>
      <section className="my-4" aria-labelledby="testo-bozza">
        <h2 id="testo-bozza" className="h4">{t("synthesis.draft.measure.draftText")}</h2>
        <p lang="it">{measure.text}</p>
        <DecisionSummary fields={measure.decision} locale={locale} t={t} />
      </section>
      {measure.consulted ? (
        <section className="my-4" aria-labelledby="testo-consultato">
          <h2 id="testo-consultato" className="h4">{t("synthesis.draft.consultedText")}</h2>
          <p lang="it" className="border-start ps-3">{measure.consulted.text}</p>
          <DecisionSummary fields={measure.consulted.decision} locale={locale} t={t} />
        </section>
      ) : null}

      {view.canEdit ? (
        <>
          <section className="my-5" aria-labelledby="modifica">
            <h2 id="modifica" className="h3">{t("synthesis.draft.measure.edit")}</h2>
            <DraftForm
              id="edit"
              action={changeMeasureAction.bind(null, locale, round.id, measure.measureId)}
              fields={[
                { kind: "hidden", name: "measureId", value: measure.measureId },
                { kind: "textarea", name: "text", label: t("synthesis.draft.form.text"), defaultValue: measure.text, maxLength: MEASURE_TEXT_MAX, rows: 6, required: true },
              ]}
              rationale={rationaleLabels(t)}
              links={linkPicker(t, locale, candidates)}
              labels={formLabels(t, t("synthesis.draft.measure.save"))}
            />
          </section>

          <section className="my-5" aria-labelledby="campi">
            <h2 id="campi" className="h3">{t("synthesis.draft.measure.editDecision")}</h2>
            <DraftForm
              id="decision"
              action={changeMeasureAction.bind(null, locale, round.id, measure.measureId)}
              fields={[{ kind: "hidden", name: "measureId", value: measure.measureId }, ...decisionFormFields(t, locale, measure.decision)]}
              rationale={rationaleLabels(t)}
              links={linkPicker(t, locale, candidates)}
              labels={formLabels(t, t("synthesis.draft.measure.saveDecision"))}
            />
          </section>

          <AcceptProposals proposals={openProposals} action={acceptProposalAction.bind(null, locale, round.id, "")} heading={t("synthesis.draft.accept.title")} t={t} />

          <section className="my-5" aria-labelledby="ritira">
            <h2 id="ritira" className="h3">{t("synthesis.draft.measure.retire")}</h2>
            <p>{t("synthesis.draft.measure.retireExplain")}</p>
            <DraftForm
              id="retire"
              action={retireMeasureAction.bind(null, locale, round.id)}
              fields={[{ kind: "hidden", name: "measureId", value: measure.measureId }]}
              rationale={rationaleLabels(t)}
              links={linkPicker(t, locale, candidates)}
              labels={formLabels(t, t("synthesis.draft.measure.retireSubmit"))}
              danger
            />
          </section>
        </>
      ) : null}
      <p><a href={`${base}/bozza`}>{t("synthesis.draft.backToDraft")}</a></p>
    </>
  );
}
