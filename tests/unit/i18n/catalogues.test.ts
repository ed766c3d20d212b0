import fs from "node:fs";
import path from "node:path";
import it from "@/messages/it.json";
import en from "@/messages/en.json";
import { hasMessage } from "@/lib/i18n/translate";

function flatten(node: unknown, prefix = ""): string[] {
  if (typeof node === "string") return [prefix];
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
        expect({ key, empty: (value as string).trim() === "" }).toEqual({ key, empty: false });
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
