/**
 * Officials' decisions in Chromium: an official signs in, decides measures 1.1 and 1.2 through the
 * measure form with the keyboard (a wrong budget first: the error summary takes the focus and links
 * to the field), then answers 1.3 and 1.1 together with the bulk action, and reads the history. A
 * stakeholder is refused (403); the lists page adds an entry. axe finds nothing on the review, the
 * measure page and the lists page in Italian and English. Then the whole loop: a round's draft takes
 * the decided fields, the official decides on the draft (not public yet), the revision is published,
 * and a visitor finds the decision on the accountability page, in the round's report and its PDF, and
 * in the decisions and budget-totals CSV. The plan copy is arranged in the server's database; what the
 * pages did is checked there too.
 */
import type { Page } from "playwright-core";
import { publishRevision } from "@/lib/synthesis/publish-revision";
import { startRevisionDraft } from "@/lib/synthesis/start-revision-draft";
import { useE2EBrowser } from "../support/browser";
import { axeBothLanguages, press, typeInto } from "../support/e2e-page";
import { measureIdOf, usePlanCopy } from "../support/e2e-rounds";
import { describeE2E } from "../support/e2e-server";
import { confirmedUser, signIn } from "../support/e2e-users";

jest.setTimeout(300_000);

describeE2E("officials' decisions: form, bulk answer, history, lists", () => {
  const browser = useE2EBrowser();
  const stamp = Date.now();
  const db = usePlanCopy(`decisioni-${stamp}`);
  const officialEmail = `funzionaria-${stamp}@example.it`;
  const stakeholderEmail = `cittadino-decisioni-${stamp}@example.it`;
  const newEntry = `Fondo di prova ${stamp}`;
  /** The round closed in the second test, whose draft (revision 2) the last test decides on and publishes. */
  let closedRound: { id: string; facilitatorId: string } | undefined;

  beforeAll(async () => {
    await confirmedUser(db.prisma, officialEmail, "OFFICIAL", "Ornella Funzionaria", "PUBLIC_BODY");
    await confirmedUser(db.prisma, stakeholderEmail, "STAKEHOLDER", "Carlo Cittadino");
  });
  afterAll(async () => {
    await db.prisma?.decisionOption.deleteMany({ where: { label: newEntry } });
  });

  const notice = (page: Page) => page.locator("main [role=status], main [role=alert]").first().textContent();

  test("an official decides two measures by the form and two by the bulk action, and sees the history", async () => {
    const { prisma, plan } = db;
    const review = `/piani/${plan.slug}/revisioni/1/decisioni`;
    const page = await browser.page();
    await signIn(page, officialEmail);

    // The plan page links deciders to the review.
    await page.goto(`/piani/${plan.slug}`);
    await page.click("main a:has-text('Decisioni sulle misure')");
    await page.waitForURL((url) => url.pathname === review);
    expect(await page.locator("h1").textContent()).toBe("Decisioni sulla revisione 1");
    expect(await page.locator("main").textContent()).toContain("le decisioni salvate sono pubbliche subito");

    // ── Measure 1.1 through the form, keyboard only for the text fields. ──
    await page.goto(`${review}/1.1`);
    expect(await page.locator("h1").textContent()).toBe("Misura 1.1: la decisione");
    await page.fill("#startsOn", "2027-01-01");
    await page.fill("#endsOn", "2028-12-31");
    await page.fill("#timing", "");
    await typeInto(page, "#timing", "24 mesi");
    await page.selectOption("#fundingSource", "Fondi regionali");
    await page.selectOption("#department", "other");
    await typeInto(page, "#departmentOther", "Ufficio Europa");
    await typeInto(page, "#note", "Finanziata dal bando regionale.");
    await page.fill("#budget", "");
    await typeInto(page, "#budget", "125.000,50");
    await press(page, "#budget");
    await page.waitForURL((url) => url.searchParams.get("esito") === "salvata-pubblica");
    expect(await notice(page)).toBe("Decisione salvata e pubblicata.");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("status");
    expect(await page.locator("#storia-decisione tbody tr").count()).toBe(1);
    expect(await page.locator("section:has(#decisione-attuale)").textContent()).toContain("125.000,50");

    // ── Measure 1.2: a wrong budget is refused with the field named, then corrected. ──
    await page.goto(`${review}/1.2`);
    await page.selectOption("#department", "Politiche sociali");
    await page.fill("#budget", "");
    await typeInto(page, "#budget", "1,200");
    await press(page, "#budget");
    await page.locator("#error-summary").waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("error-summary");
    expect(await page.locator("#error-summary a").first().getAttribute("href")).toBe("#budget");
    expect(await page.locator("#budget").getAttribute("aria-invalid")).toBe("true");
    // What was sent stays in the fields, selects included.
    expect(await page.locator("#department").inputValue()).toBe("Politiche sociali");
    await page.fill("#budget", "");
    await typeInto(page, "#budget", "5.000");
    await press(page, "#budget");
    await page.waitForURL((url) => url.searchParams.get("esito") === "salvata-pubblica");
    await axeBothLanguages(page);

    // ── Bulk: 1.1 and 1.3 get a department. ──
    await page.goto(review);
    await press(page, "input[aria-label='Seleziona la misura 1.1']", "Space");
    await press(page, "input[aria-label='Seleziona la misura 1.3']", "Space");
    await page.selectOption("#department", "Lavoro e sviluppo economico");
    await press(page, "#bulk-form button[type=submit]");
    await page.waitForURL((url) => url.searchParams.get("esito") === "applicata");
    expect(await notice(page)).toBe("Applicata: 2 misure aggiornate (1.1, 1.3).");
    await axeBothLanguages(page);

    // ── The history of 1.1: two versions, the second changing the department. ──
    await page.goto(`${review}/1.1`);
    const rows = page.locator("#storia-decisione tbody tr");
    expect(await rows.count()).toBe(2);
    expect(await rows.first().textContent()).toContain("Dipartimento responsabile: da «Ufficio Europa» a «Lavoro e sviluppo economico»");
    expect(await rows.first().textContent()).toContain("Ornella Funzionaria");

    const revisionId = plan.currentRevisionId;
    const latest = async (code: string) =>
      prisma.decision.findFirst({ where: { revisionId, measureId: await measureIdOf(prisma, plan, code) }, orderBy: { version: "desc" }, select: { version: true, budgetCents: true, department: true, fundingSource: true, publishedAt: true } });
    expect(await latest("1.1")).toMatchObject({ version: 2, budgetCents: 12_500_050n, department: "Lavoro e sviluppo economico", fundingSource: "Fondi regionali", publishedAt: expect.any(Date) });
    expect(await latest("1.2")).toMatchObject({ version: 1, budgetCents: 500_000n, department: "Politiche sociali" });
    expect(await latest("1.3")).toMatchObject({ version: 1, department: "Lavoro e sviluppo economico" });

    // ── The lists page: add an entry with the keyboard; axe in both languages. ──
    await page.goto("/admin/elenchi");
    await typeInto(page, "#nuova-FUNDING_SOURCE", newEntry);
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.searchParams.get("esito") === "aggiunta");
    expect(await notice(page)).toBe("Voce aggiunta.");
    expect(await page.locator("main").textContent()).toContain(newEntry);
    await axeBothLanguages(page);
  });

  test("after the round, the draft revision takes the decided fields and its review is reached from the synthesis dashboard", async () => {
    const { prisma, plan } = db;
    const facilitatorId = await confirmedUser(prisma, `facilitatore-decisioni-${stamp}@example.it`, "FACILITATOR", "Fabio Facilitatore");
    const round = await prisma.round.create({
      data: { planId: plan.id, revisionId: plan.currentRevisionId, title: `Consultazione decisioni ${stamp}`, status: "CLOSED", opensAt: new Date(Date.now() - 400 * 86_400_000), closesAt: new Date(Date.now() - 399 * 86_400_000) },
    });
    const facilitator = { userId: facilitatorId, sessionId: "", role: "FACILITATOR" as const, email: null, displayName: "Fabio Facilitatore", locale: "it", liveGuestOfId: null };
    expect(await startRevisionDraft(prisma, facilitator, round.id)).toMatchObject({ number: 2, created: true });
    closedRound = { id: round.id, facilitatorId };

    const page = await browser.page();
    await signIn(page, officialEmail);
    await page.goto(`/consultazioni/${round.id}/sintesi`);
    await page.click("main a:has-text('Decisioni sulla bozza (revisione 2)')");
    await page.waitForURL((url) => url.pathname === `/piani/${plan.slug}/revisioni/2/decisioni`);
    expect(await page.locator("main").textContent()).toContain("saranno pubblicate insieme alla revisione");
    // Measure 1.1 starts from the decision published on revision 1.
    const row = page.locator("tr:has(input[aria-label='Seleziona la misura 1.1'])");
    expect(await row.textContent()).toContain("Dipartimento responsabile: Lavoro e sviluppo economico");
    expect(await row.textContent()).toContain("125.000,50");
    await axeBothLanguages(page);
  });

  test("the loop closes: a decision on the draft is published with the revision; a visitor checks it on the accountability page, in the round's report and in the open data", async () => {
    const { prisma, plan } = db;
    const round = closedRound!;
    const page = await browser.page();
    await signIn(page, officialEmail);
    await page.goto(`/piani/${plan.slug}/revisioni/2/decisioni/1.2`);
    await page.fill("#budget", "");
    await typeInto(page, "#budget", "17.654,32");
    await page.fill("#note", "");
    await typeInto(page, "#note", `Raddoppiata dopo la consultazione ${stamp}.`);
    await press(page, "#budget");
    // On a draft the decision waits for the revision.
    await page.waitForURL((url) => url.searchParams.get("esito") === "salvata");

    const visitor = await browser.page();
    await visitor.goto(`/piani/${plan.slug}/attuazione`);
    expect(await visitor.locator("#misura-1\\.2").textContent()).not.toMatch(/17\.654,32/);

    const facilitator = { userId: round.facilitatorId, sessionId: "", role: "FACILITATOR" as const, email: null, displayName: "Fabio Facilitatore", locale: "it", liveGuestOfId: null };
    await publishRevision(prisma, facilitator, round.id, { summary: `Revisione 2 con le decisioni dell'amministrazione ${stamp}.` });

    // The accountability page shows the published decision of the revision now in force.
    expect((await visitor.goto(`/piani/${plan.slug}/attuazione`))?.status()).toBe(200);
    expect(await visitor.locator("#misura-1\\.2").textContent()).toMatch(/17\.654,32\s€/);
    const measurePage = await visitor.goto(`/piani/${plan.slug}/attuazione/1.2`);
    expect(measurePage?.status()).toBe(200);
    expect(await visitor.locator("main").textContent()).toContain(`Raddoppiata dopo la consultazione ${stamp}.`);

    // The round's report: the page lists the decision, its PDF link downloads a PDF.
    expect((await visitor.goto(`/consultazioni/${round.id}/rapporto`))?.status()).toBe(200);
    expect(await visitor.locator("#decisioni").textContent()).toMatch(/17\.654,32\s€/);
    const pdfHref = await visitor.locator(`a[href*="/api/v1/rounds/${round.id}/report.pdf"]`).first().getAttribute("href");
    const pdf = await visitor.request.get(pdfHref!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");

    // Open data: the decisions CSV has the published version; the budget totals CSV linked from the page adds it up.
    const csv = await visitor.request.get(`/api/v1/decisions?plan=${plan.slug}&format=csv`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toMatch(/^text\/csv/);
    const lines = (await csv.text()).split("\r\n").filter(Boolean);
    const decided = lines.filter((line) => line.includes(`Raddoppiata dopo la consultazione ${stamp}.`));
    expect(decided).toHaveLength(1);
    expect(decided[0]).toMatch(new RegExp(`^${plan.slug},2,1\\.2,\\d+,`));
    expect(decided[0]).toContain(",1765432,");
    await visitor.goto(`/piani/${plan.slug}/attuazione`);
    const totalsHref = await visitor.locator(`a[href^="/api/v1/budget-totals"][href*="format=csv"]`).first().getAttribute("href");
    const totals = await visitor.request.get(totalsHref!);
    expect(totals.status()).toBe(200);
    expect(await totals.text()).toMatch(/^plan,revision,dimension,key,label,budgetCents,measures\r\n/);
  });

  test("a stakeholder is refused the review (403)", async () => {
    const page = await browser.page();
    await signIn(page, stakeholderEmail);
    const response = await page.goto(`/piani/${db.plan.slug}/revisioni/1/decisioni`);
    expect(response?.status()).toBe(403);
    expect((await page.goto("/admin/elenchi"))?.status()).toBe(403);
  });
});
