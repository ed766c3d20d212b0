/**
 * Open data in Chromium and over HTTP: the catalogue page /dati-aperti (every dataset with its fields,
 * CSV/JSON links, licence, OpenAPI link; axe in Italian and English; linked from the footer), the
 * proposals CSV downloaded by following the page's link (content type, attachment, header row,
 * formula neutralised), and every dataset's JSON from the running server validated with the zod
 * schema the OpenAPI document publishes. Data: a hand-built published round on a plan copy
 * (tests/support/synthesis-public-scenario.ts) plus a proposal titled like a formula.
 */
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { openDatasets } from "@/lib/open-data/catalogue";
import { columnsOf } from "@/lib/open-data/dataset";
import { errorDto } from "@/lib/plan/plan.schemas";
import en from "@/messages/en.json";
import it from "@/messages/it.json";
import { useE2EBrowser } from "../support/browser";
import { describeE2E, e2eDatabaseUrl, get } from "../support/e2e-server";
import { axeBothLanguages } from "../support/e2e-page";
import { deletePlanCopy, importPlanCopy } from "../support/e2e-rounds";
import { type PublicScenario, buildPublicScenario } from "../support/synthesis-public-scenario";

jest.setTimeout(240_000);

describeE2E("open data", () => {
  const browser = useE2EBrowser();
  let prisma: PrismaClient;
  let scenario: PublicScenario;
  const stamp = Date.now();
  const formulaTitle = `=SOMMA(A1) ${stamp}`;

  beforeAll(async () => {
    prisma = createPrismaClient(e2eDatabaseUrl(), { maxConnections: 2 });
    const plan = await importPlanCopy(prisma, `dati-aperti-${stamp}`);
    scenario = await buildPublicScenario(prisma, plan.id, `dati-aperti-${stamp}`);
    const author = await prisma.user.create({ data: { email: `dati-aperti-${stamp}@example.it`, role: "STAKEHOLDER", profile: { create: { displayName: "Autrice Riservata", category: "FAMILY" } } }, select: { id: true } });
    await prisma.proposal.create({ data: { roundId: scenario.round.id, authorId: author.id, kind: "NEW_MEASURE", axisId: scenario.axis1.id, title: formulaTitle, rationale: "Una motivazione, con virgole e “virgolette”; è così." } });
  });
  afterAll(async () => {
    if (scenario) await deletePlanCopy(prisma, scenario.plan.id);
    await prisma?.$disconnect();
  });

  test("the catalogue page: every dataset with fields and links, licence, OpenAPI; axe in both languages", async () => {
    const page = await browser.page();
    expect((await page.goto("/"))?.status()).toBe(200);
    // The footer leads to the catalogue.
    await page.locator(`#footer a:has-text("${it.footer.openData}")`).click();
    await page.waitForURL("**/dati-aperti");
    expect(await page.locator("h1").textContent()).toBe(it.openData.title);
    for (const dataset of openDatasets) {
      const section = page.locator(`section#${dataset.name}`);
      expect(await section.locator("tbody th code").allTextContents()).toEqual(columnsOf(dataset.row));
    }
    expect(await page.locator('a[href="/api/v1/openapi.json"]').count()).toBeGreaterThan(0);
    expect(await page.locator('a[href^="https://creativecommons.org/licenses/by/4.0/"]').count()).toBe(1);
    expect(await page.locator(`section#proposals tbody tr:has(th code:text-is("body"))`).locator("td").last().textContent()).toBe(it.openData.fields.proposals.body);
    await axeBothLanguages(page);
    expect(await page.locator("h1").textContent()).toBe(en.openData.title);
    expect(await page.locator(`section#proposals tbody tr:has(th code:text-is("body"))`).locator("td").last().textContent()).toBe(en.openData.fields.proposals.body);
  });

  test("following the proposals CSV link downloads a CSV: header row, formula neutralised, no author", async () => {
    const page = await browser.page();
    expect((await page.goto("/dati-aperti"))?.status()).toBe(200);
    const link = page.locator("section#proposals a", { hasText: it.openData.downloadCsv });
    const href = await link.getAttribute("href");
    expect(href).toBe("/api/v1/proposals?format=csv");
    const response = await page.request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8; header=present");
    expect(response.headers()["content-disposition"]).toBe('attachment; filename="proposals.csv"');
    expect(response.headers()["cache-control"]).toMatch(/^public, max-age=\d+$/);
    const text = await response.text();
    expect(text.split("\r\n")[0]).toBe(columnsOf(openDatasets.find((dataset) => dataset.name === "proposals")!.row).join(","));
    expect(text).toContain(`,'${formulaTitle},`);
    expect(text).toContain('"Una motivazione, con virgole e “virgolette”; è così."');
    expect(text).not.toContain("Autrice Riservata");
    expect(text).not.toContain(`dati-aperti-${stamp}@example.it`);
  });

  test("every dataset's JSON from the server validates with its documented schema", async () => {
    const query: Record<string, string> = { revisions: `plan=${scenario.plan.slug}`, rounds: `plan=${scenario.plan.slug}`, results: `round=${scenario.round.id}`, proposals: `round=${scenario.round.id}`, decisions: `plan=${scenario.plan.slug}`, "budget-totals": `plan=${scenario.plan.slug}` };
    for (const dataset of openDatasets) {
      const response = await get(`/api/v1/${dataset.name}?${query[dataset.name]}`);
      expect({ dataset: dataset.name, status: response.status }).toEqual({ dataset: dataset.name, status: 200 });
      expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
      const parsed = dataset.document.safeParse(await response.json());
      if (!parsed.success) throw new Error(`${dataset.name}: ${JSON.stringify(parsed.error.issues.slice(0, 5))}`);
      const items = (parsed.data as { items: unknown[] }).items;
      if (dataset.name !== "decisions") expect({ dataset: dataset.name, empty: items.length === 0 }).toEqual({ dataset: dataset.name, empty: false });
    }
  });

  test("bad or unknown filters: 400 and 404 JSON errors in the caller's language", async () => {
    const missing = await get("/api/v1/results?format=csv");
    expect(missing.status).toBe(400);
    expect(errorDto.parse(await missing.json()).error.code).toBe("VALIDATION");
    const unknown = await get("/api/v1/results?round=00000000-0000-4000-8000-000000000000", { headers: { "accept-language": "en" } });
    expect(unknown.status).toBe(404);
    expect(errorDto.parse(await unknown.json()).error.message).toBe("No consultation round with identifier “00000000-0000-4000-8000-000000000000”.");
    expect((await get("/api/v1/decisions?plan=piano-che-non-esiste")).status).toBe(404);
    expect((await get("/api/v1/proposals?format=xlsx")).status).toBe(400);
  });
});
