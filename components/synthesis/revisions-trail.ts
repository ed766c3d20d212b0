import { type Crumb, plansTrail } from "@/components/layout/breadcrumb";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import { localizedPath } from "@/lib/web/localized-path";

/** Breadcrumb of a plan's revision pages: home › plans › the plan › revisions (a link when `linkRevisions`). */
export function revisionsTrail(locale: Locale, t: Translate, plan: { slug: string; title: string }, linkRevisions: boolean): Crumb[] {
  return [
    ...plansTrail(locale, t),
    { label: plan.title, href: localizedPath(locale, `/piani/${plan.slug}`) },
    { label: t("revisions.title"), ...(linkRevisions ? { href: localizedPath(locale, `/piani/${plan.slug}/revisioni`) } : {}) },
  ];
}
