import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/layout/breadcrumb";
import { AcceptProposals, ChangeSection, decisionFormFields } from "@/components/workbench/draft-view";
import { AXIS_RESULTS_INTRO_MAX, AXIS_TITLE_MAX, MEASURE_TEXT_MAX } from "@/lib/synthesis/synthesis.schemas";
import { excerpt } from "@/lib/text/excerpt";
import { acceptProposalAction, addMeasureAction, changeAxisAction, reorderMeasuresAction } from "../../actions";
import { type DraftPageProps, DraftForbidden, DraftOutcome, draftMetadata, draftTrail, readDraftPage } from "../../outcome";

type Props = DraftPageProps<{ axisId: string }>;

export async function generateMetadata({ params }: Props) {
  return draftMetadata(params, "synthesis.draft.axis.title");
}

/** /consultazioni/<round>/sintesi/bozza/assi/<axis>: an axis of the draft — expected results, new measures, order, new-measure proposals. */
export default async function DraftAxisPage(props: Props) {
  const { locale, t, params, esito, view, base } = await readDraftPage(props, ({ axisId }) => ({ axisId }));
  const { roundId, axisId } = params;
  if (!view) return <DraftForbidden locale={locale} t={t} roundId={roundId} />;
  const { round, draft, linkCandidates: candidates } = view;
  const axis = draft?.axes.find((candidate) => candidate.axisId === axisId);
  if (!draft || !axis || !candidates) notFound();
  const newMeasureProposals = candidates.proposals.filter((proposal) => proposal.status === "OPEN" && proposal.kind === "NEW_MEASURE");
  const heading = t("synthesis.draft.axis.heading", { number: axis.number });
  const form = { candidates, locale, t };
  const axisField = { kind: "hidden", name: "axisId", value: axis.axisId } as const;

  return (
    <>
      <Breadcrumb t={t} items={draftTrail(locale, t, round, base, { label: heading })} />
      <h1>
        {heading}: <span lang="it">{axis.title}</span>
      </h1>
      <DraftOutcome value={esito} t={t} />
      <h2 className="h4">{t("synthesis.draft.axis.measures")}</h2>
      <ol>
        {axis.measures.map((measure) => (
          <li key={measure.measureId}>
            <a href={`${base}/bozza/misure/${measure.measureId}`}>{t("synthesis.draft.measureCode", { code: measure.code })}</a>: <span lang="it">{excerpt(measure.text)}</span>
          </li>
        ))}
      </ol>

      {view.canEdit ? (
        <>
          <ChangeSection
            {...form}
            section="risultati"
            heading={t("synthesis.draft.axis.edit")}
            id="axis"
            action={changeAxisAction.bind(null, locale, round.id, axis.axisId)}
            fields={[
              axisField,
              { kind: "text", name: "title", label: t("synthesis.draft.axis.axisTitle"), defaultValue: axis.title, maxLength: AXIS_TITLE_MAX, required: true },
              { kind: "textarea", name: "resultsIntro", label: t("synthesis.draft.axis.resultsIntro"), defaultValue: axis.resultsIntro, maxLength: AXIS_RESULTS_INTRO_MAX, rows: 3 },
              { kind: "textarea", name: "resultsBullets", label: t("synthesis.draft.axis.resultsBullets"), hint: t("synthesis.draft.axis.resultsBulletsHint"), defaultValue: axis.resultsBullets.join("\n"), rows: 6 },
            ]}
            submit={t("synthesis.draft.axis.save")}
          />
          <ChangeSection
            {...form}
            section="nuova-misura"
            heading={t("synthesis.draft.axis.add")}
            id="add"
            action={addMeasureAction.bind(null, locale, round.id, axis.axisId)}
            fields={[axisField, { kind: "textarea", name: "text", label: t("synthesis.draft.form.text"), maxLength: MEASURE_TEXT_MAX, rows: 5, required: true }, ...decisionFormFields(t, locale, null)]}
            submit={t("synthesis.draft.axis.addSubmit")}
          />
          {axis.measures.length > 1 ? (
            <ChangeSection
              {...form}
              section="ordine"
              heading={t("synthesis.draft.axis.reorder")}
              id="reorder"
              action={reorderMeasuresAction.bind(null, locale, round.id, axis.axisId)}
              fields={[
                axisField,
                {
                  kind: "order",
                  name: "measureIds",
                  legend: t("synthesis.draft.axis.order"),
                  hint: t("synthesis.draft.axis.orderHint"),
                  slotLabel: t("synthesis.draft.axis.position"),
                  options: axis.measures.map((measure) => ({ value: measure.measureId, label: `${measure.code} — ${excerpt(measure.text, 80)}` })),
                },
              ]}
              submit={t("synthesis.draft.axis.reorderSubmit")}
            />
          ) : null}
          <AcceptProposals proposals={newMeasureProposals} action={acceptProposalAction.bind(null, locale, round.id, "")} heading={t("synthesis.draft.accept.titleNew")} t={t} />
        </>
      ) : null}
      <p><a href={`${base}/bozza`}>{t("synthesis.draft.backToDraft")}</a></p>
    </>
  );
}
