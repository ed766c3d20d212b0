import type { Metadata } from "next";
import { Breadcrumb, plansTrail } from "@/components/layout/breadcrumb";
import { ForDeciders } from "@/components/decisions/decisions-link";
import { DecisionFieldList } from "@/components/plan/decision-fields";
import { PlainText } from "@/components/plan/plain-text";
import { getPrisma } from "@/lib/db/client";
import { formatDate } from "@/lib/i18n/format";
import { decisionReviewPath } from "@/lib/decisions/review-address";
import { getPlan } from "@/lib/plan/get-plan";
import { planPageSearchSchema, planSlugSchema } from "@/lib/plan/plan.schemas";
import { localizedPath } from "@/lib/web/localized-path";
import { pageContext, rethrowAsPage } from "@/lib/web/page-context";
import { notFound } from "next/navigation";
import { cache } from "react";

type Props = { params: Promise<{ locale: string; slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function load({ params, searchParams }: Props) {
  const parsedSlug = planSlugSchema.safeParse((await params).slug);
  const search = planPageSearchSchema.safeParse(await searchParams);
  if (!parsedSlug.success || !search.success) notFound();
  return readPlan(parsedSlug.data, search.data.revisione);
}

// The metadata and the page ask for the same plan: one read per request (cached by value).
const readPlan = cache((slug: string, revision: number | undefined) => getPlan(getPrisma(), { slug }, revision).catch(rethrowAsPage));

export async function generateMetadata(props: Props): Promise<Metadata> {
  const plan = await load(props);
  return { title: plan.title };
}

export default async function PlanPage(props: Props) {
  const { locale, t } = await pageContext(props.params);
  const plan = await load(props);
  const planHref = localizedPath(locale, `/piani/${plan.slug}`);
  const isCurrent = plan.revision.number === plan.currentRevisionNumber;

  return (
    <>
      <Breadcrumb
        t={t}
        items={[
          ...plansTrail(locale, t),
          { label: plan.title },
        ]}
      />
      <p className="category-top mb-1">{plan.issuer}</p>
      <h1 lang="it">{plan.title}</h1>
      {plan.subtitle ? (
        <p className="lead" lang="it">
          {plan.subtitle}
        </p>
      ) : null}
      <p>
        <span className="badge bg-primary me-2">{t("plan.revision", { number: plan.revision.number })}</span>
        {plan.revision.publishedAt ? t("plan.publishedOn", { date: formatDate(plan.revision.publishedAt, locale) }) : null}
        {" · "}
        <a href={`${planHref}/revisioni`}>{t("home.seeRevisions")}</a>
        {" · "}
        <a href={`${planHref}/attuazione`}>{t("accountability.planLink")}</a>
        {plan.currentRevisionNumber !== null ? (
          <ForDeciders>
            {" · "}
            <a href={localizedPath(locale, decisionReviewPath(plan.slug, plan.currentRevisionNumber))}>{t("decisions.link")}</a>
          </ForDeciders>
        ) : null}
      </p>
      {!isCurrent ? (
        <div className="callout warning" role="note">
          <div className="callout-title">{t("plan.viewingOldRevision", { number: plan.revision.number })}</div>
          <p>
            <a href={planHref}>{t("plan.goToCurrent")}</a>
          </p>
        </div>
      ) : null}

      {plan.introduction ? (
        <section className="my-4" aria-labelledby="strategy-title">
          <h2 id="strategy-title">{t("plan.strategy")}</h2>
          <PlainText text={plan.introduction} lang="it" />
        </section>
      ) : null}

      <nav className="my-4" aria-labelledby="contents-title" id="indice">
        <h2 id="contents-title">{t("plan.contents")}</h2>
        <ol className="list-unstyled">
          {plan.axes.map((axis) => (
            <li key={axis.id} className="mb-1">
              <a href={`#asse-${axis.number}`}>{t("plan.axisHeading", { number: axis.number, title: axis.title })}</a>{" "}
              <span className="text-muted">({t("home.measuresCount", { count: axis.measures.length })})</span>
            </li>
          ))}
        </ol>
      </nav>

      {plan.axes.map((axis) => (
        <section key={axis.id} id={`asse-${axis.number}`} className="my-5 pt-3 border-top" aria-labelledby={`asse-${axis.number}-title`}>
          <h2 id={`asse-${axis.number}-title`}>{t("plan.axisHeading", { number: axis.number, title: axis.title })}</h2>

          <h3 className="h4 mt-4">{t("plan.expectedResults")}</h3>
          <div lang="it">
            {axis.resultsIntro ? <p>{axis.resultsIntro}</p> : null}
            {axis.resultsBullets.length > 0 ? (
              <ul>
                {axis.resultsBullets.map((bullet, index) => (
                  <li key={index}>{bullet}</li>
                ))}
              </ul>
            ) : null}
          </div>
          {axis.resultsBullets.length === 0 ? <p className="text-muted">{t("plan.noExpectedResultBullets")}</p> : null}

          <h3 className="h4 mt-4">{t("plan.measures")}</h3>
          {axis.measuresIntro ? <p lang="it">{axis.measuresIntro}</p> : null}
          {axis.measures.length === 0 ? <p>{t("plan.noMeasures")}</p> : null}
          <ol className="list-unstyled">
            {axis.measures.map((measure) => (
              <li key={measure.id} className="consulta-measure" id={`misura-${measure.code}`}>
                <h4 className="h5">
                  <a href={`${planHref}/misure/${measure.code}`}>
                    <span className="consulta-measure-code">{t("plan.measureLabel", { code: measure.code })}</span>
                  </a>
                </h4>
                <p lang="it">{measure.text}</p>
                <DecisionFieldList fields={measure} locale={locale} t={t} />
              </li>
            ))}
          </ol>
          <p>
            <a href="#indice">{t("plan.backToTop")}</a>
          </p>
        </section>
      ))}
    </>
  );
}
