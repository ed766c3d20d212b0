import fs from "node:fs";
import path from "node:path";
import it from "@/messages/it.json";
import en from "@/messages/en.json";
import { hasMessage, isPluralMessage, PLURAL_CATEGORIES } from "@/lib/i18n/translate";

/** Message keys; a plural message ({ "one": ..., "other": ... }) is one key. */
function flatten(node: unknown, prefix = ""): string[] {
  if (typeof node === "string" || isPluralMessage(node)) return [prefix];
  return Object.entries(node as Record<string, unknown>).flatMap(([key, value]) => flatten(value, prefix ? `${prefix}.${key}` : key));
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

describe("message catalogues", () => {
  test("Italian and English define exactly the same keys", () => {
    expect(flatten(en).sort()).toEqual(flatten(it).sort());
  });

  test("no message is empty", () => {
    for (const catalogue of [it, en]) {
      for (const key of flatten(catalogue)) {
        const value = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalogue);
        const forms = isPluralMessage(value) ? Object.values(value) : [value as string];
        expect({ key, empty: forms.some((form) => form.trim() === "") }).toEqual({ key, empty: false });
      }
    }
  });

  test("plural messages give the one and other forms, only forms the locale knows, and the same placeholders", () => {
    for (const [locale, catalogue] of [["it", it], ["en", en]] as const) {
      // Italian "many" (1 milione di ...) falls back to "other"; counts here never need it.
      const needed = ["one", "other"];
      const known: string[] = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      for (const key of flatten(catalogue)) {
        const value = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalogue);
        if (!isPluralMessage(value)) continue;
        const missing = needed.filter((category) => !(category in value));
        expect({ locale, key, missing }).toEqual({ locale, key, missing: [] });
        const unknown = Object.keys(value).filter((category) => !(PLURAL_CATEGORIES as readonly string[]).includes(category) || !known.includes(category));
        expect({ locale, key, unknown }).toEqual({ locale, key, unknown: [] });
        // A form may leave {count} out ("once"), but must not need a parameter the other forms do not get.
        const placeholders = (form: string) => [...form.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!).filter((name) => name !== "count");
        expect({ locale, key, other: new Set(Object.values(value).flatMap(placeholders)) }).toEqual({ locale, key, other: new Set(placeholders(value.other)) });
      }
    }
  });

  test("every message key used in the code exists in both languages", () => {
    const root = path.resolve(__dirname, "../../..");
    const used = new Set<string>();
    for (const file of ["app", "components", "lib"].flatMap((dir) => sourceFiles(path.join(root, dir)))) {
      const source = fs.readFileSync(file, "utf8");
      // t("a.b"), AppError(..., "a.b") and messageKey: "a.b" literals.
      for (const match of source.matchAll(/\bt\(\s*"([a-zA-Z]+(?:\.[a-zA-Z0-9]+)+)"/g)) used.add(match[1]!);
      for (const match of source.matchAll(/new AppError\(\s*"[A-Z_]+",\s*"([a-zA-Z]+(?:\.[a-zA-Z0-9]+)+)"/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(30);
    const missing = [...used].filter((key) => !hasMessage("it", key) || !hasMessage("en", key));
    expect(missing).toEqual([]);
  });
});
