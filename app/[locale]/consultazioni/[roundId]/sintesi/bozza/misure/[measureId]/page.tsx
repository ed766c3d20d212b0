import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/layout/breadcrumb";
import { AcceptProposals, ChangeSection, DecisionSummary, decisionFormFields } from "@/components/workbench/draft-view";
import { MEASURE_TEXT_MAX } from "@/lib/synthesis/synthesis.schemas";
import { acceptProposalAction, changeMeasureAction, retireMeasureAction } from "../../actions";
import { type DraftPageProps, DraftForbidden, DraftOutcome, draftMetadata, draftTrail, readDraftPage } from "../../outcome";

type Props = DraftPageProps<{ measureId: string }>;

export async function generateMetadata({ params }: Props) {
  return draftMetadata(params, "synthesis.draft.measure.title");
}

/** /consultazioni/<round>/sintesi/bozza/misure/<measure>: edit one measure of the draft, retire it, accept proposals about it. */
export default async function DraftMeasurePage(props: Props) {
  const { locale, t, params, esito, view, base } = await readDraftPage(props, ({ measureId }) => ({ measureId }));
  const { roundId, measureId } = params;
  if (!view) return <DraftForbidden locale={locale} t={t} roundId={roundId} />;
  const { round, draft, linkCandidates: candidates } = view;
  const axis = draft?.axes.find((candidate) => candidate.measures.some((measure) => measure.measureId === measureId) || candidate.retired.some((measure) => measure.measureId === measureId));
  if (!draft || !axis || !candidates) notFound();
  const measure = axis.measures.find((candidate) => candidate.measureId === measureId);
  const code = (measure ?? axis.retired.find((candidate) => candidate.measureId === measureId)!).code;
  const head = (
    <>
      <Breadcrumb t={t} items={draftTrail(locale, t, round, base, { label: t("synthesis.draft.measureCode", { code }) })} />
      <h1>{t("synthesis.draft.measure.heading", { code })}</h1>
      <DraftOutcome value={esito} t={t} />
    </>
  );
  if (!measure) {
    return (
      <>
        {head}
        <p>{t("synthesis.draft.measure.retired")}</p>
        <p><a href={`${base}/bozza`}>{t("synthesis.draft.backToDraft")}</a></p>
      </>
    );
  }
  const openProposals = candidates.proposals.filter((proposal) => proposal.status === "OPEN");
  const form = { candidates, locale, t };
  const measureField = { kind: "hidden", name: "measureId", value: measure.measureId } as const;

  return (
    <>
      {head}
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
          <ChangeSection
            {...form}
            section="modifica"
            heading={t("synthesis.draft.measure.edit")}
            id="edit"
            action={changeMeasureAction.bind(null, locale, round.id, measure.measureId)}
            fields={[measureField, { kind: "textarea", name: "text", label: t("synthesis.draft.form.text"), defaultValue: measure.text, maxLength: MEASURE_TEXT_MAX, rows: 6, required: true }]}
            submit={t("synthesis.draft.measure.save")}
          />
          <ChangeSection
            {...form}
            section="campi"
            heading={t("synthesis.draft.measure.editDecision")}
            id="decision"
            action={changeMeasureAction.bind(null, locale, round.id, measure.measureId)}
            fields={[measureField, ...decisionFormFields(t, locale, measure.decision)]}
            submit={t("synthesis.draft.measure.saveDecision")}
          />
          <AcceptProposals proposals={openProposals} action={acceptProposalAction.bind(null, locale, round.id, "")} heading={t("synthesis.draft.accept.title")} t={t} />
          <ChangeSection
            {...form}
            section="ritira"
            heading={t("synthesis.draft.measure.retire")}
            explain={t("synthesis.draft.measure.retireExplain")}
            id="retire"
            action={retireMeasureAction.bind(null, locale, round.id)}
            fields={[measureField]}
            submit={t("synthesis.draft.measure.retireSubmit")}
            danger
          />
        </>
      ) : null}
      <p><a href={`${base}/bozza`}>{t("synthesis.draft.backToDraft")}</a></p>
    </>
  );
}
