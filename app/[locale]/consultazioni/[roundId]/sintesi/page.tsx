import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Breadcrumb } from "@/components/layout/breadcrumb";
import { ErrorNotice } from "@/components/layout/error-notice";
import { roundTrail } from "@/components/rounds/round-trail";
import { DashboardAxes, DashboardCategoryResults } from "@/components/synthesis/dashboard/category-results";
import { DashboardMeasureResults } from "@/components/synthesis/dashboard/measure-results";
import { DashboardOpinionGroups } from "@/components/synthesis/dashboard/opinion-groups";
import { getPrisma } from "@/lib/db/client";
import { DECIDERS } from "@/lib/decisions/decisions.policy";
import { roundDraftReviewPath } from "@/lib/decisions/review-address";
import { isAppError } from "@/lib/errors/app-error";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import { getRoundDashboard } from "@/lib/synthesis/get-round-dashboard";
import { currentActor } from "@/lib/web/auth";
import { localizedPath } from "@/lib/web/localized-path";
import { pageContext, rethrowAsPage } from "@/lib/web/page-context";

/**
 * /consultazioni/<round>/sintesi: the facilitators' dashboard of a round (facilitators, admins,
 * officials): results by measure, source and category, rankings, consensus and division, opinion
 * groups, and the way to the triage of proposals and to the draft of the next revision. Staff only:
 * signed-out visitors go to the sign-in page, other roles see a notice. Rendered per request (it reads
 * the session), so the response is not cached.
 */
type Props = { params: Promise<{ locale: string; roundId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await pageContext(params);
  return { title: t("synthesis.dashboard.metaTitle"), robots: { index: false } };
}

export default async function SynthesisDashboardPage({ params }: Props) {
  const { locale, t } = await pageContext(params);
  const { roundId } = await params;
  const actor = await currentActor();
  if (!actor) redirect(localizedPath(locale, "/accedi"));
  const dashboard = await getRoundDashboard(getPrisma(), actor, roundId).catch((error: unknown) => {
    if (isAppError(error) && error.code === "FORBIDDEN") return null;
    return rethrowAsPage(error);
  });
  if (!dashboard) {
    return (
      <ErrorNotice
        title={t("synthesis.dashboard.forbidden.title")}
        message={t("synthesis.dashboard.forbidden.message")}
        homeHref={localizedPath(locale, `/consultazioni/${roundId}`)}
        homeLabel={t("synthesis.dashboard.forbidden.back")}
      />
    );
  }
  const { round } = dashboard;
  const draftReview = (DECIDERS as readonly string[]).includes(actor.role) ? await roundDraftReviewPath(getPrisma(), round.id) : null;
  const base = `/consultazioni/${round.id}`;
  const measureHref = (code: string) => localizedPath(locale, `/piani/${round.planSlug}/misure/${code}`);
  const figures = [
    ["voters", dashboard.voters],
    ["votes", dashboard.total.total],
    ["comments", dashboard.counts.comments],
    ["proposals", dashboard.counts.proposals],
    ["supports", dashboard.counts.proposalSupports],
    ["swot", dashboard.counts.swotEntries],
  ] as const;

  return (
    <>
      <Breadcrumb t={t} items={[...roundTrail(locale, t, round), { label: t("synthesis.dashboard.breadcrumb") }]} />
      <h1>{t("synthesis.dashboard.title", { round: round.title })}</h1>
      <p className="lead">{t("synthesis.dashboard.intro")}</p>
      <p>
        {round.status === "OPEN" || round.status === "SCHEDULED"
          ? t("synthesis.dashboard.liveNote", { date: formatDateTime(round.closesAt, locale) })
          : t("synthesis.dashboard.closedNote", { status: t(`synthesis.dashboard.statuses.${round.status}`) })}
      </p>
      <div className="callout note" role="note">
        <div className="callout-title">{t("synthesis.dashboard.privacyTitle")}</div>
        <p>{t("synthesis.dashboard.privacy", { count: dashboard.minCategoryVoters })}</p>
      </div>

      <nav aria-labelledby="next-steps-title" className="my-4">
        <h2 id="next-steps-title" className="h3">{t("synthesis.dashboard.nextSteps")}</h2>
        <ul>
          <li><a href={localizedPath(locale, `${base}/sintesi/proposte`)}>{t("synthesis.dashboard.triageLink")}</a></li>
          <li><a href={localizedPath(locale, `${base}/sintesi/bozza`)}>{t("synthesis.dashboard.draftLink")}</a></li>
          <li><a href={localizedPath(locale, `${base}/risultati`)}>{t("synthesis.dashboard.publicResultsLink")}</a></li>
          {draftReview ? <li><a href={localizedPath(locale, draftReview.path)}>{t("decisions.linkDraft", { number: draftReview.number })}</a></li> : null}
        </ul>
      </nav>

      <section className="my-5" aria-labelledby="figures-title">
        <h2 id="figures-title" className="h3">{t("synthesis.dashboard.figures.title")}</h2>
        <dl className="row">
          {figures.map(([key, value]) => (
            <div key={key} className="col-6 col-md-4 col-lg-2 mb-2">
              <dt className="small">{t(`synthesis.dashboard.figures.${key}`)}</dt>
              <dd className="h4 mb-0">{formatNumber(value, locale)}</dd>
            </div>
          ))}
        </dl>
        <p className="small">{t("synthesis.dashboard.figures.note")}</p>
      </section>

      <DashboardMeasureResults dashboard={dashboard} locale={locale} t={t} measureHref={measureHref} />
      <DashboardCategoryResults dashboard={dashboard} locale={locale} t={t} />
      <DashboardOpinionGroups dashboard={dashboard} locale={locale} t={t} />
      <DashboardAxes dashboard={dashboard} locale={locale} t={t} />
    </>
  );
}
