/**
 * The public synthesis pages in Chromium, for a visitor (no sign-in): a published revision's
 * word-level diff (inserted and removed words marked with <ins>/<del> and hidden "added:"/"removed:"
 * words, decision fields old → new in a table), revision 1 with nothing to compare, drafts answering
 * 404; the round's "you said, we did" page (changes with rationale and links, proposals with answers,
 * SVG charts, categories merged for k-anonymity) and its "not published yet" state; links from the
 * revisions list and the round page. axe finds nothing on both pages in Italian and English.
 * The published round is hand-built in the server's database (tests/support/synthesis-public-scenario.ts).
 */
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import en from "@/messages/en.json";
import it from "@/messages/it.json";
import { expectNoAxeViolations } from "../support/axe";
import { useE2EBrowser } from "../support/browser";
import { describeE2E, e2eDatabaseUrl } from "../support/e2e-server";
import { deletePlanCopy, importPlanCopy } from "../support/e2e-rounds";
import { type PublicScenario, buildPublicScenario } from "../support/synthesis-public-scenario";

jest.setTimeout(240_000);

const languages = [
  { prefix: "", messages: it, budgetBefore: /100\.000,00\s€/, budgetAfter: /150\.000,00\s€/ },
  { prefix: "/en", messages: en, budgetBefore: /€100,000\.00/, budgetAfter: /€150,000\.00/ },
] as const;

describeE2E("public revision diff and “you said, we did”", () => {
  const browser = useE2EBrowser();
  let prisma: PrismaClient;
  let scenario: PublicScenario;
  const stamp = Date.now();

  beforeAll(async () => {
    prisma = createPrismaClient(e2eDatabaseUrl(), { maxConnections: 2 });
    const plan = await importPlanCopy(prisma, `sintesi-pubblica-${stamp}`);
    scenario = await buildPublicScenario(prisma, plan.id, `e2e-${stamp}`);
  });
  afterAll(async () => {
    if (scenario) await deletePlanCopy(prisma, scenario.plan.id);
    await prisma?.$disconnect();
  });

  test.each(languages)("the revision page shows inserted and removed words, decision fields and links ($prefix)", async ({ prefix, messages, budgetBefore, budgetAfter }) => {
    const page = await browser.page();
    const path = `${prefix}/piani/${scenario.plan.slug}/revisioni/${scenario.published}`;
    expect((await page.goto(path))?.status()).toBe(200);
    const measure = page.locator(`#misura-${scenario.measures.changed.code.replace(".", "\\.")}`);
    const inserted = await measure.locator("ins").allTextContents();
    const removed = await measure.locator("del").allTextContents();
    const added = messages.synthesis.revision.diff.addedStart;
    const gone = messages.synthesis.revision.diff.removedStart;
    // Each mark carries its hidden words for screen readers, then the text.
    const end = messages.synthesis.revision.diff.markEnd;
    expect(inserted).toEqual([`${added}stabile ${end}`, `${added}sociali ${end}`]);
    expect(removed).toEqual([`${gone}permanente ${end}`]);
    expect(await measure.locator("ins .visually-hidden").first().textContent()).toBe(added);

    const fields = page.locator(`#misura-${scenario.measures.fields.code.replace(".", "\\.")} table`);
    const budgetRow = fields.locator("tbody tr", { hasText: messages.synthesis.revision.fields.names.budgetCents });
    expect(await budgetRow.locator("td del").textContent()).toMatch(budgetBefore);
    expect(await budgetRow.locator("td ins").textContent()).toMatch(budgetAfter);
    expect(await page.locator(`#misura-${scenario.added.code.replace(".", "\\.")} ins`).count()).toBe(1);
    expect(await page.locator(`#misura-${scenario.measures.retired.code.replace(".", "\\.")} del`).count()).toBe(1);
    expect(await page.locator(`a[href="${prefix}/consultazioni/${scenario.round.id}/esiti"]`).count()).toBe(1);
    await expectNoAxeViolations(page, path);
  });

  test("revision 1 says there is nothing to compare; drafts and malformed numbers are not pages; the list links each revision", async () => {
    const page = await browser.page();
    expect((await page.goto(`/piani/${scenario.plan.slug}/revisioni/1`))?.status()).toBe(200);
    expect(await page.locator("main").textContent()).toContain(it.synthesis.revision.firstRevision);
    expect((await page.goto(`/piani/${scenario.plan.slug}/revisioni/${scenario.draft}`))?.status()).toBe(404);
    expect((await page.goto(`/piani/${scenario.plan.slug}/revisioni/uno`))?.status()).toBe(400);
    expect((await page.goto(`/piani/${scenario.plan.slug}/revisioni`))?.status()).toBe(200);
    expect(await page.locator(`a[href="/piani/${scenario.plan.slug}/revisioni/${scenario.published}"]`).count()).toBe(1);
    expect(await page.locator(`a[href="/piani/${scenario.plan.slug}/revisioni/${scenario.draft}"]`).count()).toBe(0);
  });

  test.each(languages)("“you said, we did”: changes with links, answers, charts, merged categories ($prefix)", async ({ prefix, messages }) => {
    const page = await browser.page();
    const path = `${prefix}/consultazioni/${scenario.round.id}/esiti`;
    expect((await page.goto(path))?.status()).toBe(200);
    const main = (await page.locator("main").textContent()) ?? "";
    expect(main).toContain("Molti hanno chiesto un tavolo stabile con i servizi sociali.");
    expect(main).toContain("Respinta: la misura ha un ampio sostegno.");
    expect(main).toContain(messages.synthesis.outcome.results.otherCategory);
    expect(main).toContain(messages.synthesis.outcome.changes.editorial);
    const change = page.locator(`#modifica-${scenario.changes.text}`);
    expect(await change.locator(`a[href="${prefix}/consultazioni/${scenario.round.id}/proposte/${scenario.proposals.accepted}"]`).count()).toBe(1);
    expect(await change.locator(`a[href="${prefix}/piani/${scenario.plan.slug}/misure/${scenario.measures.changed.code}#comment-${scenario.commentId}"]`).count()).toBe(1);
    expect(await change.locator("ins").allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining("stabile")]));
    const fields = page.locator(`#modifica-${scenario.changes.fields}`);
    expect(await fields.locator(`a[href="${prefix}/consultazioni/${scenario.round.id}/risultati#misura-${scenario.measures.fields.code}"]`).count()).toBe(1);
    expect(await fields.locator(`a[href="${prefix}/consultazioni/${scenario.round.id}/swot#swot-${scenario.swotId}"]`).count()).toBe(1);
    expect(await page.locator('figure svg[role="img"]').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator(`a[href="${prefix}/piani/${scenario.plan.slug}/revisioni/${scenario.published}"]`).count()).toBe(1);
    await expectNoAxeViolations(page, path);
  });

  test("before publication the page says so; the round page links the outcome only once published", async () => {
    const page = await browser.page();
    expect((await page.goto(`/consultazioni/${scenario.draftRound.id}/esiti`))?.status()).toBe(200);
    expect(await page.locator("main").textContent()).toContain(it.synthesis.outcome.notPublishedTitle);
    expect(await page.locator("main ins, main del, main figure").count()).toBe(0);
    await expectNoAxeViolations(page, "esiti non ancora pubblicati");
    expect((await page.goto(`/consultazioni/${scenario.draftRound.id}`))?.status()).toBe(200);
    expect(await page.locator(`a[href="/consultazioni/${scenario.draftRound.id}/esiti"]`).count()).toBe(0);
    expect((await page.goto(`/consultazioni/${scenario.round.id}`))?.status()).toBe(200);
    expect(await page.locator(`a[href="/consultazioni/${scenario.round.id}/esiti"]`).count()).toBe(1);
  });
});
