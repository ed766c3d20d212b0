import type { Metadata } from "next";
import { Breadcrumb } from "@/components/layout/breadcrumb";
import { roundsTrail } from "@/components/rounds/round-trail";
import { AxisComments } from "@/components/participation/axis-comments";
import type { RoundSectionProps } from "@/components/participation/measure-participation-props";
import { RoundResultsSummary } from "@/components/participation/round-results-summary";
import { UserText } from "@/components/participation/user-text";
import { RoundProposals } from "@/components/proposals/round-proposals";
import { RoundSwot } from "@/components/proposals/round-swot";
import { MeetingList } from "@/components/rounds/meeting-list";
import { OutcomeNotice } from "@/components/rounds/outcome-notice";
import { RoundDates } from "@/components/rounds/round-dates";
import { RoundManagerActions } from "@/components/rounds/round-manager-actions";
import { RoundStatusBadge } from "@/components/rounds/round-status";
import { getPrisma } from "@/lib/db/client";
import { isLocale } from "@/lib/i18n/locales";
import { createTranslator } from "@/lib/i18n/translate";
import { getRound } from "@/lib/rounds/get-round";
import { readRoundOutcome } from "@/lib/rounds/rounds.schemas";
import { SYNTHESIS_VIEWERS } from "@/lib/synthesis/synthesis.policy";
import { canManageRounds } from "@/lib/rounds/schedule-round";
import { currentActor } from "@/lib/web/auth";
import { localizedPath } from "@/lib/web/localized-path";
import { pageContext, rethrowAsPage } from "@/lib/web/page-context";
import { changeRoundStatusAction, registerForMeetingAction, unregisterFromMeetingAction } from "../actions";

type Props = { params: Promise<{ locale: string; roundId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, roundId } = await params;
  const round = await getRound(getPrisma(), roundId).catch(rethrowAsPage);
  return { title: createTranslator(isLocale(locale) ? locale : "it")("rounds.page.metaTitle", { title: round.title }) };
}

export default async function RoundPage({ params, searchParams }: Props) {
  const { locale, t } = await pageContext(params);
  const { roundId } = await params;
  const [actor, query] = await Promise.all([currentActor(), searchParams]);
  const now = new Date();
  const round = await getRound(getPrisma(), roundId, actor, now).catch(rethrowAsPage);
  const manager = canManageRounds(actor);
  const { outcome, retryAfter } = readRoundOutcome(query);
  const planHref = localizedPath(locale, `/piani/${round.plan.slug}`);
  const section: RoundSectionProps = {
    locale,
    t,
    actor,
    round: { id: round.id, title: round.title, status: round.status, opensAt: round.opensAt, closesAt: round.closesAt, revisionId: round.revisionId, planId: round.plan.id, planSlug: round.plan.slug },
    searchParams: query,
  };

  return (
    <>
      <Breadcrumb t={t} items={[...roundsTrail(locale, t), { label: round.title }]} />
      <h1>{round.title}</h1>
      <OutcomeNotice outcome={outcome} retryAfter={retryAfter} t={t} />
      <p className="mb-2">
        <span className="visually-hidden">{t("rounds.page.status")}: </span>
        <RoundStatusBadge status={round.status} t={t} />
      </p>
      <RoundDates opensAt={round.opensAt} closesAt={round.closesAt} locale={locale} t={t} />
      <p className="mt-2">
        {t("rounds.page.consults")}{" "}
        <a href={`${planHref}?revisione=${round.revisionNumber}`}>{t("rounds.page.revisionLink", { number: round.revisionNumber, plan: round.plan.title })}</a>
      </p>
      {round.status === "PUBLISHED" ? (
        <p className="mt-2">
          <a href={localizedPath(locale, `/consultazioni/${round.id}/esiti`)}>{t("synthesis.outcome.roundPageLink")}</a>
        </p>
      ) : null}
      {round.status === "OPEN" ? (
        <div className="callout note" role="note">
          <div className="callout-title">{t("rounds.page.openTitle")}</div>
          <p>
            {t("rounds.page.openHint")} <a href={planHref}>{t("rounds.page.openLink")}</a>
          </p>
        </div>
      ) : null}

      {manager ? <RoundManagerActions roundId={round.id} status={round.status} locale={locale} t={t} changeStatus={changeRoundStatusAction.bind(null, locale, round.id)} /> : null}
      {actor && (SYNTHESIS_VIEWERS as readonly string[]).includes(actor.role) ? (
        <p><a href={localizedPath(locale, `/consultazioni/${round.id}/sintesi`)}>{t("synthesis.dashboard.roundLink")}</a></p>
      ) : null}

      <section className="my-5" aria-labelledby="description-title">
        <h2 id="description-title" className="h3">{t("rounds.page.description")}</h2>
        <UserText text={round.description} />
      </section>

      <section className="my-5" aria-labelledby="meetings-title">
        <h2 id="meetings-title" className="h3">{t("meetings.list.title")}</h2>
        <p>{t("meetings.list.intro")}</p>
        <MeetingList
          roundId={round.id}
          meetings={round.meetings}
          actor={actor}
          locale={locale}
          t={t}
          now={now}
          actionsFor={(meetingId) => ({
            register: registerForMeetingAction.bind(null, locale, round.id, meetingId),
            unregister: unregisterFromMeetingAction.bind(null, locale, round.id, meetingId),
          })}
        />
      </section>

      <RoundResultsSummary {...section} />
      <RoundProposals {...section} />
      <RoundSwot {...section} />
      <AxisComments {...section} />
    </>
  );
}
