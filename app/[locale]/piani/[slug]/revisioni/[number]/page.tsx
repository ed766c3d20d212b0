import type { Metadata } from "next";
import { Breadcrumb } from "@/components/layout/breadcrumb";
import { UserText } from "@/components/participation/user-text";
import { AxisTextsDiff, DiffLegend, MeasureDiffBody } from "@/components/synthesis/public-diff";
import { revisionsTrail } from "@/components/synthesis/revisions-trail";
import { getPrisma } from "@/lib/db/client";
import { formatDate } from "@/lib/i18n/format";
import { isLocale } from "@/lib/i18n/locales";
import { type Translate, createTranslator } from "@/lib/i18n/translate";
import { type RevisionDiff, getRevisionDiff } from "@/lib/synthesis/get-revision-diff";
import { localizedPath } from "@/lib/web/localized-path";
import { pageContext, rethrowAsPage } from "@/lib/web/page-context";

/** A published revision of a plan, word by word against the previous published one. */
type Props = { params: Promise<{ locale: string; slug: string; number: string }> };

async function load(params: Props["params"]): Promise<RevisionDiff> {
  const { slug, number } = await params;
  return getRevisionDiff(getPrisma(), { slug, number }).catch(rethrowAsPage);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const diff = await load(params);
  const t = createTranslator(isLocale(locale) ? locale : "it");
  return { title: `${t("synthesis.revision.metaTitle", { number: diff.revision.number })} · ${diff.plan.title}` };
}

const countKeys = ["added", "retired", "changed", "moved", "unchanged", "axesChanged"] as const;

export default async function RevisionDiffPage({ params }: Props) {
  const { locale, t } = await pageContext(params);
  const { plan, revision, previous, comparison, rationales } = await load(params);
  const planHref = localizedPath(locale, `/piani/${plan.slug}`);
  const readHref = (number: number, current: boolean) => (current ? planHref : `${planHref}?revisione=${number}`);
  const measureHref = (code: string) => localizedPath(locale, `/piani/${plan.slug}/misure/${code}`);
  const axesWithChanges = comparison?.axes.filter((axis) => axis.axisChanged || axis.measures.length > 0) ?? [];

  return (
    <>
      <Breadcrumb t={t} items={[...revisionsTrail(locale, t, plan, true), { label: t("synthesis.revision.breadcrumb", { number: revision.number }) }]} />
      <h1>{t("synthesis.revision.title", { number: revision.number })}</h1>
      <p className="lead">
        <span lang="it">{plan.title}</span>
        {revision.publishedAt ? ` · ${t("synthesis.revision.publishedOn", { date: formatDate(revision.publishedAt, locale) })}` : null}
        {revision.isCurrent ? <span className="badge bg-success ms-2">{t("revisions.current")}</span> : null}
      </p>
      {revision.summary ? (
        <section aria-labelledby="summary-title" className="my-4">
          <h2 id="summary-title" className="h3">{t("synthesis.revision.summary")}</h2>
          <UserText text={revision.summary} lang="it" />
        </section>
      ) : null}
      <ul className="list-unstyled">
        <li>
          <a href={readHref(revision.number, revision.isCurrent)}>{t("synthesis.revision.readFull", { number: revision.number })}</a>
        </li>
        {revision.fromRound ? (
          <li>
            <a href={localizedPath(locale, `/consultazioni/${revision.fromRound.id}/esiti`)}>{t("synthesis.revision.outcomeLink", { round: revision.fromRound.title })}</a>
          </li>
        ) : null}
      </ul>

      {!previous || !comparison ? (
        <p>{t("synthesis.revision.firstRevision")}</p>
      ) : (
        <>
          <section aria-labelledby="counts-title" className="my-4">
            <h2 id="counts-title" className="h3">{t("synthesis.revision.countsTitle")}</h2>
            <p>
              {t("synthesis.revision.comparedWith", { number: previous.number })}{" "}
              <a href={readHref(previous.number, false)}>{t("synthesis.revision.readPrevious", { number: previous.number })}</a>
            </p>
            <ul>
              {countKeys.map((key) => (
                <li key={key}>{t(`synthesis.revision.counts.${key}`, { count: comparison.counts[key] })}</li>
              ))}
            </ul>
          </section>

          <section aria-labelledby="changes-title" className="my-4">
            <h2 id="changes-title" className="h3">{t("synthesis.revision.changesTitle")}</h2>
            {axesWithChanges.length === 0 ? (
              <p>{t("synthesis.revision.noDifferences")}</p>
            ) : (
              <>
                <DiffLegend t={t} />
                {axesWithChanges.map((axis) => {
                  const axisRationales = rationales.filter((item) => item.axisId === axis.axisId && !item.measureId);
                  return (
                    <section key={axis.axisId} aria-labelledby={`axis-${axis.number}`} className="border-top pt-3 mt-4">
                      <h3 id={`axis-${axis.number}`} className="h4">
                        {t("synthesis.revision.axisHeading", { number: axis.number })} <span lang="it">{axis.title}</span>
                        {axis.status !== "kept" ? <span className="badge bg-dark ms-2">{t(`synthesis.revision.axisStatus.${axis.status}`)}</span> : null}
                      </h3>
                      <AxisTextsDiff axis={axis} locale={locale} t={t} />
                      <Rationales items={axisRationales} t={t} />
                      {axis.measures.map((measure) => (
                        <article key={measure.measureId} id={`misura-${measure.code}`} className="my-3" aria-labelledby={`measure-${measure.code}`}>
                          <h4 id={`measure-${measure.code}`} className="h5">
                            <a href={measureHref(measure.code)}>{t("synthesis.revision.measureHeading", { code: measure.code })}</a>{" "}
                            <span className="badge bg-light text-dark border">{t(`synthesis.revision.kind.${measure.kind}`)}</span>
                          </h4>
                          <MeasureDiffBody measure={measure} locale={locale} t={t} />
                          <Rationales items={rationales.filter((item) => item.measureId === measure.measureId)} t={t} />
                        </article>
                      ))}
                      {axis.unchangedMeasures > 0 ? <p className="text-muted">{t("synthesis.revision.unchangedInAxis", { count: axis.unchangedMeasures })}</p> : null}
                    </section>
                  );
                })}
              </>
            )}
          </section>
        </>
      )}
    </>
  );
}

function Rationales({ items, t }: { items: RevisionDiff["rationales"]; t: Translate }) {
  if (items.length === 0) return null;
  return (
    <div className="callout note">
      <div className="callout-title">{t("synthesis.revision.why")}</div>
      {items.map((item, index) => (
        <div key={index}>
          {item.editorial ? <p className="mb-1 fst-italic">{t("synthesis.revision.editorial")}</p> : null}
          <UserText text={item.rationale} lang="it" />
        </div>
      ))}
    </div>
  );
}
