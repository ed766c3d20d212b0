/**
 * The facilitator's synthesis workbench in Chromium: on a closed round with proposals, triage
 * (a tag set by keyboard only, the tag filter, a merge of a duplicate), the draft started, a measure
 * rewritten with a rationale, a proposal accepted into the draft in one step, publishing refused
 * while a proposal is unanswered, the last one answered, the revision published; then a visitor
 * sees the diff and the "you said, we did" page. axe finds nothing on the triage and workbench
 * pages in both languages. People, plan copy and round are arranged in the server's database.
 */
import type { Page } from "playwright-core";
import { useE2EBrowser } from "../support/browser";
import { axeBothLanguages, typeInto } from "../support/e2e-page";
import { measureIdOf, usePlanCopy } from "../support/e2e-rounds";
import { describeE2E } from "../support/e2e-server";
import { confirmedUser, signIn } from "../support/e2e-users";

jest.setTimeout(300_000);

describeE2E("synthesis workbench: triage, draft, accept, publish", () => {
  const browser = useE2EBrowser();
  const stamp = Date.now();
  const db = usePlanCopy(`sintesi-banco-${stamp}`);
  const facilitatorEmail = `sintesi-${stamp}@example.it`;
  const amendedText = `Tavoli di confronto aperti alle scuole del territorio ${stamp}.`;
  const rewritten = `Un testo riscritto della misura 1.2 per la revisione ${stamp}.`;
  let roundId = "";
  const proposals = { accepted: "", duplicate: "", rejected: "" };

  beforeAll(async () => {
    const { prisma, plan } = db;
    await confirmedUser(prisma, facilitatorEmail, "FACILITATOR", "Fiorella Facilitatrice");
    const authors = await Promise.all(["a", "b", "c"].map((name, index) => confirmedUser(prisma, `autore-${name}-${stamp}@example.it`, "STAKEHOLDER", `Autore ${name}`, index === 2 ? "BUSINESS" : "CITIZEN")));
    // Closed by its clock a minute ago.
    const round = await prisma.round.create({
      data: { planId: plan.id, revisionId: plan.currentRevisionId, title: `Consultazione da sintetizzare ${stamp}`, status: "OPEN", opensAt: new Date(Date.now() - 3 * 3600_000), closesAt: new Date(Date.now() - 60_000) },
    });
    roundId = round.id;
    const m11 = await measureIdOf(prisma, plan, "1.1");
    const m13 = await measureIdOf(prisma, plan, "1.3");
    const proposal = (authorId: string, data: { kind: "AMEND_MEASURE" | "RETIRE_MEASURE"; measureId: string; title: string; proposedText?: string }) =>
      prisma.proposal.create({ data: { roundId, authorId, rationale: "Le scuole sono luoghi dove le famiglie si incontrano.", ...data }, select: { id: true } });
    proposals.accepted = (await proposal(authors[0]!, { kind: "AMEND_MEASURE", measureId: m11, title: `Coinvolgere le scuole ${stamp}`, proposedText: amendedText })).id;
    proposals.duplicate = (await proposal(authors[2]!, { kind: "AMEND_MEASURE", measureId: m11, title: `Anche le scuole ${stamp}`, proposedText: "Aprire i tavoli alle scuole." })).id;
    proposals.rejected = (await proposal(authors[1]!, { kind: "RETIRE_MEASURE", measureId: m13, title: `Togliere la misura 1.3 ${stamp}` })).id;
  });
  const outcome = (page: Page) => page.locator("main [role=status], main [role=alert]").first().textContent();

  test("a facilitator triages, drafts, accepts a proposal, answers the rest and publishes; a visitor sees the result", async () => {
    const { prisma, plan } = db;
    const page = await browser.page();
    await signIn(page, facilitatorEmail);
    const triage = `/consultazioni/${roundId}/sintesi/proposte`;
    expect((await page.goto(triage))?.status()).toBe(200);
    expect(await page.locator("h1").textContent()).toBe("Proposte e osservazioni: smistamento");
    await axeBothLanguages(page);

    // ── Triage: a tag set with the keyboard only (focus, type, Enter). ──
    await page.goto(triage);
    const tagField = `#tags-${proposals.accepted}`;
    await page.focus(tagField);
    await page.keyboard.type(" Scuole, TAVOLI, scuole");
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.searchParams.get("esito") === "etichette");
    expect(await outcome(page)).toBe("Etichette salvate.");
    expect(await page.locator(`#proposta-${proposals.accepted} .badge:has-text("#")`).allTextContents()).toEqual(["#scuole", "#tavoli"]);
    expect(await page.locator(tagField).inputValue()).toBe("scuole, tavoli");
    // The tag filter (a GET form) keeps only that proposal.
    await page.selectOption("#tag", "scuole");
    await page.click("form[method=get] button[type=submit]");
    await page.waitForURL((url) => url.searchParams.get("tag") === "scuole");
    expect(await page.locator("li[id^=proposta-]").evaluateAll((items) => items.map((item) => item.id))).toEqual([`proposta-${proposals.accepted}`]);
    // The category filter: only the business author's duplicate.
    await page.goto(`${triage}?categoria=BUSINESS`);
    expect(await page.locator("li[id^=proposta-]").evaluateAll((items) => items.map((item) => item.id))).toEqual([`proposta-${proposals.duplicate}`]);

    // ── Merge the duplicate into the proposal that stays. ──
    await page.goto(triage);
    await page.selectOption("#targetId", proposals.accepted);
    await page.focus(`input[name=duplicateIds][value="${proposals.duplicate}"]`);
    await page.keyboard.press("Space");
    await typeInto(page, "#answer", "Unita: chiede la stessa cosa di un'altra proposta.");
    await page.click("#unisci-sezione button[type=submit]");
    await page.waitForURL((url) => url.searchParams.get("esito") === "unite");
    expect(await prisma.proposal.findUniqueOrThrow({ where: { id: proposals.duplicate }, select: { status: true, mergedIntoId: true } })).toEqual({ status: "MERGED", mergedIntoId: proposals.accepted });

    // ── Start the draft. ──
    const draft = `/consultazioni/${roundId}/sintesi/bozza`;
    await page.goto(draft);
    await page.click("main form button[type=submit]:has-text('Avvia la bozza')");
    await page.waitForURL((url) => url.searchParams.get("esito") === "avviata");
    expect(await page.locator("h1").textContent()).toBe("Bozza della revisione 2");
    await axeBothLanguages(page);

    // ── Rewrite measure 1.2, an editorial change; the rationale is required. ──
    const m12 = await measureIdOf(prisma, plan, "1.2");
    await page.goto(`${draft}/misure/${m12}`);
    await page.fill("#edit-text", rewritten);
    await page.click("#edit button[type=submit]");
    await page.locator("#edit #error-summary").waitFor();
    expect(await page.locator("#edit #error-summary a").first().getAttribute("href")).toBe("#edit-rationale");
    await typeInto(page, "#edit-rationale", "Il testo era poco chiaro per chi lo legge.");
    await page.focus("#edit-editorial");
    await page.keyboard.press("Space");
    await page.click("#edit button[type=submit]");
    await page.waitForURL((url) => url.searchParams.get("esito") === "modificata");
    expect(await page.locator("main").textContent()).toContain(rewritten);
    await axeBothLanguages(page);

    // ── Accept the proposal in one step, from the triage list's link. ──
    await page.goto(triage);
    await page.click(`#proposta-${proposals.accepted} a:has-text("Accogli nella bozza")`);
    await page.waitForURL((url) => url.hash === `#accogli-${proposals.accepted}`);
    await typeInto(page, `#accept-${proposals.accepted}-answer`, "Accolta: le scuole entrano nei tavoli.");
    await typeInto(page, `#accept-${proposals.accepted}-rationale`, "Molti partecipanti lo hanno chiesto.");
    await page.click(`#accept-${proposals.accepted} button[type=submit]`);
    await page.waitForURL((url) => url.pathname.endsWith("/sintesi/bozza") && url.searchParams.get("esito") === "accolta");
    const changes = page.locator("section:has(#modifiche)");
    expect(await changes.textContent()).toContain(`Coinvolgere le scuole ${stamp}`);
    expect(await page.locator(`#misura-${await measureIdOf(prisma, plan, "1.1")}`).textContent()).toContain(amendedText);


    // ── Reorder axis 1 on its page (1.2 before 1.1); axe there too. ──
    const m11 = await measureIdOf(prisma, plan, "1.1");
    const axis1 = (await prisma.axis.findUniqueOrThrow({ where: { planId_number: { planId: plan.id, number: 1 } }, select: { id: true } })).id;
    await page.goto(`${draft}/assi/${axis1}`);
    await axeBothLanguages(page);
    await page.goto(`${draft}/assi/${axis1}`);
    await page.selectOption("#reorder-measureIds-1", m12);
    await page.selectOption("#reorder-measureIds-2", m11);
    await typeInto(page, "#reorder-rationale", "Prima la misura più discussa dai partecipanti.");
    await page.focus("#reorder-editorial");
    await page.keyboard.press("Space");
    await page.click("#reorder button[type=submit]");
    await page.waitForURL((url) => url.searchParams.get("esito") === "riordinata");
    const draftRevision = await prisma.revision.findUniqueOrThrow({ where: { fromRoundId: roundId }, select: { id: true } });
    const order = await prisma.measureVersion.findMany({ where: { revisionId: draftRevision.id, measure: { axisId: axis1 } }, orderBy: { position: "asc" }, select: { measureId: true } });
    expect(order.slice(0, 2).map((row) => row.measureId)).toEqual([m12, m11]);
    await page.goto(draft);

    // ── Publishing waits for the last answer. ──
    expect(await page.locator("#publish button[type=submit]").isDisabled()).toBe(true);
    expect(await page.locator("#publish-disabled").textContent()).toContain("1 proposta è senza risposta");
    await page.goto(`/consultazioni/${roundId}/proposte/${proposals.rejected}`);
    await page.focus("#status-REJECTED");
    await page.keyboard.press("Space");
    await typeInto(page, "#answer", "Respinta: la misura 1.3 resta necessaria.");
    await page.click("form:has(#answer) button[type=submit]");
    await page.waitForURL((url) => url.searchParams.get("esito") === "risposta");

    await page.goto(draft);
    expect(await page.locator("#publish button[type=submit]").isDisabled()).toBe(false);
    await typeInto(page, "#publish-summary", "Revisione dopo la consultazione: scuole ai tavoli, testo 1.2 più chiaro.");
    await page.click("#publish button[type=submit]");
    await page.waitForURL((url) => url.searchParams.get("esito") === "pubblicata");
    expect(await outcome(page)).toBe("Revisione pubblicata.");
    expect(await page.locator("#publish").count()).toBe(0);
    const published = await prisma.plan.findUniqueOrThrow({ where: { id: plan.id }, select: { currentRevision: { select: { number: true, status: true } } } });
    expect(published.currentRevision).toEqual({ number: 2, status: "PUBLISHED" });

    // ── A visitor: the diff of revision 2 and the round's "you said, we did". ──
    const visitor = await browser.page();
    expect((await visitor.goto(`/piani/${plan.slug}/revisioni/2`))?.status()).toBe(200);
    const revision = await visitor.locator("main").textContent();
    expect(revision).toContain(`revisione ${stamp}`);
    expect(revision).toContain(`territorio ${stamp}`);
    expect((await visitor.goto(`/consultazioni/${roundId}/esiti`))?.status()).toBe(200);
    const esiti = await visitor.locator("main").textContent();
    expect(esiti).toContain(`Coinvolgere le scuole ${stamp}`);
    expect(esiti).toContain("Respinta: la misura 1.3 resta necessaria.");
    expect(esiti).toContain("Il testo era poco chiaro per chi lo legge.");
    // Staff pages are not for visitors: the workbench sends them to sign in.
    await visitor.goto(draft);
    expect(new URL(visitor.url()).pathname).toBe("/accedi");
  });
});
