/**
 * Votes and comments on a measure page in Chromium, by keyboard: two stakeholders of different
 * categories (arranged in the server's database, like admin-users.test.ts) vote, comment and reply;
 * the reply notifies the first; a refused comment keeps its text; a vote works without JavaScript;
 * the results page shows sources and, once the round has closed, categories. axe on the measure
 * page with its sections and on the results page, in both languages.
 */
import type { Page } from "playwright-core";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import type { StakeholderCategory } from "@/lib/db/generated/enums";
import { expectNoAxeViolations } from "../support/axe";
import { useE2EBrowser } from "../support/browser";
import { voteByKeyboard } from "../support/e2e-measure-page";
import { describeE2E, e2eDatabaseUrl } from "../support/e2e-server";
import { e2eSeedPlan, measureIdOf, openRound } from "../support/e2e-rounds";
import { confirmedUser, signIn } from "../support/e2e-users";

jest.setTimeout(180_000);

describeE2E("participation on a measure page", () => {
  const browser = useE2EBrowser();
  let prisma: PrismaClient;
  const stamp = Date.now();
  const people = {
    anna: { email: `anna-${stamp}@example.it`, name: "Anna Cittadina", category: "CITIZEN" as StakeholderCategory, id: "" },
    bruno: { email: `bruno-${stamp}@example.it`, name: "Bruno Giovane", category: "YOUNG_PERSON" as StakeholderCategory, id: "" },
    carla: { email: `carla-${stamp}@example.it`, name: "Carla Senza Script", category: "BUSINESS" as StakeholderCategory, id: "" },
  };
  let roundId = "";
  let measurePath = "";
  let measureId = "";

  beforeAll(async () => {
    prisma = createPrismaClient(e2eDatabaseUrl(), { maxConnections: 2 });
    for (const person of Object.values(people)) {
      person.id = await confirmedUser(prisma, person.email, "STAKEHOLDER", person.name, person.category);
    }
    const plan = await e2eSeedPlan(prisma);
    // Opened a moment ago: the newest open round of the plan, so the measure pages show it.
    const round = await openRound(prisma, plan, `Consultazione e2e voti ${stamp}`);
    roundId = round.id;
    measurePath = `/piani/${plan.slug}/misure/2.3`;
    measureId = await measureIdOf(prisma, plan, "2.3");
  });
  afterAll(async () => {
    await prisma?.$disconnect();
  });

  const vote = (page: Page, choice: string, priority: string) => voteByKeyboard(page, measurePath, choice, priority);

  async function webRow(page: Page): Promise<string[]> {
    return page.locator("#voto table").first().locator("tbody tr").first().locator("td").allTextContents();
  }

  test("two stakeholders vote, comment and reply by keyboard; the reply is notified; axe passes", async () => {
    const anna = await browser.page();
    await signIn(anna, people.anna.email);
    await anna.goto(measurePath);
    expect(await anna.locator("#vote-current").textContent()).toContain("Non hai ancora votato");
    await expectNoAxeViolations(anna, "measure page (signed in, before voting)");
    await vote(anna, "SUPPORT", "4");
    expect(await anna.locator("#voto [role=status]").textContent()).toContain("Il tuo voto è stato registrato");
    expect(await anna.locator("#vote-current").textContent()).toContain("Il tuo voto attuale: Favorevole");
    expect(await anna.locator("#vote-current").textContent()).toContain("4 su 5");
    expect(await webRow(anna)).toEqual(["1", "0", "0", "1", "4,0"]);

    // Change of mind: the vote is replaced, the history kept.
    await vote(anna, "ABSTAIN", "");
    expect(await anna.locator("#vote-current").textContent()).toContain("Astenuto");
    expect(await webRow(anna)).toEqual(["0", "0", "1", "1", "—"]);
    await vote(anna, "SUPPORT", "5");

    await anna.focus("#comment-new-body");
    await anna.keyboard.type("Servono più corse serali.\n\n<script>alert(1)</script> https://example.org/orari");
    await anna.keyboard.press("Tab");
    await anna.keyboard.press("Enter");
    await anna.waitForURL((url) => url.searchParams.get("esito") === "commento-pubblicato");
    const comment = await prisma.comment.findFirstOrThrow({ where: { authorId: people.anna.id, roundId } });
    expect(new URL(anna.url()).hash).toBe(`#comment-${comment.id}`);
    const shown = anna.locator(`#comment-${comment.id}`);
    expect(await shown.locator(".consulta-user-text").textContent()).toContain("<script>alert(1)</script>");
    expect(await shown.locator(".consulta-user-text a").getAttribute("href")).toBe("https://example.org/orari");
    expect(await shown.locator(`a[href='/segnala?tipo=commento&id=${comment.id}']`).textContent()).toBe("Segnala");

    const bruno = await browser.page();
    await signIn(bruno, people.bruno.email);
    await bruno.goto(measurePath);
    await vote(bruno, "OPPOSE", "2");
    expect(await webRow(bruno)).toEqual(["1", "1", "0", "2", "3,5"]);
    // Only Anna can edit her comment; Bruno gets a reply form.
    expect(await bruno.locator(`#comment-${comment.id} summary`).allTextContents()).toEqual(["Rispondi a Anna Cittadina"]);
    await bruno.focus(`#comment-${comment.id} summary`);
    await bruno.keyboard.press("Enter");
    await bruno.keyboard.press("Tab");
    expect(await bruno.evaluate(() => document.activeElement?.id)).toBe(`reply-${comment.id}-body`);
    await bruno.keyboard.type("Anche il sabato, per chi studia a Pisa.");
    await bruno.keyboard.press("Tab");
    await bruno.keyboard.press("Enter");
    await bruno.waitForURL((url) => url.searchParams.get("esito") === "risposta-pubblicata");
    const reply = await prisma.comment.findFirstOrThrow({ where: { authorId: people.bruno.id, parentId: comment.id } });
    expect(await bruno.locator(`#comment-${comment.id} ol #comment-${reply.id}`).textContent()).toContain("Anche il sabato");
    expect(await prisma.notification.findMany({ where: { userId: people.anna.id, kind: "COMMENT_REPLY" }, select: { data: true } })).toEqual([
      { data: { roundId, commentId: comment.id, replyId: reply.id, path: `${measurePath}#comment-${reply.id}` } },
    ]);
    expect(await prisma.notification.count({ where: { userId: people.bruno.id } })).toBe(0);
    await expectNoAxeViolations(bruno, "measure page with votes and a thread (it)");

    // Anna edits her comment within the 15 minutes, by keyboard.
    await anna.reload();
    const editSummary = anna.locator(`#comment-${comment.id} > article summary`);
    expect(await editSummary.textContent()).toMatch(/^Modifica il commento \(possibile fino alle \d\d:\d\d\)$/);
    await editSummary.focus();
    await anna.keyboard.press("Enter");
    await anna.focus(`#edit-${comment.id}-body`);
    await anna.keyboard.press("Control+A");
    await anna.keyboard.type("Servono più corse serali, anche nei festivi.");
    await anna.keyboard.press("Tab");
    await anna.keyboard.press("Enter");
    await anna.waitForURL((url) => url.searchParams.get("esito") === "commento-modificato");
    expect(await anna.locator(`#comment-${comment.id} > article`).textContent()).toContain("anche nei festivi");
    expect(await anna.locator(`#comment-${comment.id} > article`).textContent()).toContain("modificato il");
    expect(await prisma.voteHistory.count({ where: { vote: { userId: people.anna.id } } })).toBe(2);

    await anna.goto(`/en${measurePath}`);
    expect(await anna.locator("#vote-title").textContent()).toBe("Vote on the measure");
    await expectNoAxeViolations(anna, "measure page (en)");
  });

  test("a vote without JavaScript; a refused comment keeps its text and says why", async () => {
    const page = await browser.page({ javaScriptEnabled: false });
    await signIn(page, people.carla.email);
    await page.goto(measurePath);
    await page.focus("#vote-choice-OPPOSE");
    await page.keyboard.press("Space");
    await page.selectOption("#vote-priority", "1");
    await page.click("#voto button[type=submit]");
    await page.waitForURL((url) => url.searchParams.get("esito") === "voto-registrato");
    expect(await page.locator("#vote-current").textContent()).toContain("Contrario");

    // An empty comment: the field says why, next to the form (server-rendered, no script).
    await page.fill("#comment-new-body", "   ");
    await page.click("#commenti form button[type=submit]");
    await page.waitForLoadState("load");
    expect(await page.locator("#comment-new-body-error").textContent()).toBe("Scrivi un testo.");

    // The round closes while Carla is writing: the message says so and her text stays in the form.
    const text = "Un testo lungo e meditato che non deve andare perso.";
    await page.fill("#comment-new-body", text);
    await prisma.round.update({ where: { id: roundId }, data: { closesAt: new Date(Date.now() - 1000) } });
    await page.click("#commenti form button[type=submit]");
    await page.waitForLoadState("load");
    expect(await page.locator("#commenti [role=alert]").first().textContent()).toContain("La consultazione è chiusa");
    expect(await page.inputValue("#comment-new-body")).toBe(text);
    expect(await prisma.comment.count({ where: { authorId: people.carla.id } })).toBe(0);
  });

  test("the results page: aggregated, sources marked, categories after closing; axe in both languages", async () => {
    // The previous test closed the round.
    const page = await browser.page();
    const response = await page.goto(`/consultazioni/${roundId}/risultati`);
    expect(response?.status()).toBe(200);
    const block = page.locator("tbody#misura-2\\.3");
    const rows = await block.locator("tr").evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("th[scope=row], td")].map((cell) => cell.textContent?.trim())));
    expect(rows).toEqual([
      ["Sul sito", "1", "2", "0", "3", "2,7"],
      ["Dal vivo in assemblea", "0", "0", "0", "0", "—"],
      ["Schede cartacee", "0", "0", "0", "0", "—"],
      ["Totale", "1", "2", "0", "3", "2,7"],
    ]);
    const categories = await page.locator("#by-category-title + div table tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("th[scope=row], td")].map((cell) => cell.textContent?.trim())));
    // One voter per category: counts withheld (they would be that person's vote), still in the totals above.
    expect(categories).toEqual([
      ["Impresa", "meno di 5 partecipanti"],
      ["Cittadino o cittadina", "meno di 5 partecipanti"],
      ["Giovane", "meno di 5 partecipanti"],
    ]);
    const html = await page.content();
    for (const person of Object.values(people)) expect(html).not.toContain(person.name);
    await expectNoAxeViolations(page, "results (it)");
    await page.goto(`/en/consultazioni/${roundId}/risultati`);
    expect(await page.locator("h1").textContent()).toBe(`Results: Consultazione e2e voti ${stamp}`);
    await expectNoAxeViolations(page, "results (en)");
    expect(measureId).not.toBe("");
  });
});
