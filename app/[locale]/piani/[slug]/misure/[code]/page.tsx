import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { Breadcrumb, plansTrail } from "@/components/layout/breadcrumb";
import { DecisionFieldList } from "@/components/plan/decision-fields";
import { getPrisma } from "@/lib/db/client";
import { formatDate } from "@/lib/i18n/format";
import { isLocale } from "@/lib/i18n/locales";
import { createTranslator } from "@/lib/i18n/translate";
import { getMeasure } from "@/lib/plan/get-measure";
import { measureCodeSchema, planSlugSchema } from "@/lib/plan/plan.schemas";
import { findCurrentRound } from "@/lib/rounds/find-current-round";
import { CommentSection } from "@/components/participation/comment-section";
import { VoteSection } from "@/components/participation/vote-section";
import { MeasureProposals } from "@/components/proposals/measure-proposals";
import { currentActor } from "@/lib/web/auth";
import { localizedPath } from "@/lib/web/localized-path";
import { pageContext, rethrowAsPage } from "@/lib/web/page-context";

type Props = { params: Promise<{ locale: string; slug: string; code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// The metadata and the page ask for the same measure: one read per request (cached by value).
const readMeasure = cache((slug: string, code: string) => getMeasure(getPrisma(), { slug }, code).catch(rethrowAsPage));

async function load(params: Props["params"]) {
  const { slug, code } = await params;
  const parsedSlug = planSlugSchema.safeParse(slug);
  const parsedCode = measureCodeSchema.safeParse(decodeURIComponent(code));
  if (!parsedSlug.success || !parsedCode.success) notFound();
  return readMeasure(parsedSlug.data, parsedCode.data);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const measure = await load(params);
  return { title: createTranslator(isLocale(locale) ? locale : "it")("measure.title", { code: measure.code }) };
}

function sameFields(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = ["text", "timing", "startsOn", "endsOn", "budgetCents", "fundingSource", "department"];
  return keys.every((key) => String(a[key]) === String(b[key]));
}

export default async function MeasurePage({ params, searchParams }: Props) {
  const { locale, t } = await pageContext(params);
  const measure = await load(params);
  const [actor, round, query] = await Promise.all([currentActor(), findCurrentRound(getPrisma(), measure.plan.id), searchParams]);
  const participation = round && measure.current
    ? { locale, t, actor, round, searchParams: query, measure: { id: measure.id, code: measure.code, planId: measure.plan.id, planSlug: measure.plan.slug, axisId: measure.axis.id } }
    : null;
  const planHref = localizedPath(locale, `/piani/${measure.plan.slug}`);
  const shown = measure.current ?? measure.history.at(-1);

  return (
    <>
      <Breadcrumb
        t={t}
        items={[
          ...plansTrail(locale, t),
          { label: measure.plan.title, href: planHref },
          { label: t("measure.title", { code: measure.code }) },
        ]}
      />
      <h1>{t("measure.title", { code: measure.code })}</h1>
      <p>
        <a href={`${planHref}#asse-${measure.axis.number}`}>{t("measure.axis", { number: measure.axis.number, title: measure.axis.title })}</a>
      </p>
      {!measure.current ? (
        <div className="callout warning" role="note">
          <div className="callout-title">{t("measure.retired")}</div>
        </div>
      ) : null}

      {shown ? (
        <>
          <section className="my-4" aria-labelledby="text-title">
            <h2 id="text-title" className="h3">
              {t("measure.text")}
            </h2>
            <p className="lead" lang="it">
              {shown.text}
            </p>
          </section>
          <section className="my-4" aria-labelledby="fields-title">
            <h2 id="fields-title" className="h3">
              {t("measure.decisionFields")}
            </h2>
            <p>{t("measure.decisionFieldsIntro")}</p>
            <DecisionFieldList fields={shown} locale={locale} t={t} />
          </section>
        </>
      ) : null}

      {participation ? (
        <>
          <VoteSection {...participation} />
          <MeasureProposals {...participation} />
          <CommentSection {...participation} />
        </>
      ) : null}

      <section className="my-5" aria-labelledby="history-title">
        <h2 id="history-title" className="h3">
          {t("measure.history")}
        </h2>
        <div className="table-responsive">
          <table className="table">
            <caption>{t("measure.historyCaption", { code: measure.code })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("measure.historyRevision")}</th>
                <th scope="col">{t("measure.historyText")}</th>
                <th scope="col">{t("measure.historyFields")}</th>
              </tr>
            </thead>
            <tbody>
              {measure.history.map((entry, index) => {
                const previous = index > 0 ? measure.history[index - 1] : undefined;
                const note = !previous ? t("measure.introducedIn") : sameFields(entry, previous) ? t("measure.unchangedFromPrevious") : t("measure.changedFromPrevious");
                return (
                  <tr key={entry.revision.number}>
                    <th scope="row">
                      <a href={`${planHref}?revisione=${entry.revision.number}`}>{t("plan.revision", { number: entry.revision.number })}</a>
                      {entry.revision.publishedAt ? <div className="small">{formatDate(entry.revision.publishedAt, locale)}</div> : null}
                      <div className="small text-muted">{note}</div>
                    </th>
                    <td lang="it">{entry.text}</td>
                    <td>
                      <DecisionFieldList fields={entry} locale={locale} t={t} layout="stacked" />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
