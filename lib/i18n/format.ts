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
