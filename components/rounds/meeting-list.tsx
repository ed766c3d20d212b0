import type { Actor } from "@/lib/auth/session";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import { type MeetingSummary, registrationState } from "@/lib/rounds/get-round";
import { localizedPath } from "@/lib/web/localized-path";
import { MeetingTime } from "./meeting-time";
import { RegistrationControls } from "./registration-controls";

type FormAction = (data: FormData) => Promise<void>;

/** The meetings of a round, in time order, each with its registration controls. */
export function MeetingList({ roundId, meetings, actor, locale, t, now, actionsFor }: {
  roundId: string;
  meetings: MeetingSummary[];
  actor: Actor | null;
  locale: Locale;
  t: Translate;
  now: Date;
  actionsFor: (meetingId: string) => { register: FormAction; unregister: FormAction };
}) {
  if (meetings.length === 0) return <p>{t("meetings.list.none")}</p>;
  return (
    <ul className="list-unstyled">
      {meetings.map((meeting) => {
        const actions = actionsFor(meeting.id);
        return (
          <li key={meeting.id} id={`incontro-${meeting.id}`} className="card card-bg mb-3">
            <div className="card-body">
              <h3 className="card-title h5">
                <a href={localizedPath(locale, `/consultazioni/${roundId}/incontri/${meeting.id}`)}>{meeting.title}</a>
                {meeting.cancelledAt ? <> <span className="badge bg-danger">{t("meetings.page.cancelled")}</span></> : null}
              </h3>
              <p className="card-text mb-1">
                <MeetingTime startsAt={meeting.startsAt} endsAt={meeting.endsAt} locale={locale} />
              </p>
              <p className="card-text mb-2">
                {meeting.venue}
                {meeting.address ? <>, {meeting.address}</> : null} · {t(`meetings.venueKinds.${meeting.venueKind}`)}
              </p>
              {meeting.cancelledAt ? null : (
                <RegistrationControls meeting={meeting} state={registrationState(meeting, now)} actor={actor} locale={locale} t={t} register={actions.register} unregister={actions.unregister} back="round" />
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
