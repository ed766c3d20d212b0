import type { Locale } from "@/lib/i18n/locales";
import { formatNumber } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";

/** Small formatting helpers of the synthesis dashboard. */
export function formatShare(value: number | null, locale: Locale, t: Translate): string {
  return value === null ? t("synthesis.dashboard.none") : `${formatNumber(Math.round(value * 100), locale)}%`;
}

/** A category's label; "OTHER" is the k-anonymity merge of small categories. */
export function dashboardCategoryLabel(category: string, t: Translate): string {
  return category === "OTHER" ? t("synthesis.dashboard.otherCategory") : t(`auth.categories.${category}`);
}

/** "A", "B", … for opinion group 0, 1, … */
export function groupLetter(index: number): string {
  return String.fromCharCode(65 + index);
}
