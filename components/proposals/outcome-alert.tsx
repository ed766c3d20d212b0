import type { Translate } from "@/lib/i18n/translate";

const failures = new Set(["chiusa", "non-consentito", "limite", "gia-risposta", "errore"]);

/** The outcome of the last action (?esito=…), announced politely (success) or as an alert (failure). */
export function OutcomeAlert({ outcome, t, prefix }: { outcome: string | undefined; t: Translate; prefix: "proposals" | "swot" }) {
  if (!outcome) return null;
  const failed = failures.has(outcome);
  return (
    <div className={`alert ${failed ? "alert-danger" : "alert-success"}`} role={failed ? "alert" : "status"}>
      {t(`${prefix}.outcomes.${outcome}`)}
    </div>
  );
}
