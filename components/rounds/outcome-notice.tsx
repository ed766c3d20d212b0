import type { Translate } from "@/lib/i18n/translate";
import { type RoundOutcome, roundFailureOutcomes } from "@/lib/rounds/rounds.schemas";

/** Outcomes whose wording lives under meetings.outcomes (the others under rounds.outcomes). */
const meetingOutcomes: readonly RoundOutcome[] = ["presenze-registrate", "troppe-richieste"];

/**
 * The message after a form or button (?esito=…): a status for success, an alert for a refusal. A
 * rate limit says how long to wait (?attesa=, seconds) with the same words as the other limits.
 */
export function OutcomeNotice({ outcome, retryAfter, t }: { outcome: RoundOutcome | undefined; retryAfter?: number; t: Translate }) {
  if (!outcome) return null;
  const failed = (roundFailureOutcomes as readonly string[]).includes(outcome);
  const text =
    outcome === "troppe-richieste" && retryAfter !== undefined
      ? t("security.rateLimited", { retryAfter })
      : t(meetingOutcomes.includes(outcome) ? `meetings.outcomes.${outcome}` : `rounds.outcomes.${outcome}`);
  return (
    <div className={`alert ${failed ? "alert-danger" : "alert-success"}`} role={failed ? "alert" : "status"}>
      {text}
    </div>
  );
}
