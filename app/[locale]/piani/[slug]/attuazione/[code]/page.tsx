import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { MeasureStatus } from "@/components/accountability/accountability-parts";
import { ProgressUpdateForm } from "@/components/accountability/progress-update-form";
import { ImplementationStatusBadge } from "@/components/accountability/status-badge";
import { emptyFormState } from "@/components/auth/form-state";
import { FormMessage } from "@/components/forms/fields";
import { Breadcrumb, plansTrail } from "@/components/layout/breadcrumb";
import { DataTable } from "@/components/layout/data-table";
import { DecisionFieldList } from "@/components/plan/decision-fields";
import { UserText } from "@/components/participation/user-text";
import { implementationStatuses } from "@/lib/accountability/accountability.schemas";
import { getMeasureProgress } from "@/lib/accountability/get-measure-progress";
import { getPrisma } from "@/lib/db/client";
import { DECIDERS } from "@/lib/decisions/decisions.policy";
import { formatDate, formatDateTime, formatNumber } from "@/lib/i18n/format";
import { isLocale } from "@/lib/i18n/locales";
import { createTranslator } from "@/lib/i18n/translate";
import { measureCodeSchema, planSlugSchema } from "@/lib/plan/plan.schemas";
import { currentActor } from "@/lib/web/auth";
import { localizedPath } from "@/lib/web/localized-path";
import { pageContext, rethrowAsPage } from "@/lib/web/page-context";
import { recordProgressUpdateAction } from "./actions";

/**
 * A measure's public progress page: its decision fields and note, the published decisions' history
 * (dates only, never who), its dated updates; officials and admins also get the form to add one.
 * The page reads the visitor's session, so it is rendered per request and never stored.
 */
type Props = { params: Promise<{ locale: string; slug: string; code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// The metadata and the page ask for the same measure: one read per request (cached by value).
const read = cache((slug: string, code: string) => getMeasureProgress(getPrisma(), { slug }, code).catch(rethrowAsPage));

async function load(params: Props["params"]) {
  const { slug, code } = await params;
  const parsedSlug = planSlugSchema.safeParse(slug);
  const parsedCode = measureCodeSchema.safeParse(decodeURIComponent(code));
  if (!parsedSlug.success || !parsedCode.success) notFound();
  return read(parsedSlug.data, parsedCode.data);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const view = await load(params);
  return { title: createTranslator(isLocale(locale) ? locale : "it")("accountability.measure.metaTitle", { code: view.measure.code }) };
}

export default async function MeasureProgressPage({ params, searchParams }: Props) {
  const { locale, t } = await pageContext(params);
  const view = await load(params);
  const [actor, query] = await Promise.all([currentActor(), searchParams]);
  const { plan, measure } = view;
  const planHref = localizedPath(locale, `/piani/${plan.slug}`);
  const base = `${planHref}/attuazione`;
  const canUpdate = actor !== null && actor.liveGuestOfId === null && (DECIDERS as readonly string[]).includes(actor.role);
  const percent = (value: number) => formatNumber(value, locale);

  return (
    <>
      <Breadcrumb
        t={t}
        items={[
          ...plansTrail(locale, t),
          { label: plan.title, href: planHref },
          { label: t("accountability.breadcrumb"), href: base },
          { label: t("accountability.measures.measureLabel", { code: measure.code }) },
        ]}
      />
      <h1>{t("accountability.measure.title", { code: measure.code })}</h1>
      <p>
        <a href={`${base}#asse-${view.axis.number}`}>{t("accountability.measure.axis", { number: view.axis.number, title: view.axis.title })}</a>
        {" · "}
        <a href={`${planHref}/misure/${measure.code}`}>{t("accountability.measure.planMeasure", { code: measure.code })}</a>
      </p>
      {query.esito === "aggiornamento-pubblicato" ? <FormMessage kind="success" message={t("accountability.form.published")} /> : null}

      <section className="my-4" aria-labelledby="text-title">
        <h2 id="text-title" className="h3">{t("accountability.measure.text")}</h2>
        <p className="lead" lang="it">{measure.text}</p>
      </section>

      <section className="my-4" aria-labelledby="decision-title" id="decisione">
        <h2 id="decision-title" className="h3">{t("accountability.measure.decision")}</h2>
        <p>{t("accountability.measure.decisionIntro")}</p>
        <DecisionFieldList fields={measure.fields} locale={locale} t={t} />
        {measure.decision ? (
          <>
            <p className="small">{t("accountability.measure.decidedOn", { date: formatDate(measure.decision.publishedAt, locale) })}</p>
            <h3 className="h5">{t("accountability.measure.note")}</h3>
            {measure.decision.note ? <UserText text={measure.decision.note} lang="it" /> : <p>{t("accountability.measure.noNote")}</p>}
          </>
        ) : (
          <p>{t("accountability.measure.noDecision")}</p>
        )}
      </section>

      <section className="my-4" aria-labelledby="progress-title" id="avanzamento">
        <h2 id="progress-title" className="h3">{t("accountability.measure.progressTitle")}</h2>
        <MeasureStatus measure={measure} locale={locale} t={t} />
      </section>

      <section className="my-5" aria-labelledby="updates-title" id="aggiornamenti">
        <h2 id="updates-title" className="h3">{t("accountability.measure.updates")}</h2>
        {view.updates.length === 0 ? (
          <p>{t("accountability.measure.noUpdates")}</p>
        ) : (
          <>
            <p>{t("accountability.measure.updatesIntro")}</p>
            <ol className="list-unstyled" id="elenco-aggiornamenti">
              {view.updates.map((update) => (
                <li key={update.id} className="border-bottom py-3" id={`aggiornamento-${update.id}`}>
                  <h3 className="h6 mb-1">
                    <time dateTime={update.createdAt.toISOString()}>{t("accountability.measure.updateOn", { date: formatDateTime(update.createdAt, locale) })}</time>
                  </h3>
                  <p className="mb-1">
                    <ImplementationStatusBadge status={update.status} t={t} />{" "}
                    <span>{t("accountability.measure.updateStatus", { status: t(`accountability.status.${update.status}`), percent: percent(update.progressPercent) })}</span>
                  </p>
                  <UserText text={update.text} lang="it" />
                </li>
              ))}
            </ol>
          </>
        )}
      </section>

      {canUpdate ? (
        <section className="my-5" aria-labelledby="form-title" id="nuovo-aggiornamento">
          <h2 id="form-title" className="h3">{t("accountability.form.title")}</h2>
          <p>{t("accountability.form.intro")}</p>
          <ProgressUpdateForm
            action={recordProgressUpdateAction.bind(null, locale, { planSlug: plan.slug, code: measure.code, measureId: measure.id })}
            initial={emptyFormState}
            statuses={implementationStatuses.map((status) => ({ value: status, label: t(`accountability.status.${status}`) }))}
            labels={{
              errorSummary: t("accountability.form.errorSummary"),
              status: t("accountability.form.status"),
              choose: t("accountability.form.choose"),
              percent: t("accountability.form.percent"),
              percentHint: t("accountability.form.percentHint"),
              text: t("accountability.form.text"),
              textHint: t("accountability.form.textHint"),
              submit: t("accountability.form.submit"),
            }}
          />
        </section>
      ) : null}

      <section className="my-5" aria-labelledby="history-title" id="storico">
        <h2 id="history-title" className="h3">{t("accountability.measure.history")}</h2>
        {view.decisionVersions.length === 0 ? (
          <p>{t("accountability.measure.noHistory")}</p>
        ) : (
          <DataTable caption={t("accountability.measure.historyCaption", { code: measure.code })} className="table">
            <thead>
              <tr>
                <th scope="col">{t("accountability.measure.historyVersion")}</th>
                <th scope="col">{t("accountability.measure.historyDates")}</th>
                <th scope="col">{t("accountability.measure.historyFields")}</th>
                <th scope="col">{t("accountability.measure.historyNote")}</th>
              </tr>
            </thead>
            <tbody>
              {view.decisionVersions.map((version) => (
                <tr key={`${version.revisionNumber}-${version.version}`}>
                  <th scope="row">{t("accountability.measure.historyVersionLabel", { revision: version.revisionNumber, version: version.version })}</th>
                  <td>
                    <div>{t("accountability.measure.decidedAt", { date: formatDate(version.decidedAt, locale) })}</div>
                    <div>{t("accountability.measure.publishedAt", { date: formatDate(version.publishedAt, locale) })}</div>
                  </td>
                  <td><DecisionFieldList fields={version.fields} locale={locale} t={t} layout="stacked" /></td>
                  <td>{version.note ? <UserText text={version.note} lang="it" /> : t("accountability.measure.noNote")}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </section>

      <p>
        <a href={base}>{t("accountability.measure.back")}</a>
      </p>
    </>
  );
}
