/**
 * The round's summary report in Chromium, for a visitor (no sign-in): from "you said, we did" to the
 * report page (contents linking each section, tables of figures, the published decisions), axe in
 * Italian and English, the print button only when scripts run; the PDF links answer application/pdf
 * attachments (Italian and English, or the language of Accept-Language without ?lang); before the
 * revision is published the page says so and the PDF answers 404 JSON.
 * The published round is hand-built in the server's database (synthesis-public-scenario.ts + report-scenario.ts).
 */
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import en from "@/messages/en.json";
import it from "@/messages/it.json";
import { useE2EBrowser } from "../support/browser";
import { describeE2E, e2eDatabaseUrl } from "../support/e2e-server";
import { deletePlanCopy, importPlanCopy } from "../support/e2e-rounds";
import { axeBothLanguages } from "../support/e2e-page";
import { REPORT_DEPARTMENT, addReportDecisions } from "../support/report-scenario";
import { type PublicScenario, buildPublicScenario } from "../support/synthesis-public-scenario";

jest.setTimeout(240_000);

describeE2E("the round's summary report", () => {
  const browser = useE2EBrowser();
  let prisma: PrismaClient;
  let scenario: PublicScenario;
  const stamp = Date.now();

  beforeAll(async () => {
    prisma = createPrismaClient(e2eDatabaseUrl(), { maxConnections: 2 });
    const plan = await importPlanCopy(prisma, `rapporto-${stamp}`);
    scenario = await buildPublicScenario(prisma, plan.id, `rapporto-e2e-${stamp}`);
    await addReportDecisions(prisma, scenario);
  });
  afterAll(async () => {
    if (scenario) await deletePlanCopy(prisma, scenario.plan.id);
    await prisma?.$disconnect();
  });

  test("a visitor goes from the outcome to the report, reads its sections and downloads the PDF in both languages", async () => {
    const page = await browser.page();
    expect((await page.goto(`/consultazioni/${scenario.round.id}/esiti`))?.status()).toBe(200);
    await Promise.all([page.waitForURL(`**/consultazioni/${scenario.round.id}/rapporto`), page.click(`a[href="/consultazioni/${scenario.round.id}/rapporto"]`)]);
    expect(await page.locator("h1").textContent()).toBe(it.reports.title.replace("{round}", scenario.round.title));

    // Contents: one link per section, each to a section with its heading.
    const contents = page.locator('nav[aria-labelledby="report-contents"] a');
    const sections = ["participation", "results", "changes", "proposals", "decisions"] as const;
    expect(await contents.allTextContents()).toEqual(sections.map((section) => it.reports.sections[section]));
    for (const href of await contents.evaluateAll((links) => links.map((link) => link.getAttribute("href")!))) {
      expect(await page.locator(`section${href} h2`).count()).toBe(1);
    }
    const main = (await page.locator("main").textContent()) ?? "";
    expect(main).toContain("Molti hanno chiesto un tavolo stabile con i servizi sociali.");
    expect(main).toContain("Respinta: la misura ha un ampio sostegno.");
    expect(await page.locator("#decisioni table").first().textContent()).toContain(REPORT_DEPARTMENT);
    expect(await page.locator("#decisioni").textContent()).toMatch(/250\.000,00\s€/);
    expect(await page.locator(`#partecipazione th[scope="row"]`, { hasText: it.synthesis.outcome.participation.voters }).locator("xpath=..").locator("td").textContent()).toBe("15");
    // Scripts run: the print button is there (print CSS hides it on paper).
    expect(await page.getByRole("button", { name: it.reports.print }).count()).toBe(1);

    // The PDF links, fetched with the page's cookies and headers.
    for (const [lang, label] of [["it", it.reports.downloadPdfIt], ["en", it.reports.downloadPdfEn]] as const) {
      const href = await page.getByRole("link", { name: label }).getAttribute("href");
      expect(href).toBe(`/api/v1/rounds/${scenario.round.id}/report.pdf?lang=${lang}`);
      const response = await page.request.get(href!);
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toBe("application/pdf");
      expect(response.headers()["content-disposition"]).toBe(`attachment; filename="${lang === "it" ? "rapporto" : "report"}-${scenario.round.id}-${lang}.pdf"`);
      const body = await response.body();
      expect(body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect(body.subarray(-6).toString("latin1")).toContain("%%EOF");
      // The embedded fonts alone weigh tens of kilobytes.
      expect(body.length).toBeGreaterThan(30_000);
    }
    // Without ?lang the PDF follows Accept-Language.
    const english = await page.request.get(`/api/v1/rounds/${scenario.round.id}/report.pdf`, { headers: { "accept-language": "en-GB,en;q=0.9" } });
    expect(english.headers()["content-disposition"]).toContain(`report-${scenario.round.id}-en.pdf`);
    const invalid = await page.request.get(`/api/v1/rounds/${scenario.round.id}/report.pdf?lang=fr`);
    expect(invalid.status()).toBe(400);
    expect(invalid.headers()["content-type"]).toContain("application/json");

    await axeBothLanguages(page);
    expect(await page.locator("h1").textContent()).toBe(en.reports.title.replace("{round}", scenario.round.title));
  });

  test("without JavaScript the report reads the same and offers the PDFs, without a print button that could not work", async () => {
    const page = await browser.page({ javaScriptEnabled: false });
    expect((await page.goto(`/en/consultazioni/${scenario.round.id}/rapporto`))?.status()).toBe(200);
    expect(await page.getByRole("button", { name: en.reports.print }).count()).toBe(0);
    expect(await page.getByRole("link", { name: en.reports.downloadPdfEn }).count()).toBe(1);
    expect(await page.locator("section h2").allTextContents()).toEqual(expect.arrayContaining([en.reports.sections.decisions]));
  });

  test("before the revision is published the page explains it and the PDF answers 404 JSON", async () => {
    const page = await browser.page();
    expect((await page.goto(`/consultazioni/${scenario.draftRound.id}/rapporto`))?.status()).toBe(200);
    expect(await page.locator("main").textContent()).toContain(it.reports.notPublishedTitle);
    expect(await page.locator("main table").count()).toBe(0);
    await axeBothLanguages(page);
    const response = await page.request.get(`/api/v1/rounds/${scenario.draftRound.id}/report.pdf?lang=it`, { headers: { "accept-language": "it-IT" } });
    expect(response.status()).toBe(404);
    expect(response.headers()["content-type"]).toContain("application/json");
    expect(JSON.stringify(await response.json())).toContain(it.reports.errors.notPublished);
    expect((await page.goto(`/consultazioni/00000000-0000-4000-8000-000000000000/rapporto`))?.status()).toBe(404);
  });
});
