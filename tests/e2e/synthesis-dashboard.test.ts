/**
 * The synthesis dashboard in Chromium: a facilitator reaches it from the round page by keyboard and
 * reads the results (all sources together), the k-anonymised categories, the opinion groups (two
 * planted groups among 30 voters) and the charts with their text alternatives; the response is not
 * cached; a stakeholder gets the staff-only notice and a signed-out visitor the sign-in page; axe-core
 * finds nothing in Italian and English. Votes are arranged in the e2e server's database.
 */
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { expectNoAxeViolations } from "../support/axe";
import { useE2EBrowser } from "../support/browser";
import { press } from "../support/e2e-page";
import { describeE2E, e2eDatabaseUrl } from "../support/e2e-server";
import { e2eSeedPlan, measureIdOf } from "../support/e2e-rounds";
import { confirmedUser, signIn } from "../support/e2e-users";

jest.setTimeout(240_000);

describeE2E("synthesis dashboard", () => {
  const browser = useE2EBrowser();
  let prisma: PrismaClient;
  const stamp = Date.now();
  const emails = { facilitator: `sintesi-facilitatrice-${stamp}@example.it`, stakeholder: `sintesi-cittadino-${stamp}@example.it` };
  let roundId = "";
  const codes = ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4"];

  beforeAll(async () => {
    prisma = createPrismaClient(e2eDatabaseUrl(), { maxConnections: 2 });
    await confirmedUser(prisma, emails.facilitator, "FACILITATOR", "Silvia Sintesi", "PUBLIC_BODY");
    await confirmedUser(prisma, emails.stakeholder, "STAKEHOLDER", "Carlo Cittadino", "CITIZEN");
    const plan = await e2eSeedPlan(prisma);
    // Long closed: it is nobody's "latest opened round" on the measure pages.
    const round = await prisma.round.create({
      data: { planId: plan.id, revisionId: plan.currentRevisionId, title: `Consultazione e2e sintesi ${stamp}`, status: "CLOSED", opensAt: new Date(Date.now() - 400 * 86_400_000), closesAt: new Date(Date.now() - 399 * 86_400_000) },
    });
    roundId = round.id;
    const measures = await Promise.all(codes.map((code) => measureIdOf(prisma, plan, code)));
    // 30 voters: 16 citizens support axis 1's measures and oppose axis 2's, 14 young people the opposite;
    // 2 businesses vote too (merged into "other categories" on the page).
    await prisma.user.createMany({
      data: Array.from({ length: 32 }, (_, i) => ({ email: `sintesi-voto-${stamp}-${i}@example.it`, role: "STAKEHOLDER" as const, emailVerified: new Date() })),
    });
    const voters = await prisma.user.findMany({ where: { email: { startsWith: `sintesi-voto-${stamp}-` } }, select: { id: true, email: true }, orderBy: { email: "asc" } });
    await prisma.vote.createMany({
      data: voters.flatMap((voter, i) => {
        const category = i < 16 ? ("CITIZEN" as const) : i < 30 ? ("YOUNG_PERSON" as const) : ("BUSINESS" as const);
        return measures.map((measureId, m) => ({
          roundId,
          measureId,
          userId: voter.id,
          category,
          priority: 1 + ((i + m) % 5),
          choice: (m < 4) === (category !== "YOUNG_PERSON") ? ("SUPPORT" as const) : ("OPPOSE" as const),
          channel: i % 4 === 0 ? ("LIVE" as const) : ("WEB" as const),
        }));
      }),
    });
  });
  afterAll(async () => {
    await prisma?.$disconnect();
  });


  test("a facilitator opens the dashboard from the round page and reads it, in both languages", async () => {
    const page = await browser.page();
    await signIn(page, emails.facilitator);
    await page.goto(`/consultazioni/${roundId}`);
    await press(page, `a[href='/consultazioni/${roundId}/sintesi']`);
    await page.waitForURL(`**/consultazioni/${roundId}/sintesi`);
    expect(await page.locator("h1").textContent()).toBe(`Sintesi: Consultazione e2e sintesi ${stamp}`);
    // Measure 1.1: 16 citizens and 2 businesses in favour, 14 young people against.
    const row11 = page.locator("#misura-1\\.1");
    expect(await row11.locator("td").allInnerTexts()).toEqual(expect.arrayContaining(["18", "14", "0", "32"]));
    // The chart: an SVG image with a title and a description carrying the numbers, and its data table.
    const chart = page.locator("figure svg[role=img]").first();
    expect(await chart.locator("title").textContent()).toBe("Favorevoli, contrari e astenuti per misura (tutti i canali)");
    expect(await chart.locator("desc").textContent()).toContain("Misura 1.1: Favorevoli 18 (56%), Contrari 14 (44%), Astenuti 0 (0%)");
    // Categories: the 2 businesses are merged, never shown alone.
    expect(await page.locator("#categories-title").count()).toBe(1);
    expect(await page.locator("table:has(caption:text('Voti per misura e categoria')) th:text-is('Impresa')").count()).toBe(0);
    expect(await page.locator("text=Altre categorie (accorpate)").count()).toBeGreaterThan(0);
    // Opinion groups: two groups, 18 (citizens and the businesses, who vote alike) and 14, explained.
    expect(await page.locator("#groups-title").textContent()).toBe("Gruppi di opinione");
    expect(await page.locator("h3:has-text('Gruppo A:')").textContent()).toContain("18 persone");
    expect(await page.locator("h3:has-text('Gruppo B:')").textContent()).toContain("14 persone");
    expect(await page.locator("text=analisi delle componenti principali (PCA)").count()).toBe(1);
    // Links to the next steps.
    expect(await page.locator(`a[href='/consultazioni/${roundId}/sintesi/proposte']`).count()).toBe(1);
    expect(await page.locator(`a[href='/consultazioni/${roundId}/sintesi/bozza']`).count()).toBe(1);
    await expectNoAxeViolations(page, "it");

    const response = await page.goto(`/en/consultazioni/${roundId}/sintesi`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()["cache-control"]).toContain("no-store");
    expect(await page.locator("h1").textContent()).toBe(`Synthesis: Consultazione e2e sintesi ${stamp}`);
    expect(await page.locator("#groups-title").textContent()).toBe("Opinion groups");
    // The data tables open without JavaScript-driven widgets (details/summary), and axe checks them open too.
    for (const summary of await page.locator("details > summary").all()) await summary.click();
    await expectNoAxeViolations(page, "en");
  });

  test("a stakeholder sees the staff-only notice; a signed-out visitor is sent to sign in", async () => {
    const stakeholder = await browser.page();
    await signIn(stakeholder, emails.stakeholder);
    await stakeholder.goto(`/consultazioni/${roundId}`);
    expect(await stakeholder.locator(`a[href='/consultazioni/${roundId}/sintesi']`).count()).toBe(0);
    const response = await stakeholder.goto(`/consultazioni/${roundId}/sintesi`);
    expect(response?.status()).toBe(200);
    expect(await stakeholder.locator("h1").textContent()).toBe("Pagina riservata allo staff");
    expect(await stakeholder.locator("table").count()).toBe(0);
    await expectNoAxeViolations(stakeholder, "forbidden it");

    const visitor = await browser.page();
    await visitor.goto(`/consultazioni/${roundId}/sintesi`);
    expect(new URL(visitor.url()).pathname).toBe("/accedi");
  });
});
