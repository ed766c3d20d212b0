import type { RoundStatus } from "@/lib/db/generated/enums";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import { localizedPath } from "@/lib/web/localized-path";

type FormAction = (data: FormData) => Promise<void>;

/**
 * The facilitators' tools on a round page: edit, schedule a meeting, and the one status button
 * that makes sense now (open now, close now, start the synthesis). Plain forms, no JavaScript.
 */
export function RoundManagerActions({ roundId, status, locale, t, changeStatus }: {
  roundId: string;
  status: RoundStatus;
  locale: Locale;
  t: Translate;
  changeStatus: FormAction;
}) {
  const editable = status === "SCHEDULED" || status === "OPEN";
  const next: { target: RoundStatus; label: string; hint: string } | null =
    status === "SCHEDULED"
      ? { target: "OPEN", label: t("rounds.actions.openNow"), hint: t("rounds.actions.openNowHint") }
      : status === "OPEN"
        ? { target: "CLOSED", label: t("rounds.actions.closeNow"), hint: t("rounds.actions.closeNowHint") }
        : status === "CLOSED"
          ? { target: "SYNTHESIS", label: t("rounds.actions.startSynthesis"), hint: t("rounds.actions.startSynthesisHint") }
          : null;
  return (
    <section className="my-4 p-3 border rounded" aria-labelledby="manager-actions-title">
      <h2 id="manager-actions-title" className="h4">{t("rounds.actions.title")}</h2>
      <div className="d-flex flex-wrap gap-2 align-items-start">
        {editable ? (
          <>
            <a className="btn btn-outline-primary" href={localizedPath(locale, `/consultazioni/${roundId}/modifica`)}>{t("rounds.actions.edit")}</a>
            <a className="btn btn-outline-primary" href={localizedPath(locale, `/consultazioni/${roundId}/incontri/nuovo`)}>{t("rounds.actions.newMeeting")}</a>
          </>
        ) : null}
        {next ? (
          <form action={changeStatus}>
            <input type="hidden" name="status" value={next.target} />
            <button type="submit" className="btn btn-primary" aria-describedby="status-action-hint">{next.label}</button>
          </form>
        ) : null}
      </div>
      {next ? <p id="status-action-hint" className="small mt-2 mb-0">{next.hint}</p> : null}
      {status === "SYNTHESIS" ? <p className="small mt-2 mb-0">{t("rounds.actions.publishLater")}</p> : null}
    </section>
  );
}
