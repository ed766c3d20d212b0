import it from "@/messages/it.json";
import en from "@/messages/en.json";
import type { MessageParams } from "@/lib/errors/app-error";
import type { Locale } from "./locales";

type Catalogue = { [key: string]: string | Catalogue };

const catalogues: Record<Locale, Catalogue> = { it, en };

function lookup(catalogue: Catalogue, key: string): string | undefined {
  let node: string | Catalogue | undefined = catalogue;
  for (const part of key.split(".")) {
    if (node === undefined || typeof node === "string") return undefined;
    node = node[part];
  }
  return typeof node === "string" ? node : undefined;
}

export type Translate = (key: string, params?: MessageParams) => string;

/**
 * Returns t(key, params) for a locale. Placeholders are written {name}.
 * A missing key is a programming error: it throws in tests and development
 * (the catalogue test keeps both languages complete) and falls back to the key.
 */
export function createTranslator(locale: Locale): Translate {
  const catalogue = catalogues[locale];
  return (key, params = {}) => {
    const template = lookup(catalogue, key);
    if (template === undefined) {
      if (process.env.NODE_ENV !== "production") throw new Error(`Missing message "${key}" (${locale})`);
      return key;
    }
    return template.replace(/\{(\w+)\}/g, (match, name: string) =>
      name in params ? String(params[name]) : match,
    );
  };
}

export function hasMessage(locale: Locale, key: string): boolean {
  return lookup(catalogues[locale], key) !== undefined;
}
