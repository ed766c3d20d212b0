import type { Locale } from "./locales";

/**
 * Dates, times, amounts and counts as people read them, in the authority's time zone whatever the
 * server's. The Intl formatters are built once per locale (building one costs far more than using
 * it, and a comment page formats a hundred dates).
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

const longDate = perLocale((locale) => new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone }));
const longDateTime = perLocale((locale) => new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone }));
const shortDateTime = perLocale((locale) => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }));
const timeOnly = perLocale((locale) => new Intl.DateTimeFormat(locale, { timeStyle: "short", timeZone }));
const euro = perLocale((locale) => new Intl.NumberFormat(locale, { style: "currency", currency: "EUR" }));
const integer = perLocale((locale) => new Intl.NumberFormat(locale));
const oneDecimal = perLocale((locale) => new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }));

export function formatDate(date: Date, locale: Locale): string {
  return longDate(locale).format(date);
}

/** Date and time, e.g. "15 marzo 2027, 18:00" / "15 March 2027 at 18:00" (Rome time). */
export function formatDateTime(date: Date, locale: Locale): string {
  return longDateTime(locale).format(date);
}

/** Compact date and time for lists (comments, votes), e.g. "15 mar 2027, 18:00". */
export function formatShortDateTime(date: Date, locale: Locale): string {
  return shortDateTime(locale).format(date);
}

/** Time only, e.g. "18:00" (Rome time). */
export function formatTime(date: Date, locale: Locale): string {
  return timeOnly(locale).format(date);
}

export function formatEuroCents(cents: number, locale: Locale): string {
  return euro(locale).format(cents / 100);
}

/** Euro cents held as a bigint (budget totals), written exactly at any size (Intl reads the decimal string). */
export function formatEuroBigCents(cents: bigint, locale: Locale): string {
  const sign = cents < 0n ? "-" : "";
  const abs = cents < 0n ? -cents : cents;
  return euro(locale).format(`${sign}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}` as Intl.StringNumericLiteral);
}

export function formatNumber(value: number, locale: Locale): string {
  return integer(locale).format(value);
}

/** A mean with one decimal (e.g. a mean priority), or `none` when there is nothing to average. */
export function formatMean(value: number | null, locale: Locale, none: string): string {
  return value === null ? none : oneDecimal(locale).format(value);
}
