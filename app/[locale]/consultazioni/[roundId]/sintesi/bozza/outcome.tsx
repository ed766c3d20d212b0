import { z } from "zod";
import { ErrorNotice } from "@/components/layout/error-notice";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import { localizedPath } from "@/lib/web/localized-path";

/** Outcomes the workbench pages announce after a redirect (?esito=…). */
const outcomes = ["avviata", "modificata", "ritirata", "aggiunta", "riordinata", "asse-modificato", "accolta", "pubblicata", "non-consentito", "non-chiusa", "errore"] as const;
const outcomeSchema = z.enum(outcomes).optional().catch(undefined);
const failures = new Set(["non-consentito", "non-chiusa", "errore"]);

export function DraftOutcome({ value, t }: { value: string | string[] | undefined; t: Translate }) {
  const outcome = outcomeSchema.parse(typeof value === "string" ? value : undefined);
  if (!outcome) return null;
  const failed = failures.has(outcome);
  return (
    <div className={`alert ${failed ? "alert-danger" : "alert-success"}`} role={failed ? "alert" : "status"}>
      {t(`synthesis.draft.outcomes.${outcome}`)}
    </div>
  );
}

/** What the workbench pages show to someone signed in who is not staff (the services refuse them too). */
export function DraftForbidden({ locale, t, roundId }: { locale: Locale; t: Translate; roundId: string }) {
  return <ErrorNotice title={t("synthesis.draft.forbidden.title")} message={t("synthesis.draft.forbidden.message")} homeHref={localizedPath(locale, `/consultazioni/${roundId}`)} homeLabel={t("synthesis.draft.forbidden.back")} />;
}
