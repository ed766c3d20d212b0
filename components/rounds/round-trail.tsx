import type { Crumb } from "@/components/layout/breadcrumb";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import { localizedPath } from "@/lib/web/localized-path";

/** The first steps of every consultation page's trail: Home / Consultations. */
export function roundsTrail(locale: Locale, t: Translate): Crumb[] {
  return [
    { label: t("common.home"), href: localizedPath(locale, "/") },
    { label: t("rounds.list.title"), href: localizedPath(locale, "/consultazioni") },
  ];
}

/** Home / Consultations / <round>: the first steps of the trail of every page inside a round. */
export function roundTrail(locale: Locale, t: Translate, round: { id: string; title: string }): Crumb[] {
  return [...roundsTrail(locale, t), { label: round.title, href: localizedPath(locale, `/consultazioni/${round.id}`) }];
}
