/**
 * The accountability pages in Chromium: a visitor sees a plan's measures with their decision fields,
 * status badges and progress bars, the budget totals (summary, charts with data tables) and the
 * open-data links; filters by status (GET form, malformed filters answer 400); opens a measure's page
 * (decision note, dated updates). An official adds an update with the keyboard: field errors first
 * (error summary linked to the fields), then the update published and shown on both pages; the page
 * is never stored for them, and the form works without JavaScript too. axe finds nothing on both
 * pages in Italian and English. Decisions and updates are arranged directly in the server's database
 * (tests/support/accountability-factory.ts).
 */
import type { Page } from "playwright-core";
import { getAccountability } from "@/lib/accountability/get-accountability";
import { formatEuroBigCents } from "@/lib/i18n/format";
import en from "@/messages/en.json";
import it from "@/messages/it.json";
import { decide, progressUpdate } from "../support/accountability-factory";
import { expectNoAxeViolations } from "../support/axe";
import { useE2EBrowser } from "../support/browser";
import { axeBothLanguages, typeInto, waitForText } from "../support/e2e-page";
import { measureIdOf, usePlanCopy } from "../support/e2e-rounds";
import { describeE2E } from "../support/e2e-server";
import { confirmedUser, signIn } from "../support/e2e-users";

jest.setTimeout(300_000);

const a = it.accountability;

/** Selects everything in a field and types over it, as a keyboard user would. */
async function retype(page: Page, selector: string, text: string): Promise<void> {
  await page.focus(selector);
  await page.keyboard.press("Control+A");
  await page.keyboard.type(text);
}

describeE2E("accountability: decisions, status and progress in public; officials' updates", () => {
  const browser = useE2EBrowser();
  const stamp = Date.now();
  const db = usePlanCopy(`attuazione-${stamp}`);
  const officialEmail = `funzionaria-attuazione-${stamp}@example.it`;
  const note = `Finanziata con il bando regionale ${stamp}.`;
  const firstUpdate = `Gara aggiudicata, cantiere aperto in via Roma ${stamp}.`;
  const base = () => `/piani/${db.plan.slug}/attuazione`;
  const measureItem = (page: Page, code: string) => page.locator(`#misura-${code.replace(".", "\\.")}`);

  beforeAll(async () => {
    const { prisma, plan } = db;
    await confirmedUser(prisma, officialEmail, "OFFICIAL", "Franca Funzionaria");
    const m11 = await measureIdOf(prisma, plan, "1.1");
    const m12 = await measureIdOf(prisma, plan, "1.2");
    await decide(prisma, plan.currentRevisionId, m11, { timing: "24 mesi", budgetCents: 123_456_789n, fundingSource: `Regione Toscana ${stamp}`, department: "Servizi sociali", note });
    await progressUpdate(prisma, m11, "IN_PROGRESS", 40, { text: firstUpdate, at: new Date(Date.now() - 86_400_000) });
    await decide(prisma, plan.currentRevisionId, m12, { budgetCents: 5_000_00n, fundingSource: "Provincia", department: "Lavori pubblici" });
    await progressUpdate(prisma, m12, "DONE", 100, { text: "Opera conclusa e collaudata." });
  });

  test("a visitor sees fields, status, progress and totals, filters by status and opens a measure", async () => {
    const page = await browser.page();
    expect((await page.goto(base()))?.status()).toBe(200);
    expect(await page.locator("h1").textContent()).toBe(a.title);

    const m11 = measureItem(page, "1.1");
    const text = (await m11.textContent()) ?? "";
    for (const shown of ["24 mesi", "1.234.567,89\u00a0€", `Regione Toscana ${stamp}`, "Servizi sociali", a.status.IN_PROGRESS]) expect(text).toContain(shown);
    const bar = m11.locator("[role=progressbar]");
    expect(await bar.getAttribute("aria-valuenow")).toBe("40");
    expect(await bar.getAttribute("aria-label")).toBe(`Avanzamento della misura 1.1`);
    expect(text).toContain("40%");
    expect(await m11.locator(".badge").textContent()).toBe(a.status.IN_PROGRESS);
    expect(await measureItem(page, "1.2").locator("[role=progressbar]").getAttribute("aria-valuenow")).toBe("100");

    // Totals: what the domain computes (bigint cents), written on the page and in the charts' tables.
    const expected = await getAccountability(db.prisma, { slug: db.plan.slug });
    expect(await page.locator("#budget-complessivo").textContent()).toContain(formatEuroBigCents(expected.totals.totalCents, "it"));
    const sourceRow = page.locator("#budget-fonti-data tbody tr", { hasText: `Regione Toscana ${stamp}` });
    expect(await sourceRow.locator("td").textContent()).toBe("1.234.567,89\u00a0€");
    expect(await page.locator("#budget-assi-data tbody tr").count()).toBe(expected.axisOptions.length);
    expect(await page.locator("figure svg[role=img]").count()).toBe(3);
    const inProgress = expected.statusCounts.find((row) => row.status === "IN_PROGRESS")?.measures;
    expect(await page.locator("#stati tbody tr", { hasText: a.status.IN_PROGRESS }).locator("td").textContent()).toBe(String(inProgress));
    expect(await page.locator(`a[href="/api/v1/budget-totals?plan=${db.plan.slug}&format=csv"]`).count()).toBe(1);
    expect(await page.locator(`a[href="/api/v1/budget-totals?plan=${db.plan.slug}&format=json"]`).count()).toBe(1);
    expect(await page.locator('main a[href="/dati-aperti"]').count()).toBe(1);

    // Filter by status (a GET form): only the measure in progress stays.
    await page.selectOption("#stato", "IN_PROGRESS");
    await page.locator("form[method=get] button[type=submit]").press("Enter");
    await page.waitForURL((url) => url.searchParams.get("stato") === "IN_PROGRESS");
    expect(await page.locator("li[id^=misura-]").evaluateAll((items) => items.map((item) => item.id))).toEqual(["misura-1.1"]);
    expect(await page.inputValue("#stato")).toBe("IN_PROGRESS");
    expect((await page.goto(`${base()}?stato=FINITA`))?.status()).toBe(400);
    expect((await page.goto(`${base()}?asse=uno`))?.status()).toBe(400);

    // The measure's page: decision, note, dated update.
    await page.goto(`${base()}?stato=IN_PROGRESS`);
    await page.locator(`#misura-1\\.1 h4 a`).click();
    await page.waitForURL(`**${base()}/1.1`);
    expect(await page.locator("h1").textContent()).toBe("Misura 1.1: attuazione");
    const main = (await page.locator("main").textContent()) ?? "";
    for (const shown of [note, firstUpdate, "1.234.567,89\u00a0€", a.status.IN_PROGRESS, "Revisione 1, versione 1"]) expect(main).toContain(shown);
    expect(main).not.toContain("Franca Funzionaria");
    expect(await page.locator("#nuovo-aggiornamento").count()).toBe(0);
    expect((await page.goto(`${base()}/9.99`))?.status()).toBe(404);
  });

  test("axe finds nothing on both pages, in Italian and English", async () => {
    const page = await browser.page();
    await page.goto(base());
    await axeBothLanguages(page);
    await page.goto(`/en${base()}`);
    expect(await page.locator("h1").textContent()).toBe(en.accountability.title);
    await page.goto(`${base()}/1.1`);
    await axeBothLanguages(page);
  });

  test("an official posts an update with the keyboard: errors first, then it is public", async () => {
    const page = await browser.page();
    await signIn(page, officialEmail);
    const path = `${base()}/1.3`;
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    expect(response?.headers()["cache-control"]).toContain("no-store");
    expect(await page.locator("#aggiornamenti").textContent()).toContain(a.measure.noUpdates);

    // A status chosen by typing its first letters, a percentage above 100 and a text too short.
    await page.focus("#status");
    await page.keyboard.type("In corso");
    expect(await page.inputValue("#status")).toBe("IN_PROGRESS");
    await typeInto(page, "#progressPercent", "150");
    await typeInto(page, "#text", "Breve");
    await page.focus("#progressPercent");
    await page.keyboard.press("Enter");
    await waitForText(page, "#error-summary", a.fields.percentInvalid);
    expect(await page.locator("#error-summary").textContent()).toContain(a.fields.textTooShort);
    expect(await page.locator('#error-summary a[href="#progressPercent"]').count()).toBe(1);
    expect(await page.getAttribute("#progressPercent", "aria-invalid")).toBe("true");
    expect(await page.getAttribute("#progressPercent", "aria-describedby")).toContain("progressPercent-error");
    await expectNoAxeViolations(page, `${path} (errors)`);

    await page.focus("#status");
    await page.keyboard.type("In corso");
    await retype(page, "#progressPercent", "60");
    const update = `Completato il primo lotto di lavori ${stamp}.`;
    await retype(page, "#text", update);
    await page.focus("#progressPercent");
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.searchParams.get("esito") === "aggiornamento-pubblicato");
    expect(await page.locator("main [role=status]").first().textContent()).toBe(a.form.published);
    const first = page.locator("#elenco-aggiornamenti > li").first();
    expect(await first.textContent()).toContain(update);
    expect(await first.textContent()).toContain("avanzamento 60%");
    expect(await page.locator("#avanzamento [role=progressbar]").getAttribute("aria-valuenow")).toBe("60");
    await axeBothLanguages(page);

    // The public list shows it too.
    await page.goto(base());
    expect(await measureItem(page, "1.3").locator(".badge").textContent()).toBe(a.status.IN_PROGRESS);
    expect(await measureItem(page, "1.3").locator("[role=progressbar]").getAttribute("aria-valuenow")).toBe("60");
  });

  test("the update form works without JavaScript: a field error, then the update published", async () => {
    const page = await browser.page({ javaScriptEnabled: false });
    await signIn(page, officialEmail);
    await page.goto(`${base()}/1.4`);
    await page.selectOption("#status", "TO_BE_DECIDED");
    await page.fill("#progressPercent", "5");
    await page.fill("#text", "Si attende il bilancio provinciale.");
    await page.click("#nuovo-aggiornamento button[type=submit]");
    await page.waitForLoadState("load");
    expect(await page.locator("#error-summary").textContent()).toContain(a.fields.percentToBeDecided);
    expect(await page.locator("#progressPercent-error").textContent()).toBe(a.fields.percentToBeDecided);
    expect(await page.inputValue("#text")).toBe("Si attende il bilancio provinciale.");

    await page.selectOption("#status", "DONE");
    await page.fill("#progressPercent", "100");
    await page.click("#nuovo-aggiornamento button[type=submit]");
    await page.waitForURL((url) => url.searchParams.get("esito") === "aggiornamento-pubblicato");
    expect(await page.locator("#avanzamento .badge").textContent()).toBe(a.status.DONE);
    expect(await page.locator("#avanzamento [role=progressbar]").getAttribute("aria-valuenow")).toBe("100");
  });
});
