import type { Locale } from "@/lib/i18n/locales";

/**
 * Times of comments and votes, in the authority's time zone (like lib/i18n/format.ts dates), and
 * counts. The Intl formatters are built once per locale: a comment page formats a hundred dates.
 */
const intlLocale: Record<Locale, string> = { it: "it-IT", en: "en-GB" };
const timeZone = "Europe/Rome";

function perLocale<F>(make: (locale: string) => F): (locale: Locale) => F {
  const made = new Map<Locale, F>();
  return (locale) => {
    let formatter = made.get(locale);
    if (!formatter) made.set(locale, (formatter = make(intlLocale[locale])));
    return formatter;
  };
}

const dateTime = perLocale((locale) => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }));
const time = perLocale((locale) => new Intl.DateTimeFormat(locale, { timeStyle: "short", timeZone }));
const mean = perLocale((locale) => new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
const count = perLocale((locale) => new Intl.NumberFormat(locale));

export function formatDateTime(date: Date, locale: Locale): string {
  return dateTime(locale).format(date);
}

export function formatTime(date: Date, locale: Locale): string {
  return time(locale).format(date);
}

export function formatMean(value: number | null, locale: Locale, none: string): string {
  return value === null ? none : mean(locale).format(value);
}

export function formatCount(value: number, locale: Locale): string {
  return count(locale).format(value);
}
