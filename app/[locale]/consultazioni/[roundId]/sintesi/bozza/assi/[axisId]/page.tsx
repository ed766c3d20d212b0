import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/layout/breadcrumb";
import { roundTrail } from "@/components/rounds/round-trail";
import { DraftForm } from "@/components/workbench/draft-form";
import { AcceptProposals, decisionFormFields, formLabels, linkPicker, rationaleLabels, shortText } from "@/components/workbench/draft-view";
import { getPrisma } from "@/lib/db/client";
import { getChangeLinkCandidates } from "@/lib/synthesis/get-change-link-candidates";
import { getRevisionDraft } from "@/lib/synthesis/get-revision-draft";
import { AXIS_RESULTS_INTRO_MAX, AXIS_TITLE_MAX, MEASURE_TEXT_MAX } from "@/lib/synthesis/synthesis.schemas";
import { currentActor } from "@/lib/web/auth";
import { localizedPath } from "@/lib/web/localized-path";
import { pageContext } from "@/lib/web/page-context";
import { staffRead } from "../../../staff-read";
import { acceptProposalAction, addMeasureAction, changeAxisAction, reorderMeasuresAction } from "../../actions";
import { DraftForbidden, DraftOutcome } from "../../outcome";

type Props = { params: Promise<{ locale: string; roundId: string; axisId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await pageContext(params);
  return { title: t("synthesis.draft.axis.title"), robots: { index: false } };
}

/** /consultazioni/<round>/sintesi/bozza/assi/<axis>: an axis of the draft — expected results, new measures, order, new-measure proposals. */
export default async function DraftAxisPage({ params, searchParams }: Props) {
  const { locale, t } = await pageContext(params);
  const { roundId, axisId } = await params;
  const query = await searchParams;
  const actor = await currentActor();
  const view = await staffRead(locale, getRevisionDraft(getPrisma(), actor, roundId));
  if (!view) return <DraftForbidden locale={locale} t={t} roundId={roundId} />;
  const { round, draft } = view;
  const axis = draft?.axes.find((candidate) => candidate.axisId === axisId);
  if (!draft || !axis) notFound();
  const base = localizedPath(locale, `/consultazioni/${round.id}/sintesi`);
  const candidates = await getChangeLinkCandidates(getPrisma(), actor, round.id, { axisId });
  const newMeasureProposals = candidates.proposals.filter((proposal) => proposal.status === "OPEN" && proposal.kind === "NEW_MEASURE");
  const heading = t("synthesis.draft.axis.heading", { number: axis.number });

  return (
    <>
      <Breadcrumb t={t} items={[...roundTrail(locale, t, round), { label: t("synthesis.triage.dashboard"), href: base }, { label: t("synthesis.draft.title"), href: `${base}/bozza` }, { label: heading }]} />
      <h1>
        {heading}: <span lang="it">{axis.title}</span>
      </h1>
      <DraftOutcome value={query.esito} t={t} />
      <h2 className="h4">{t("synthesis.draft.axis.measures")}</h2>
      <ol>
        {axis.measures.map((measure) => (
          <li key={measure.measureId}>
            <a href={`${base}/bozza/misure/${measure.measureId}`}>{t("synthesis.draft.measureCode", { code: measure.code })}</a>: <span lang="it">{shortText(measure.text)}</span>
          </li>
        ))}
      </ol>

      {view.canEdit ? (
        <>
          <section className="my-5" aria-labelledby="risultati">
            <h2 id="risultati" className="h3">{t("synthesis.draft.axis.edit")}</h2>
            <DraftForm
              id="axis"
              action={changeAxisAction.bind(null, locale, round.id, axis.axisId)}
              fields={[
                { kind: "hidden", name: "axisId", value: axis.axisId },
                { kind: "text", name: "title", label: t("synthesis.draft.axis.axisTitle"), defaultValue: axis.title, maxLength: AXIS_TITLE_MAX, required: true },
                { kind: "textarea", name: "resultsIntro", label: t("synthesis.draft.axis.resultsIntro"), defaultValue: axis.resultsIntro, maxLength: AXIS_RESULTS_INTRO_MAX, rows: 3 },
                { kind: "textarea", name: "resultsBullets", label: t("synthesis.draft.axis.resultsBullets"), hint: t("synthesis.draft.axis.resultsBulletsHint"), defaultValue: axis.resultsBullets.join("\n"), rows: 6 },
              ]}
              rationale={rationaleLabels(t)}
              links={linkPicker(t, locale, candidates)}
              labels={formLabels(t, t("synthesis.draft.axis.save"))}
            />
          </section>

          <section className="my-5" aria-labelledby="nuova-misura">
            <h2 id="nuova-misura" className="h3">{t("synthesis.draft.axis.add")}</h2>
            <DraftForm
              id="add"
              action={addMeasureAction.bind(null, locale, round.id, axis.axisId)}
              fields={[
                { kind: "hidden", name: "axisId", value: axis.axisId },
                { kind: "textarea", name: "text", label: t("synthesis.draft.form.text"), maxLength: MEASURE_TEXT_MAX, rows: 5, required: true },
                ...decisionFormFields(t, locale, null),
              ]}
              rationale={rationaleLabels(t)}
              links={linkPicker(t, locale, candidates)}
              labels={formLabels(t, t("synthesis.draft.axis.addSubmit"))}
            />
          </section>

          {axis.measures.length > 1 ? (
            <section className="my-5" aria-labelledby="ordine">
              <h2 id="ordine" className="h3">{t("synthesis.draft.axis.reorder")}</h2>
              <DraftForm
                id="reorder"
                action={reorderMeasuresAction.bind(null, locale, round.id, axis.axisId)}
                fields={[
                  { kind: "hidden", name: "axisId", value: axis.axisId },
                  {
                    kind: "order",
                    name: "measureIds",
                    legend: t("synthesis.draft.axis.order"),
                    hint: t("synthesis.draft.axis.orderHint"),
                    slotLabel: t("synthesis.draft.axis.position"),
                    options: axis.measures.map((measure) => ({ value: measure.measureId, label: `${measure.code} — ${shortText(measure.text, 80)}` })),
                  },
                ]}
                rationale={rationaleLabels(t)}
                links={linkPicker(t, locale, candidates)}
                labels={formLabels(t, t("synthesis.draft.axis.reorderSubmit"))}
              />
            </section>
          ) : null}

          <AcceptProposals proposals={newMeasureProposals} action={acceptProposalAction.bind(null, locale, round.id, "")} heading={t("synthesis.draft.accept.titleNew")} t={t} />
        </>
      ) : null}
      <p><a href={`${base}/bozza`}>{t("synthesis.draft.backToDraft")}</a></p>
    </>
  );
}
