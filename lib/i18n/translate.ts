import it from "@/messages/it.json";
import en from "@/messages/en.json";
import type { MessageParams } from "@/lib/errors/app-error";
import type { Locale } from "./locales";
import { formatNumber } from "./format";

/** Intl.PluralRules categories a plural message may define; "other" is required. */
export const PLURAL_CATEGORIES = ["zero", "one", "two", "few", "many", "other"] as const;
type PluralCategory = (typeof PLURAL_CATEGORIES)[number];
/** A message that depends on params.count, e.g. { "one": "1 commento", "other": "{count} commenti" }. */
export type PluralMessage = Partial<Record<PluralCategory, string>> & { other: string };

type Catalogue = { [key: string]: string | PluralMessage | Catalogue };
type Message = string | PluralMessage;

const catalogues: Record<Locale, Catalogue> = { it, en } as Record<Locale, Catalogue>;

/** True when a catalogue node is a plural message (only plural categories, "other" among them, all strings). */
export function isPluralMessage(node: unknown): node is PluralMessage {
  if (node === null || typeof node !== "object") return false;
  const entries = Object.entries(node);
  return (
    entries.length > 0 &&
    "other" in node &&
    entries.every(([key, value]) => (PLURAL_CATEGORIES as readonly string[]).includes(key) && typeof value === "string")
  );
}

function lookup(catalogue: Catalogue, key: string): Message | undefined {
  let node: Message | Catalogue | undefined = catalogue;
  for (const part of key.split(".")) {
    if (node === undefined || typeof node === "string" || isPluralMessage(node)) return undefined;
    node = node[part];
  }
  return typeof node === "string" || isPluralMessage(node) ? node : undefined;
}

const pluralRules: Record<Locale, Intl.PluralRules> = {
  it: new Intl.PluralRules("it"),
  en: new Intl.PluralRules("en"),
};

export type Translate = (key: string, params?: MessageParams) => string;

/**
 * Returns t(key, params) for a locale. Placeholders are written {name}.
 * A message may be plural ({ "one": ..., "other": ... }): the form is chosen by the
 * locale's Intl.PluralRules on params.count (a number), and {count} is shown in the
 * locale's number format. A missing key or a plural message without a numeric count
 * is a programming error: it throws in tests and development (the catalogue test
 * keeps both languages complete) and falls back to the key / the "other" form.
 */
export function createTranslator(locale: Locale): Translate {
  const catalogue = catalogues[locale];
  return (key, params = {}) => {
    const message = lookup(catalogue, key);
    if (message === undefined) {
      if (process.env.NODE_ENV !== "production") throw new Error(`Missing message "${key}" (${locale})`);
      return key;
    }
    let template: string;
    let values: MessageParams = params;
    if (typeof message === "string") {
      template = message;
    } else {
      const count = params.count;
      if (typeof count !== "number") {
        if (process.env.NODE_ENV !== "production") throw new Error(`Plural message "${key}" needs a numeric count (${locale})`);
        template = message.other;
      } else {
        template = message[pluralRules[locale].select(count)] ?? message.other;
        values = { ...params, count: formatNumber(count, locale) };
      }
    }
    return template.replace(/\{(\w+)\}/g, (match, name: string) =>
      name in values ? String(values[name]) : match,
    );
  };
}

export function hasMessage(locale: Locale, key: string): boolean {
  return lookup(catalogues[locale], key) !== undefined;
}
