import type { Metadata } from "next";
import { Breadcrumb } from "@/components/layout/breadcrumb";
import { getPrisma } from "@/lib/db/client";
import { formatDate } from "@/lib/i18n/format";
import { isLocale } from "@/lib/i18n/locales";
import { createTranslator } from "@/lib/i18n/translate";
import { listPlans } from "@/lib/plan/list-plans";
import { localizedPath } from "@/lib/web/localized-path";
import { pageContext } from "@/lib/web/page-context";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: createTranslator(isLocale(locale) ? locale : "it")("plans.title") };
}

export default async function PlansPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, t } = await pageContext(params);
  const plans = await listPlans(getPrisma());
  return (
    <>
      <Breadcrumb t={t} items={[{ label: t("common.home"), href: localizedPath(locale, "/") }, { label: t("plans.title") }]} />
      <h1>{t("plans.title")}</h1>
      {plans.length === 0 ? <p>{t("home.noPlan")}</p> : null}
      <ul className="list-unstyled">
        {plans.map((plan) => (
          <li key={plan.id} className="card card-bg mb-3">
            <div className="card-body">
              <p className="category-top mb-2">{plan.issuer}</p>
              <h2 className="card-title h4">
                <a href={localizedPath(locale, `/piani/${plan.slug}`)}>{plan.title}</a>
              </h2>
              {plan.subtitle ? <p className="card-text">{plan.subtitle}</p> : null}
              <p className="card-text mb-0">
                {plan.currentRevision?.publishedAt
                  ? t("home.currentRevision", { number: plan.currentRevision.number, date: formatDate(plan.currentRevision.publishedAt, locale) })
                  : t("home.noPublishedRevision")}
                {" · "}
                {t("revisions.countsValue", { axes: plan.axes, measures: plan.measures })}
              </p>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
