import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/layout/breadcrumb";
import { revisionsTrail } from "@/components/synthesis/revisions-trail";
import { getPrisma } from "@/lib/db/client";
import { formatDate } from "@/lib/i18n/format";
import { isLocale } from "@/lib/i18n/locales";
import { createTranslator } from "@/lib/i18n/translate";
import { listRevisions } from "@/lib/plan/list-revisions";
import { planSlugSchema } from "@/lib/plan/plan.schemas";
import { localizedPath } from "@/lib/web/localized-path";
import { pageContext, rethrowAsPage } from "@/lib/web/page-context";

type Props = { params: Promise<{ locale: string; slug: string }> };

async function load(params: Props["params"]) {
  const parsedSlug = planSlugSchema.safeParse((await params).slug);
  if (!parsedSlug.success) notFound();
  return listRevisions(getPrisma(), { slug: parsedSlug.data }).catch(rethrowAsPage);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const { plan } = await load(params);
  return { title: `${createTranslator(isLocale(locale) ? locale : "it")("revisions.title")} · ${plan.title}` };
}

export default async function RevisionsPage({ params }: Props) {
  const { locale, t } = await pageContext(params);
  const { plan, revisions } = await load(params);
  const planHref = localizedPath(locale, `/piani/${plan.slug}`);
  return (
    <>
      <Breadcrumb t={t} items={revisionsTrail(locale, t, plan, false)} />
      <h1>{t("revisions.title")}</h1>
      <p className="lead">{t("revisions.intro")}</p>
      {revisions.length === 0 ? (
        <p>{t("revisions.none")}</p>
      ) : (
        <div className="table-responsive">
          <table className="table">
            <caption>{t("revisions.caption", { plan: plan.title })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("revisions.number")}</th>
                <th scope="col">{t("revisions.publishedAt")}</th>
                <th scope="col">{t("revisions.counts")}</th>
                <th scope="col">{t("revisions.summary")}</th>
                <th scope="col">{t("synthesis.revision.listColumn")}</th>
              </tr>
            </thead>
            <tbody>
              {revisions.map((revision) => (
                <tr key={revision.number}>
                  <th scope="row">
                    <a href={revision.isCurrent ? planHref : `${planHref}?revisione=${revision.number}`}>{t("revisions.view", { number: revision.number })}</a>
                    {revision.isCurrent ? <span className="badge bg-success ms-2">{t("revisions.current")}</span> : null}
                  </th>
                  <td>{revision.publishedAt ? formatDate(revision.publishedAt, locale) : "—"}</td>
                  <td>{t("revisions.countsValue", { axes: revision.axes, measures: revision.measures })}</td>
                  <td>{revision.summary || (revision.number === 1 ? t("revisions.firstRevisionSummary") : "—")}</td>
                  <td>
                    <a href={localizedPath(locale, `/piani/${plan.slug}/revisioni/${revision.number}`)}>{t("synthesis.revision.listLink", { number: revision.number })}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
