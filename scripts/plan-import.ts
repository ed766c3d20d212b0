/**
 * npm run plan:import -- <file> [--json]
 *
 * Imports a plan document (the seed's format) as a new plan with revision 1, published.
 * The file is read and parsed before any database starts, so a bad file fails fast;
 * the import itself is one transaction. Database: DATABASE_URL, else the embedded
 * server under DATA_DIR (default .data).
 *
 * stdout: a summary, or with --json exactly {"plan": <slug>, "axes", "measures", "budgetCents"}.
 * The slug (not the title) names the plan because it is unique and addresses it in URLs and the API.
 * stderr: "<file>:<line>: <message>" (or "<file>: <message>" when no line applies), in Italian
 * when the locale (LC_ALL, LC_MESSAGES, LANG) starts with "it", else English; exit code 1.
 */
import path from "node:path";
import { createPrismaClient } from "@/lib/db/client";
import { ensureDatabase } from "@/lib/db/database";
import { isAppError } from "@/lib/errors/app-error";
import type { Locale } from "@/lib/i18n/locales";
import { createTranslator, type Translate } from "@/lib/i18n/translate";
import { importPlan, type ImportPlanResult } from "@/lib/plan/import-plan";
import { parsePlanDocument } from "@/lib/plan/parse-plan-document";
import type { ParsedPlan } from "@/lib/plan/plan.schemas";
import { readPlanFile } from "@/lib/plan/read-plan-file";

type Options = { file: string; json: boolean };

function localeFromEnvironment(env: NodeJS.ProcessEnv): Locale {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return locale.toLowerCase().startsWith("it") ? "it" : "en";
}

/** Returns the options, or the message explaining why the arguments are wrong. */
function parseArguments(args: string[], t: Translate): Options | string {
  const files = args.filter((arg) => !arg.startsWith("-"));
  const unknown = args.find((arg) => arg.startsWith("-") && arg !== "--json");
  if (unknown) return `${t("planImport.cli.unknownOption", { option: unknown })}\n${t("planImport.cli.usage")}`;
  const [file] = files;
  if (file === undefined || files.length > 1) return t("planImport.cli.usage");
  return { file, json: args.includes("--json") };
}

async function importIntoDatabase(parsed: ParsedPlan, file: string): Promise<ImportPlanResult> {
  const database = await ensureDatabase({ dataDir: process.env.DATA_DIR || ".data" });
  try {
    const prisma = createPrismaClient(database.url);
    try {
      return await importPlan(prisma, parsed, { sourceFileName: path.basename(file) });
    } finally {
      await prisma.$disconnect();
    }
  } finally {
    await database.stop();
  }
}

/** Written by hand so the bigint total is exact whatever its size. */
function jsonSummary(result: ImportPlanResult): string {
  return `{"plan":${JSON.stringify(result.slug)},"axes":${result.axes},"measures":${result.measures},"budgetCents":${result.budgetCents}}`;
}

function humanSummary(result: ImportPlanResult, plan: ParsedPlan, locale: Locale, t: Translate): string {
  const euros = new Intl.NumberFormat(locale === "it" ? "it-IT" : "en-GB", { style: "currency", currency: "EUR" });
  return t("planImport.cli.imported", {
    title: plan.title,
    issuer: plan.issuer,
    slug: result.slug,
    axes: result.axes,
    measures: result.measures,
    budget: euros.format(Number(result.budgetCents) / 100),
  });
}

function errorLine(error: unknown, file: string, t: Translate): string {
  if (!isAppError(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return `${file}: ${t("planImport.cli.unexpected", { message })}`;
  }
  const line = error.params.line;
  return `${line === undefined ? file : `${file}:${line}`}: ${t(error.messageKey, error.params)}`;
}

async function main(args: string[]): Promise<number> {
  const locale = localeFromEnvironment(process.env);
  const t = createTranslator(locale);
  const options = parseArguments(args, t);
  if (typeof options === "string") {
    process.stderr.write(`${options}\n`);
    return 1;
  }
  try {
    const parsed = parsePlanDocument(await readPlanFile(options.file));
    const result = await importIntoDatabase(parsed, options.file);
    process.stdout.write(`${options.json ? jsonSummary(result) : humanSummary(result, parsed, locale, t)}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`${errorLine(error, options.file, t)}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
