import type { NotificationFrequency } from "@/lib/db/generated/enums";
import type { Translate } from "@/lib/i18n/translate";
import { notificationFrequencies } from "@/lib/notifications/notifications.schemas";

/** Three radio buttons in a fieldset, each with its hint; a plain form (no JavaScript needed). */
export function NotificationPreferencesForm({ action, t, frequency }: { action: (data: FormData) => Promise<void>; t: Translate; frequency: NotificationFrequency }) {
  return (
    <form action={action}>
      <fieldset className="mb-4">
        <legend className="h5 fw-semibold">{t("notifications.preferences.legend")}</legend>
        {notificationFrequencies.map((option) => (
          <div className="form-check" key={option}>
            <input className="form-check-input" type="radio" name="frequency" id={`frequency-${option}`} value={option} defaultChecked={option === frequency} aria-describedby={`frequency-${option}-hint`} />
            <label className="form-check-label" htmlFor={`frequency-${option}`}>{t(`notifications.preferences.options.${option}.label`)}</label>
            <small id={`frequency-${option}-hint`} className="form-text d-block">{t(`notifications.preferences.options.${option}.hint`)}</small>
          </div>
        ))}
      </fieldset>
      <button type="submit" className="btn btn-primary">{t("notifications.preferences.save")}</button>
    </form>
  );
}
