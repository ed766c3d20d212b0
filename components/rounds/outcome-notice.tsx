import type { Translate } from "@/lib/i18n/translate";
import { type RoundOutcome, roundFailureOutcomes } from "@/lib/rounds/rounds.schemas";

/** The message after a form or button (?esito=…): a status for success, an alert for a refusal. */
export function OutcomeNotice({ outcome, t }: { outcome: RoundOutcome | undefined; t: Translate }) {
  if (!outcome) return null;
  const failed = (roundFailureOutcomes as readonly string[]).includes(outcome);
  return (
    <div className={`alert ${failed ? "alert-danger" : "alert-success"}`} role={failed ? "alert" : "status"}>
      {t(`rounds.outcomes.${outcome}`)}
    </div>
  );
}
