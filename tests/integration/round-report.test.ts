/**
 * The round's summary report on real PostgreSQL, from the hand-built published round
 * (tests/support/synthesis-public-scenario.ts) plus published decisions (report-scenario.ts):
 * its data (participation by channel and by k-anonymous category, decisions: only published
 * versions, budget totals), and the PDF in Italian and English read back with pdfjs-dist in a child
 * process: it opens, is tagged (Marked, structure tree with headings, lists and tables), carries its
 * language and title, has the sections as bookmarks and a table of contents on page 2 with their
 * pages, and says what the round said and what was decided, accents included. Unpublished → NOT_FOUND.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { buffer } from "node:stream/consumers";
import { promisify } from "node:util";
import { AppError } from "@/lib/errors/app-error";
import type { Locale } from "@/lib/i18n/locales";
import { createTranslator } from "@/lib/i18n/translate";
import { getRoundReport } from "@/lib/reports/get-round-report";
import { renderRoundReportPdf } from "@/lib/reports/render-round-report-pdf";
import { REPORT_SECTIONS } from "@/lib/reports/get-round-report";
import { MERGED_CATEGORY } from "@/lib/synthesis/k-anonymity";
import { REPORT_BUDGETS, REPORT_DEPARTMENT, REPORT_FUNDING, REPORT_NOTE, UNPUBLISHED_DEPARTMENT, addReportDecisions } from "../support/report-scenario";
import { freshPlan } from "../support/scheduling-factory";
import { type PublicScenario, TEXT_AFTER, buildPublicScenario } from "../support/synthesis-public-scenario";
import { databaseForThisFile } from "../support/test-database";

jest.setTimeout(120_000);
const db = databaseForThisFile();
const run = promisify(execFile);

interface PdfText {
  pages: number;
  text: string[];
  outline: string[];
  markInfo: { Marked?: boolean } | null;
  lang: string | null;
  title: string | null;
  author: string | null;
  roles: string[][];
}

let scenario: PublicScenario;
let workDir: string;
beforeAll(async () => {
  const plan = await freshPlan(db.prisma);
  scenario = await buildPublicScenario(db.prisma, plan.id, "rapporto");
  await addReportDecisions(db.prisma, scenario);
  workDir = await mkdtemp(path.join(tmpdir(), "consulta-report-"));
});
afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

/** Renders the report, writes it to a file and reads it back as a PDF reader would. */
async function readReport(locale: Locale): Promise<{ pdf: PdfText; bytes: Buffer; fileName: string; all: string }> {
  const { stream, fileName } = await renderRoundReportPdf(db.prisma, scenario.round.id, locale);
  const bytes = await buffer(stream);
  const file = path.join(workDir, fileName);
  await writeFile(file, bytes);
  const { stdout } = await run(process.execPath, [path.join(process.cwd(), "tests/support/pdf-text.mjs"), file], { maxBuffer: 20 * 1024 * 1024 });
  const pdf = JSON.parse(stdout) as PdfText;
  return { pdf, bytes, fileName, all: squash(pdf.text.join("\n")) };
}

/** Text with every run of white space (line breaks, no-break spaces) as one space. */
const squash = (text: string) => text.replace(/\s+/g, " ");

describe("getRoundReport", () => {
  test("participation by channel and by category (small categories merged), published decisions only, budget totals in cents", async () => {
    const report = await getRoundReport(db.prisma, scenario.round.id);
    if (!report.published) throw new Error("the scenario's round is published");
    expect(report.plan).toMatchObject({ id: scenario.plan.id, slug: scenario.plan.slug });
    // 14 web voters and 1 live voter, one of the 15 a citizen voting live.
    expect(report.participation).toMatchObject({ voters: 15, votersByChannel: { web: 14, live: 1 }, votesBySource: { web: 14, live: 1, paper: 4 }, proposals: 3, proposalSupports: 1 });
    // Citizens 7; families 5, business 2 and third sector 1: business and third sector (3) are too few
    // alone, so the smallest other category (families) joins them, and "other" shows 8.
    expect(report.participation.byCategory).toEqual([
      { category: "CITIZEN", voters: 7, merged: false },
      { category: MERGED_CATEGORY, voters: 8, merged: true },
    ]);

    const decided = report.decisions.measures.map((measure) => ({ code: measure.code, version: measure.decision.version, department: measure.fields.department, budgetCents: measure.fields.budgetCents }));
    expect(decided).toEqual([
      { code: scenario.measures.changed.code, version: 1, department: REPORT_DEPARTMENT, budgetCents: Number(REPORT_BUDGETS.changed) },
      { code: scenario.measures.fields.code, version: 1, department: REPORT_DEPARTMENT, budgetCents: Number(REPORT_BUDGETS.fields) },
    ]);
    const department = report.decisions.totals.byDepartment.find((group) => group.key === REPORT_DEPARTMENT);
    expect(department).toEqual({ key: REPORT_DEPARTMENT, label: REPORT_DEPARTMENT, budgetCents: REPORT_BUDGETS.fields + REPORT_BUDGETS.changed, measures: 2 });
    expect(report.decisions.totals.byDepartment.some((group) => group.key === UNPUBLISHED_DEPARTMENT)).toBe(false);
  });

  test("before the revision drafted from the round is published there is no report; an unknown round is NOT_FOUND", async () => {
    const report = await getRoundReport(db.prisma, scenario.draftRound.id);
    expect(report).toEqual({ published: false, round: expect.objectContaining({ id: scenario.draftRound.id }) });
    expect(await refusal(renderRoundReportPdf(db.prisma, scenario.draftRound.id, "it"))).toMatchObject({ code: "NOT_FOUND", messageKey: "reports.errors.notPublished" });
    expect((await refusal(renderRoundReportPdf(db.prisma, "00000000-0000-4000-8000-000000000000", "it"))).code).toBe("NOT_FOUND");
    expect((await refusal(renderRoundReportPdf(db.prisma, "not-a-uuid", "en"))).code).toBe("NOT_FOUND");
  });
});

describe("the report as a PDF", () => {
  test.each([
    { locale: "it" as const, lang: "it-IT", budget: "250.000,00 €", fileName: (id: string) => `rapporto-${id}-it.pdf` },
    { locale: "en" as const, lang: "en-GB", budget: "€250,000.00", fileName: (id: string) => `report-${id}-en.pdf` },
  ])("$locale: opens, tagged, with language, title, bookmarks, contents and the round's figures and decisions", async ({ locale, lang, budget, fileName: expectedName }) => {
    const t = createTranslator(locale);
    const { pdf, bytes, fileName, all } = await readReport(locale);
    expect(fileName).toBe(expectedName(scenario.round.id));
    expect(bytes.subarray(0, 8).toString("latin1")).toBe("%PDF-1.7");

    // Accessible: tagged, language, title shown, a structure tree with headings, lists and tables.
    expect(pdf.markInfo?.Marked).toBe(true);
    expect(pdf.lang).toBe(lang);
    expect(pdf.title).toBe(t("reports.title", { round: scenario.round.title }));
    const roles = new Set(pdf.roles.flat());
    for (const role of ["Document", "H1", "H2", "H3", "P", "L", "LI", "Table", "TR", "TH", "TD", "TOC", "TOCI"]) expect(roles).toContain(role);

    // Bookmarks: the contents, then every section in order.
    const sectionTitles = REPORT_SECTIONS.map((section) => t(`reports.sections.${section}`));
    expect(pdf.outline).toEqual([t("reports.contents"), ...sectionTitles]);

    // Page 2 lists the sections with the page each starts on; each title is on that page.
    const contents = squash(pdf.text[1]!);
    expect(contents).toContain(t("reports.contents"));
    sectionTitles.forEach((title, index) => {
      const entry = new RegExp(`${index + 1}\\. ${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} ${t("reports.pdf.tocPage", { page: 999 }).replace("999", "(\\d+)")}`);
      const match = contents.match(entry);
      expect(match).not.toBeNull();
      const page = Number(match![1]);
      expect(squash(pdf.text[page - 1]!)).toContain(title);
    });
    // Every page has its number in the footer.
    pdf.text.forEach((text, index) => expect(squash(text)).toContain(t("reports.pdf.page", { page: index + 1, pages: pdf.pages })));

    // What the round said and what was done and decided.
    expect(all).toContain(`${t("synthesis.outcome.participation.voters")} 15`);
    expect(all).toContain(`${t("synthesis.outcome.participation.votesPaper")} 4`);
    expect(all).toContain(t("synthesis.outcome.results.otherCategory"));
    expect(all).toContain("Molti hanno chiesto un tavolo stabile con i servizi sociali.");
    expect(all).toContain(TEXT_AFTER);
    expect(all).toContain("Respinta: la misura ha un ampio sostegno.");
    expect(all).toContain(REPORT_DEPARTMENT);
    expect(all).toContain(REPORT_FUNDING);
    expect(all).toContain(budget);
    expect(all).not.toContain(UNPUBLISHED_DEPARTMENT);
    // Italian accents and quotes survive the embedded font (no missing glyphs, no mojibake).
    expect(all).toContain(REPORT_NOTE);
    expect(all).toContain(t("reports.title", { round: scenario.round.title }));
    expect(all).not.toMatch(/\uFFFD/);
  });
});
