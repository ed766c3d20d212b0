import { formatDate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import type { DecisionFields } from "./plan-read";

/** A measure's timing as people read it: the written duration, else its dates; null when undecided. */
export function timingText(fields: Pick<DecisionFields, "timing" | "startsOn" | "endsOn">, locale: Locale, t: Translate): string | null {
  if (fields.timing) return fields.timing;
  const start = fields.startsOn ? formatDate(fields.startsOn, locale) : null;
  const end = fields.endsOn ? formatDate(fields.endsOn, locale) : null;
  if (start && end) return t("measure.period", { start, end });
  if (start) return t("measure.from", { start });
  if (end) return t("measure.until", { end });
  return null;
}
