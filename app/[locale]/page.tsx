import { getPrisma } from "@/lib/db/client";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import { getPlan } from "@/lib/plan/get-plan";
import { listPlans } from "@/lib/plan/list-plans";
import { countAnsweredFields } from "@/lib/plan/plan-read";
import { localizedPath } from "@/lib/web/localized-path";
import { pageContext } from "@/lib/web/page-context";
import { HomeRoundsSummary } from "@/components/rounds/home-rounds";
import { findOpenAndNextRound } from "@/lib/rounds/find-current-round";

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, t } = await pageContext(params);
  const db = getPrisma();
  const plans = await listPlans(db);
  const main = plans.find((plan) => plan.currentRevision !== null);

  if (!main) {
    return (
      <>
        <h1>{t("home.title")}</h1>
        <p className="lead">{t("home.noPlan")}</p>
      </>
    );
  }

  const plan = await getPlan(db, { slug: main.slug });
  const measures = plan.axes.flatMap((axis) => axis.measures);
  const expectedResults = plan.axes.reduce((sum, axis) => sum + axis.resultsBullets.length, 0);
  const answered = measures.reduce((sum, measure) => sum + countAnsweredFields(measure), 0);
  const planHref = localizedPath(locale, `/piani/${plan.slug}`);
  const stats: Array<[string, string]> = [
    [t("home.stats.axes"), formatNumber(plan.axes.length, locale)],
    [t("home.stats.measures"), formatNumber(measures.length, locale)],
    [t("home.stats.expectedResults"), formatNumber(expectedResults, locale)],
    [t("home.stats.decidedFields"), t("home.stats.decidedFieldsValue", { decided: formatNumber(answered, locale), total: formatNumber(measures.length * 4, locale) })],
  ];

  return (
    <>
      <h1>{t("home.title")}</h1>
      <p className="lead">{t("home.intro")}</p>

      <section className="card-wrapper my-4" aria-labelledby="main-plan-title">
        <div className="card card-bg">
          <div className="card-body">
            <p className="category-top mb-2">{plan.issuer}</p>
            <h2 id="main-plan-title" className="card-title h3">
              {plan.title}
            </h2>
            {plan.subtitle ? <p className="card-text">{plan.subtitle}</p> : null}
            <p className="card-text">
              {plan.revision.publishedAt
                ? t("home.currentRevision", { number: plan.revision.number, date: formatDate(plan.revision.publishedAt, locale) })
                : t("home.noPublishedRevision")}
            </p>
            <h3 className="h5 mt-4">{t("home.stats.heading")}</h3>
            <dl className="row">
              {stats.map(([label, value]) => (
                <div key={label} className="col-6 col-lg-3">
                  <dt className="fw-normal">{label}</dt>
                  <dd className="h4 mb-0">{value}</dd>
                </div>
              ))}
            </dl>
            <p className="mb-0 mt-3">
              <a className="btn btn-primary me-2 mb-2" href={planHref}>
                {t("home.readPlan")}
              </a>
              <a className="btn btn-outline-primary mb-2" href={localizedPath(locale, `/piani/${plan.slug}/revisioni`)}>
                {t("home.seeRevisions")}
              </a>
            </p>
          </div>
        </div>
      </section>

      <section className="my-5" aria-labelledby="axes-title">
        <h2 id="axes-title">{t("home.axesHeading")}</h2>
        <ol className="list-unstyled row">
          {plan.axes.map((axis) => (
            <li key={axis.id} className="col-12 col-md-6 mb-3">
              <div className="card card-bg h-100">
                <div className="card-body">
                  <h3 className="card-title h5">
                    <a href={`${planHref}#asse-${axis.number}`}>{t("plan.axisHeading", { number: axis.number, title: axis.title })}</a>
                  </h3>
                  <p className="card-text">{axis.resultsIntro}</p>
                  <p className="card-text fw-semibold">{t("home.measuresCount", { count: axis.measures.length })}</p>
                </div>
              </div>
            </li>
          ))}
        </ol>
      </section>

      <section className="my-5" aria-labelledby="consultation-title">
        <h2 id="consultation-title">{t("home.consultation.heading")}</h2>
        <HomeRoundsSummary rounds={await findOpenAndNextRound(db, plan.id)} locale={locale} t={t} fallback={t("home.consultation.none")} />
      </section>

      {plans.length > 1 ? (
        <section className="my-5" aria-labelledby="other-plans-title">
          <h2 id="other-plans-title">{t("home.otherPlans")}</h2>
          <ul>
            {plans
              .filter((other) => other.id !== main.id)
              .map((other) => (
                <li key={other.id}>
                  <a href={localizedPath(locale, `/piani/${other.slug}`)}>{other.title}</a> — {other.issuer}
                </li>
              ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
