import { type Locale, defaultLocale } from "@/lib/i18n/locales";

/** Italian pages live at the root, English ones under /en. */
export function localizedPath(locale: Locale, path: string): string {
  if (locale === defaultLocale) return path;
  return path === "/" ? "/en" : `/en${path}`;
}

export const pathHeader = "x-consulta-path";
export const localeHeader = "x-consulta-locale";

/** A mailed one-time link: the page in the reader's language, with the token (the services build it per recipient). */
export function linkWithToken(baseUrl: string, path: string): (token: string, locale: Locale) => string {
  return (token, locale) => `${baseUrl}${localizedPath(locale, path)}?token=${token}`;
}
