import { type Locale, defaultLocale } from "@/lib/i18n/locales";

/** Italian pages live at the root, English ones under /en. */
export function localizedPath(locale: Locale, path: string): string {
  if (locale === defaultLocale) return path;
  return path === "/" ? "/en" : `/en${path}`;
}

export const pathHeader = "x-consulta-path";
export const localeHeader = "x-consulta-locale";
