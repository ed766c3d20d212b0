import type { Actor } from "@/lib/auth/session";
import { formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import type { RegistrationState } from "@/lib/rounds/get-round";
import { localizedPath } from "@/lib/web/localized-path";

type FormAction = (data: FormData) => Promise<void>;

/**
 * Registration for one meeting: what it asks for, seats left, and a plain-form button to register
 * or withdraw (or the way to sign in). `back` tells the action which page to return to.
 */
export function RegistrationControls({ meeting, state, actor, locale, t, register, unregister, back }: {
  meeting: { title: string; registration: string; capacity: number | null; registrations: number; registered: boolean };
  state: RegistrationState;
  actor: Actor | null;
  locale: Locale;
  t: Translate;
  register: FormAction;
  unregister: FormAction;
  back: "round" | "meeting";
}) {
  if (state === "not-needed") return <p className="mb-0">{t("meetings.registration.NONE")}</p>;
  const forMeeting = <span className="visually-hidden"> ({meeting.title})</span>;
  const seats = meeting.capacity === null
    ? t("meetings.page.registeredCount", { count: formatNumber(meeting.registrations, locale) })
    : t("meetings.page.seats", { left: formatNumber(Math.max(0, meeting.capacity - meeting.registrations), locale), capacity: formatNumber(meeting.capacity, locale) });
  return (
    <div>
      <p className="mb-2">{t(`meetings.registration.${meeting.registration}`)} · {seats}</p>
      {meeting.registered ? (
        <>
          <p className="mb-2 fw-semibold">{t("meetings.page.youAreRegistered")}</p>
          {state === "open" || state === "full" ? (
            <form action={unregister}>
              <input type="hidden" name="back" value={back} />
              <button type="submit" className="btn btn-sm btn-outline-primary">{t("meetings.page.unregister")}{forMeeting}</button>
            </form>
          ) : null}
        </>
      ) : state === "open" ? (
        actor ? (
          <form action={register}>
            <input type="hidden" name="back" value={back} />
            <button type="submit" className="btn btn-sm btn-primary">{t("meetings.page.register")}{forMeeting}</button>
          </form>
        ) : (
          <p className="mb-0"><a href={localizedPath(locale, "/accedi")}>{t("meetings.page.signInToRegister")}</a></p>
        )
      ) : (
        <p className="mb-0">{t(`meetings.page.registrationState.${state}`)}</p>
      )}
    </div>
  );
}
