import type { Locale } from "./locales";

const intlLocale: Record<Locale, string> = { it: "it-IT", en: "en-GB" };

/** Dates are shown in the authority's time zone, whatever the server's. */
const timeZone = "Europe/Rome";

export function formatDate(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: "long", timeZone }).format(date);
}

export function formatEuroCents(cents: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale[locale], { style: "currency", currency: "EUR" }).format(cents / 100);
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale[locale]).format(value);
}

/** Date and time, e.g. "15 marzo 2027, 18:00" / "15 March 2027 at 18:00" (Rome time). */
export function formatDateTime(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: "long", timeStyle: "short", timeZone }).format(date);
}

/** Time only, e.g. "18:00" (Rome time). */
export function formatTime(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { timeStyle: "short", timeZone }).format(date);
}
