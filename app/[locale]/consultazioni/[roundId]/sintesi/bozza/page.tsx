import { Breadcrumb } from "@/components/layout/breadcrumb";
import { proposalPath } from "@/components/proposals/links";
import { roundTrail } from "@/components/rounds/round-trail";
import { DraftForm } from "@/components/workbench/draft-form";
import { ChangeList, DecisionSummary, formLabels } from "@/components/workbench/draft-view";
import { formatNumber } from "@/lib/i18n/format";
import { SUMMARY_MAX } from "@/lib/synthesis/synthesis.schemas";
import { localizedPath } from "@/lib/web/localized-path";
import { publishAction, startDraftAction } from "./actions";
import { type DraftPageProps, DraftForbidden, DraftOutcome, draftMetadata, readDraftPage } from "./outcome";

export async function generateMetadata({ params }: DraftPageProps) {
  return draftMetadata(params, "synthesis.draft.title");
}

/** /consultazioni/<round>/sintesi/bozza: the draft of the plan's next revision — overview, changes, publishing. */
export default async function DraftPage(props: DraftPageProps) {
  const { locale, t, params, esito, view, base } = await readDraftPage(props);
  if (!view) return <DraftForbidden locale={locale} t={t} roundId={params.roundId} />;
  const { round, draft } = view;
  const published = draft?.status === "PUBLISHED";
  const unanswered = view.unansweredProposals;

  return (
    <>
      <Breadcrumb t={t} items={[...roundTrail(locale, t, round), { label: t("synthesis.triage.dashboard"), href: base }, { label: t("synthesis.draft.title") }]} />
      <h1>{draft ? t("synthesis.draft.heading", { number: draft.number }) : t("synthesis.draft.title")}</h1>
      <DraftOutcome value={esito} t={t} />
      <p className="lead">{t("synthesis.draft.intro", { number: view.consulted.number })}</p>
      <p>
        <a href={`${base}/proposte`}>{t("synthesis.draft.toTriage")}</a>
      </p>

      {!draft ? (
        view.canStartDraft ? (
          <form action={startDraftAction.bind(null, locale, round.id)}>
            <p>{t("synthesis.draft.start.explain")}</p>
            <button type="submit" className="btn btn-primary">{t("synthesis.draft.start.submit")}</button>
          </form>
        ) : (
          <p>{t(round.status === "OPEN" || round.status === "SCHEDULED" ? "synthesis.draft.start.notClosed" : "synthesis.draft.start.notAllowed")}</p>
        )
      ) : (
        <>
          {published ? (
            <div className="alert alert-info" role="status">
              <p className="mb-2">{t("synthesis.draft.published")}</p>
              <p className="mb-0">
                <a href={localizedPath(locale, `/piani/${round.planSlug}/revisioni/${draft.number}`)} className="me-3">{t("synthesis.draft.publicRevision")}</a>
                <a href={localizedPath(locale, `/consultazioni/${round.id}/esiti`)}>{t("synthesis.draft.publicOutcome")}</a>
              </p>
            </div>
          ) : null}

          <section className="my-4" aria-labelledby="stato-proposte">
            <h2 id="stato-proposte" className="h4">{t("synthesis.draft.unanswered.title")}</h2>
            <p>
              {unanswered === 0 ? t("synthesis.draft.unanswered.none") : t("synthesis.draft.unanswered.count", { count: unanswered, number: formatNumber(unanswered, locale) })}
            </p>
            {unanswered > 0 ? (
              <p>
                <a href={`${base}/proposte`} className="me-3">{t("synthesis.draft.unanswered.toTriage")}</a>
                <a href={`${localizedPath(locale, `/consultazioni/${round.id}/proposte`)}?stato=aperta`}>{t("synthesis.draft.unanswered.toAnswer")}</a>
              </p>
            ) : null}
          </section>

          {draft.axes.map((axis) => (
            <section key={axis.axisId} className="my-5" aria-labelledby={`asse-${axis.number}`}>
              <h2 id={`asse-${axis.number}`} className="h3">
                {t("synthesis.draft.axisNumber", { number: axis.number })}: <span lang="it">{axis.title}</span>
              </h2>
              {view.canEdit ? (
                <p>
                  <a href={`${base}/bozza/assi/${axis.axisId}`}>
                    {t("synthesis.draft.editAxis")}<span className="visually-hidden"> {axis.number}</span>
                  </a>
                </p>
              ) : null}
              {axis.resultsIntro || axis.resultsBullets.length > 0 ? (
                <div className="mb-3">
                  <h3 className="h6">{t("synthesis.draft.expectedResults")}</h3>
                  {axis.resultsIntro ? <p className="mb-1" lang="it">{axis.resultsIntro}</p> : null}
                  <ul lang="it">{axis.resultsBullets.map((bullet, index) => <li key={index}>{bullet}</li>)}</ul>
                </div>
              ) : null}
              <ol className="list-unstyled">
                {axis.measures.map((measure) => (
                  <li key={measure.measureId} id={`misura-${measure.measureId}`} className="border-top py-3">
                    <h3 className="h5">
                      {t("synthesis.draft.measureCode", { code: measure.code })}
                      {measure.changeKinds.map((kind) => <span key={kind} className="badge bg-light text-dark border ms-2">{t(`synthesis.changeKinds.${kind}`)}</span>)}
                    </h3>
                    <p lang="it" className="mb-2">{measure.text}</p>
                    <DecisionSummary fields={measure.decision} locale={locale} t={t} />
                    {measure.consulted && measure.consulted.text !== measure.text ? (
                      <details className="mb-2">
                        <summary>{t("synthesis.draft.consultedText")}</summary>
                        <p lang="it" className="border-start ps-3 mt-2">{measure.consulted.text}</p>
                      </details>
                    ) : null}
                    {view.canEdit ? (
                      <a href={`${base}/bozza/misure/${measure.measureId}`}>
                        {t("synthesis.draft.editMeasure")}<span className="visually-hidden"> {measure.code}</span>
                      </a>
                    ) : null}
                  </li>
                ))}
              </ol>
              {axis.retired.length > 0 ? (
                <>
                  <h3 className="h6">{t("synthesis.draft.retired")}</h3>
                  <ul>{axis.retired.map((measure) => <li key={measure.measureId}><del>{t("synthesis.draft.measureCode", { code: measure.code })}</del>: <span lang="it">{measure.text}</span></li>)}</ul>
                </>
              ) : null}
            </section>
          ))}

          <section className="my-5" aria-labelledby="modifiche">
            <h2 id="modifiche" className="h3">{t("synthesis.draft.changes.title", { count: draft.changes.length })}</h2>
            <ChangeList changes={draft.changes} locale={locale} t={t} proposalHref={(id) => proposalPath(locale, round.id, id)} />
          </section>

          {view.canEdit ? (
            <section className="my-5" aria-labelledby="pubblica">
              <h2 id="pubblica" className="h3">{t("synthesis.draft.publish.title")}</h2>
              <p>{t("synthesis.draft.publish.explain")}</p>
              <DraftForm
                id="publish"
                action={publishAction.bind(null, locale, round.id)}
                fields={[{ kind: "textarea", name: "summary", label: t("synthesis.draft.publish.summary"), hint: t("synthesis.draft.publish.summaryHint"), maxLength: SUMMARY_MAX, rows: 5, required: true, defaultValue: draft.summary }]}
                labels={formLabels(t, t("synthesis.draft.publish.submit"), unanswered > 0 ? t("synthesis.draft.publish.blocked", { count: unanswered, number: formatNumber(unanswered, locale) }) : undefined)}
              />
              {unanswered > 0 ? (
                <p className="mt-2">
                  <a href={`${base}/proposte`}>{t("synthesis.draft.unanswered.toTriage")}</a>
                </p>
              ) : null}
            </section>
          ) : null}
        </>
      )}
    </>
  );
}
