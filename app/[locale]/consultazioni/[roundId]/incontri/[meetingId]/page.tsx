import type { Metadata } from "next";
import { Breadcrumb } from "@/components/layout/breadcrumb";
import { roundTrail } from "@/components/rounds/round-trail";
import { UserText } from "@/components/participation/user-text";
import { AttendanceForm } from "@/components/rounds/attendance-form";
import { attendanceFormLabels, meetingOutcomeLabels } from "@/components/rounds/labels";
import { MeetingOutcomeForm } from "@/components/rounds/meeting-outcome-form";
import { MeetingTime } from "@/components/rounds/meeting-time";
import { OutcomeNotice } from "@/components/rounds/outcome-notice";
import { RegistrationControls } from "@/components/rounds/registration-controls";
import { RoundStatusBadge } from "@/components/rounds/round-status";
import { getPrisma } from "@/lib/db/client";
import { formatNumber } from "@/lib/i18n/format";
import { isLocale } from "@/lib/i18n/locales";
import { createTranslator } from "@/lib/i18n/translate";
import { getMeeting } from "@/lib/rounds/get-meeting";
import { readRoundOutcome } from "@/lib/rounds/rounds.schemas";
import { canManageRounds } from "@/lib/rounds/schedule-round";
import { currentActor } from "@/lib/web/auth";
import { localizedPath } from "@/lib/web/localized-path";
import { pageContext, rethrowAsPage } from "@/lib/web/page-context";
import { cancelMeetingAction, recordAttendanceAction, recordMeetingOutcomeAction, registerForMeetingAction, unregisterFromMeetingAction } from "../../../actions";

type Props = {
  params: Promise<{ locale: string; roundId: string; meetingId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, roundId, meetingId } = await params;
  const meeting = await getMeeting(getPrisma(), roundId, meetingId).catch(rethrowAsPage);
  return { title: createTranslator(isLocale(locale) ? locale : "it")("meetings.page.metaTitle", { title: meeting.title }) };
}

export default async function MeetingPage({ params, searchParams }: Props) {
  const { locale, t } = await pageContext(params);
  const { roundId, meetingId } = await params;
  const [actor, query] = await Promise.all([currentActor(), searchParams]);
  const meeting = await getMeeting(getPrisma(), roundId, meetingId, actor).catch(rethrowAsPage);
  const manager = canManageRounds(actor);
  const { outcome, retryAfter } = readRoundOutcome(query);
  const roundHref = localizedPath(locale, `/consultazioni/${roundId}`);

  return (
    <>
      <Breadcrumb t={t} items={[...roundTrail(locale, t, { id: roundId, title: meeting.round.title }), { label: meeting.title }]} />
      <h1>{meeting.title}</h1>
      <OutcomeNotice outcome={outcome} retryAfter={retryAfter} t={t} />
      {meeting.cancelledAt ? (
        <div className="callout danger" role="note">
          <div className="callout-title">{t("meetings.page.cancelled")}</div>
          <p>{t("meetings.page.cancelledNote")}</p>
        </div>
      ) : null}

      <dl className="row">
        <dt className="col-sm-4 col-lg-3">{t("meetings.page.when")}</dt>
        <dd className="col-sm-8 col-lg-9"><MeetingTime startsAt={meeting.startsAt} endsAt={meeting.endsAt} locale={locale} /></dd>
        <dt className="col-sm-4 col-lg-3">{t("meetings.page.where")}</dt>
        <dd className="col-sm-8 col-lg-9">{meeting.venue}{meeting.address ? <>, {meeting.address}</> : null}</dd>
        <dt className="col-sm-4 col-lg-3">{t("meetings.fields.venueKind")}</dt>
        <dd className="col-sm-8 col-lg-9">{t(`meetings.venueKinds.${meeting.venueKind}`)}</dd>
        <dt className="col-sm-4 col-lg-3">{t("meetings.page.round")}</dt>
        <dd className="col-sm-8 col-lg-9">
          <a href={roundHref}>{meeting.round.title}</a> <RoundStatusBadge status={meeting.round.status} t={t} />
        </dd>
      </dl>

      {meeting.cancelledAt ? null : (
        <section className="my-4" aria-labelledby="registration-title">
          <h2 id="registration-title" className="h3">{t("meetings.page.registrationTitle")}</h2>
          <RegistrationControls
            meeting={meeting}
            state={meeting.registrationState}
            actor={actor}
            locale={locale}
            t={t}
            register={registerForMeetingAction.bind(null, locale, roundId, meetingId)}
            unregister={unregisterFromMeetingAction.bind(null, locale, roundId, meetingId)}
            back="meeting"
          />
        </section>
      )}

      {meeting.started || meeting.headcount !== null || meeting.minutes ? (
        <section className="my-5" aria-labelledby="outcome-title">
          <h2 id="outcome-title" className="h3">{t("meetings.outcome.title")}</h2>
          {/* Counts only: who registered or attended is never shown publicly. */}
          <dl className="row" id="meeting-counts">
            {meeting.registration !== "NONE" || meeting.registrations > 0 ? (
              <>
                <dt className="col-sm-6 col-lg-4">{t("meetings.counts.registered")}</dt>
                <dd className="col-sm-6 col-lg-8" id="meeting-registered">{formatNumber(meeting.registrations, locale)}</dd>
              </>
            ) : null}
            <dt className="col-sm-6 col-lg-4">{t("meetings.counts.attended")}</dt>
            <dd className="col-sm-6 col-lg-8" id="meeting-attended">{formatNumber(meeting.attended, locale)}</dd>
          </dl>
          {meeting.headcount !== null ? <p id="meeting-headcount">{t("meetings.outcome.headcountValue", { count: formatNumber(meeting.headcount, locale) })}</p> : null}
          {meeting.minutes ? (
            <>
              <h3 className="h5">{t("meetings.fields.minutes")}</h3>
              <UserText text={meeting.minutes} />
            </>
          ) : null}
        </section>
      ) : null}

      {manager ? (
        <section className="my-5 p-3 border rounded" aria-labelledby="manage-title">
          <h2 id="manage-title" className="h3">{t("meetings.manage.title")}</h2>
          {!meeting.cancelledAt ? <p><a className="btn btn-primary" href={localizedPath(locale, `/consultazioni/${roundId}/incontri/${meetingId}/diretta`)} id="live-console-link">{t("live.console.link")}</a></p> : null}
          {!meeting.cancelledAt && !meeting.started ? (
            <div className="d-flex flex-wrap gap-2 mb-3">
              <a className="btn btn-outline-primary" href={localizedPath(locale, `/consultazioni/${roundId}/incontri/${meetingId}/modifica`)}>{t("meetings.manage.edit")}</a>
              <form action={cancelMeetingAction.bind(null, locale, roundId, meetingId)}>
                <button type="submit" className="btn btn-outline-danger" aria-describedby="cancel-hint">{t("meetings.manage.cancel")}</button>
              </form>
            </div>
          ) : null}
          {!meeting.cancelledAt && !meeting.started ? <p id="cancel-hint" className="small">{t("meetings.manage.cancelHint")}</p> : null}
          {meeting.cancelledAt || !meeting.started ? (
            <>
              <h3 className="h5">{t("meetings.manage.registrantsTitle")}</h3>
              {meeting.registrants && meeting.registrants.length > 0 ? (
                <ol>
                  {meeting.registrants.map((name, index) => <li key={index}>{name ?? t("privacy.anonymous")}</li>)}
                </ol>
              ) : (
                <p>{t("meetings.manage.noRegistrants")}</p>
              )}
            </>
          ) : null}
          <p>{t("meetings.manage.liveAttendances", { count: formatNumber(meeting.liveAttendances, locale) })}</p>
          {!meeting.cancelledAt && meeting.started ? (
            <>
              <h3 className="h5 mt-4">{t("meetings.outcome.formTitle")}</h3>
              <MeetingOutcomeForm
                action={recordMeetingOutcomeAction.bind(null, locale, roundId, meetingId)}
                labels={meetingOutcomeLabels(t)}
                initial={{ values: { headcount: meeting.headcount === null ? "" : String(meeting.headcount), minutes: meeting.minutes ?? "" }, errors: {} }}
              />
              <h3 className="h5 mt-4" id="attendance-title">{t("meetings.attendance.title")}</h3>
              <AttendanceForm
                action={recordAttendanceAction.bind(null, locale, roundId, meetingId)}
                labels={attendanceFormLabels(t)}
                initial={{ values: {}, errors: {} }}
                people={(meeting.attendees ?? []).map((person) => ({
                  userId: person.userId,
                  label: t("meetings.attendance.person", { name: person.name ?? t("privacy.anonymous"), category: person.category ? t(`auth.categories.${person.category}`) : "—" }),
                  registered: person.registered,
                  attended: person.attended,
                  live: person.live,
                }))}
              />
            </>
          ) : !meeting.cancelledAt ? (
            <p>{t("meetings.outcome.afterStart")}</p>
          ) : null}
        </section>
      ) : null}

      <p className="mt-4"><a href={roundHref}>{t("rounds.form.backToRound")}</a></p>
    </>
  );
}
