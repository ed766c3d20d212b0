/**
 * Proposals and SWOT in Chromium, by keyboard: a stakeholder proposes an amendment from a measure
 * page, another supports it, a facilitator answers it (the answer reaches both as notifications);
 * a decision-field proposal is sent with JavaScript off; a SWOT observation; "my contributions".
 * axe finds nothing on every new page in both languages.
 * People and the open round are arranged in the server's database (the e2e server has no demo
 * accounts; rounds are scheduled by another module's pages).
 */
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { expectNoAxeViolations } from "../support/axe";
import { useE2EBrowser } from "../support/browser";
import { axeBothLanguages, press, typeInto } from "../support/e2e-page";
import { describeE2E, e2eDatabaseUrl } from "../support/e2e-server";
import { e2eSeedPlan, openRound } from "../support/e2e-rounds";
import { confirmedUser, signIn } from "../support/e2e-users";

jest.setTimeout(240_000);

describeE2E("proposals, supports, answers, SWOT and my contributions", () => {
  const browser = useE2EBrowser();
  let prisma: PrismaClient;
  const stamp = Date.now();
  const emails = { author: `proponente-${stamp}@example.it`, supporter: `sostenitore-${stamp}@example.it`, facilitator: `facilitatrice-${stamp}@example.it` };
  const ids: Record<keyof typeof emails, string> = { author: "", supporter: "", facilitator: "" };
  let planSlug: string;
  const title = `Coinvolgere le scuole ${stamp}`;
  const hostile = `<script>alert(${stamp})</script> <img src=x onerror=alert(1)>`;

  beforeAll(async () => {
    prisma = createPrismaClient(e2eDatabaseUrl(), { maxConnections: 2 });
    ids.author = await confirmedUser(prisma, emails.author, "STAKEHOLDER", "Paola Proponente", "FAMILY");
    ids.supporter = await confirmedUser(prisma, emails.supporter, "STAKEHOLDER", "Sandro Sostenitore", "FAMILY");
    ids.facilitator = await confirmedUser(prisma, emails.facilitator, "FACILITATOR", "Franca Facilitatrice", "FAMILY");
    const plan = await e2eSeedPlan(prisma);
    planSlug = plan.slug;
    // Opened a moment ago: the latest opened round is the one the measure pages show.
    await openRound(prisma, plan, `Consultazione e2e proposte ${stamp}`, { openedAgoMs: 5_000, closesInMs: 2 * 3600_000 });
  });
  afterAll(async () => {
    await prisma?.$disconnect();
  });

  test("propose from a measure page, support, answer; SWOT; my contributions", async () => {
    // ── The author proposes an amendment from the measure page. ──
    const author = await browser.page();
    await signIn(author, emails.author);
    await author.goto(`/piani/${planSlug}/misure/2.4`);
    const amendLink = "#proposte a:has-text('Proponi una modifica del testo')";
    expect(await author.locator(amendLink).count()).toBe(1);
    await press(author, amendLink);
    await author.waitForURL((url) => url.pathname.endsWith("/proposte/nuova") && url.searchParams.get("tipo") === "emendamento" && url.searchParams.get("misura") === "2.4");
    const roundId = new URL(author.url()).pathname.split("/")[2]!;
    expect(await author.locator("h1").textContent()).toBe("Nuova proposta");
    expect(await author.locator("#measureId option:checked").textContent()).toMatch(/^2\.4 — /);
    expect(await author.locator("main a[aria-current=page]").textContent()).toBe("Modifica del testo di una misura");
    await expectNoAxeViolations(author);

    // Missing rationale: the error summary links to the field, nothing is stored.
    await typeInto(author, "#title", title);
    await typeInto(author, "#proposedText", `Incontri periodici con le scuole.\nhttps://example.org/scuole ${hostile}`);
    await press(author, "form button[type=submit]:has-text('Invia la proposta')");
    await author.locator("#rationale-error").waitFor();
    expect(await author.locator("#error-summary a[href='#rationale']").count()).toBe(1);
    expect(await author.locator("#title").inputValue()).toBe(title);
    expect(await prisma.proposal.count({ where: { authorId: ids.author } })).toBe(0);
    await expectNoAxeViolations(author);

    await typeInto(author, "#rationale", "Le famiglie si incontrano già a scuola.");
    await press(author, "form button[type=submit]:has-text('Invia la proposta')");
    await author.waitForURL((url) => /\/proposte\/[0-9a-f-]{36}$/.test(url.pathname) && url.searchParams.get("esito") === "inviata");
    const proposalPath = new URL(author.url()).pathname;
    const proposalId = proposalPath.split("/").at(-1)!;
    expect(await author.locator("[role=status].alert").textContent()).toContain("Proposta inviata");
    expect(await author.locator("h1").textContent()).toContain(title);
    // Text is text: the markup shows as typed, the http link is a link, nothing runs.
    expect(await author.locator("#proposed-text + .consulta-user-text").textContent()).toContain(hostile);
    expect(await author.locator("#proposed-text + .consulta-user-text a[href='https://example.org/scuole']").count()).toBe(1);
    expect(await author.locator("main script, main img").count()).toBe(0);
    // One's own proposal: withdraw, but no support button; the report link names it.
    expect(await author.getByRole("button", { name: "Sostieni questa proposta" }).count()).toBe(0);
    expect(await author.getByRole("button", { name: "Ritira la proposta" }).count()).toBe(1);
    expect(await author.locator(`a[href='/segnala?tipo=proposta&id=${proposalId}']`).count()).toBe(1);
    await axeBothLanguages(author);

    // ── Another stakeholder supports it, by keyboard. ──
    const supporter = await browser.page();
    await signIn(supporter, emails.supporter);
    await supporter.goto(`/consultazioni/${roundId}/proposte?misura=2.4`);
    await press(supporter, `#proposal-${proposalId} h3 a`);
    await supporter.waitForURL(`**${proposalPath}`);
    expect(await supporter.locator("#support-count").textContent()).toBe("0");
    await press(supporter, "button:has-text('Sostieni questa proposta')");
    await supporter.waitForURL((url) => url.searchParams.get("esito") === "sostenuta");
    expect(await supporter.locator("#support-count").textContent()).toBe("1");
    expect(await supporter.getByRole("button", { name: "Ritira il sostegno" }).count()).toBe(1);
    await expectNoAxeViolations(supporter);

    // ── A facilitator answers it, by keyboard. ──
    const facilitator = await browser.page();
    await signIn(facilitator, emails.facilitator);
    await facilitator.goto(proposalPath);
    expect(await facilitator.locator("#answer-form-title").textContent()).toBe("Rispondi alla proposta");
    await expectNoAxeViolations(facilitator);
    await press(facilitator, "#status", "Space");
    expect(await facilitator.locator("#status").isChecked()).toBe(true);
    await typeInto(facilitator, "#answer", `Accolta: la inseriamo nella prossima revisione. ${hostile}`);
    await press(facilitator, "button:has-text('Pubblica la risposta')");
    await facilitator.waitForURL((url) => url.searchParams.get("esito") === "risposta");
    expect(await facilitator.locator("#answer-section .consulta-user-text").textContent()).toContain(hostile);
    expect(await facilitator.locator("#answer-section .badge").first().textContent()).toBe("Accolta");
    expect(await facilitator.locator("#answer-form-title").textContent()).toBe("Modifica la risposta");
    await expectNoAxeViolations(facilitator);
    const notified = await prisma.notification.findMany({ where: { kind: "PROPOSAL_ANSWERED", userId: { in: Object.values(ids) } }, select: { userId: true } });
    expect(notified.map((row) => row.userId).sort()).toEqual([ids.author, ids.supporter].sort());
    expect(await prisma.auditEvent.count({ where: { entityType: "Proposal", entityId: proposalId, action: "proposal.answered", actorId: ids.facilitator } })).toBe(1);

    // The list shows the status and the answer; filters by status.
    await author.goto(`/consultazioni/${roundId}/proposte?stato=accolta&misura=2.4`);
    expect(await author.locator(`#proposal-${proposalId} .badge`).allTextContents()).toEqual(["Modifica del testo di una misura", "Accolta"]);
    expect(await author.locator(`#proposal-${proposalId} .consulta-proposal-answer`).textContent()).toContain("Accolta: la inseriamo");
    await axeBothLanguages(author);

    // ── SWOT, by keyboard. ──
    await author.goto(`/consultazioni/${roundId}/swot`);
    expect(await author.locator("h1").textContent()).toBe("Analisi SWOT");
    await press(author, "#kind-OPPORTUNITY", "Space");
    await author.selectOption("#axisId", { label: "Asse 3: Capacità di programmare e progettare" });
    await typeInto(author, "#body", `Fondi europei per la formazione ${stamp}`);
    await press(author, "button:has-text(\"Invia l'osservazione\")");
    await author.waitForURL((url) => url.searchParams.get("esito") === "inviata");
    const entry = author.locator("#swot-group-OPPORTUNITY ~ ul li", { hasText: `Fondi europei per la formazione ${stamp}` });
    expect(await entry.count()).toBe(1);
    expect(await entry.textContent()).toContain("Asse 3");
    const entryId = (await entry.getAttribute("id"))!.replace(/^swot-/, "");
    expect(await entry.locator(`a[href='/segnala?tipo=swot&id=${entryId}']`).count()).toBe(1);
    await axeBothLanguages(author);

    // ── The round page sums both up, with the way to each. ──
    await author.goto(`/consultazioni/${roundId}`);
    expect(await author.locator("#round-proposals-title").textContent()).toBe("Proposte");
    expect(await author.locator(`#proposte #proposal-${proposalId} .badge`).allTextContents()).toEqual(["Modifica del testo di una misura", "Accolta"]);
    expect(await author.locator("#proposte").textContent()).toContain("Accolta: 1");
    expect(await author.locator("#swot").textContent()).toContain("Opportunità: 1");
    expect(await author.locator(`#swot a[href='/consultazioni/${roundId}/swot']`).count()).toBe(1);
    await expectNoAxeViolations(author);

    // ── My contributions. ──
    const response = await author.goto("/account");
    expect(response?.status()).toBe(200);
    await press(author, "main a[href='/account/contributi']");
    await author.waitForURL("**/account/contributi");
    const mine = await author.reload();
    expect(mine?.headers()["cache-control"]).toContain("no-store");
    expect(await author.locator("h1").textContent()).toBe("I miei contributi");
    expect(await author.locator("#proposte").textContent()).toContain(title);
    expect(await author.locator("#proposte").textContent()).toContain("Accolta: la inseriamo");
    expect(await author.locator("#swot").textContent()).toContain(`Fondi europei per la formazione ${stamp}`);
    expect(await author.locator("#sostegni").textContent()).toContain("Non sostieni ancora nessuna proposta.");
    await axeBothLanguages(author);
    await supporter.goto("/account/contributi");
    expect(await supporter.locator("#sostegni").textContent()).toContain(title);
    expect(await supporter.locator("#proposte").textContent()).not.toContain(title);
  });

  test("decision-field values with JavaScript off; visitors see the pages and are asked to sign in", async () => {
    const page = await browser.page({ javaScriptEnabled: false });
    await signIn(page, emails.supporter);
    await page.goto(`/piani/${planSlug}/misure/2.4`);
    const link = await page.locator("#proposte a:has-text('Proponi i valori dei campi decisionali')").getAttribute("href");
    await page.goto(link!);
    expect(await page.locator("#proposedBudget").count()).toBe(1);
    expect(await page.locator("#proposedText").count()).toBe(0);
    await page.fill("#title", `Valori per la 2.4 ${stamp}`);
    await page.fill("#proposedBudget", "1,200");
    await page.fill("#rationale", "Stima del comune capofila.");
    await page.click("form button[type=submit]:has-text('Invia la proposta')");
    await page.waitForLoadState("load");
    expect(await page.locator("#proposedBudget-error").textContent()).toContain("Scrivi un importo in euro");
    await page.fill("#proposedBudget", "125.000,50 €");
    await page.fill("#proposedDepartment", "Politiche sociali");
    await page.click("form button[type=submit]:has-text('Invia la proposta')");
    await page.waitForURL((url) => url.searchParams.get("esito") === "inviata");
    expect(await page.locator("#proposed-values + dl").textContent()).toMatch(/Budget125\.000,50\s€/);
    expect(await page.locator("#proposed-values + dl").textContent()).toContain("Politiche sociali");
    const stored = await prisma.proposal.findFirstOrThrow({ where: { authorId: ids.supporter, kind: "DECISION_FIELDS" }, select: { proposedBudgetCents: true } });
    expect(stored.proposedBudgetCents).toBe(12_500_050n);

    // A visitor: the pages are public, the forms are replaced by a sign-in prompt.
    const visitor = await browser.page();
    const round = await prisma.round.findFirstOrThrow({ where: { title: `Consultazione e2e proposte ${stamp}` }, select: { id: true } });
    await visitor.goto(`/consultazioni/${round.id}/proposte/nuova?tipo=nuova-misura&asse=2`);
    expect(await visitor.locator("form button:has-text('Invia la proposta')").count()).toBe(0);
    expect(await visitor.locator("main a[href='/accedi']").count()).toBeGreaterThan(0);
    await axeBothLanguages(visitor);
    await visitor.goto(`/consultazioni/${round.id}/swot`);
    expect(await visitor.locator("main a[href='/accedi']").count()).toBeGreaterThan(0);
    const anonymous = await visitor.goto("/account/contributi");
    expect(new URL(visitor.url()).pathname).toBe("/accedi");
    expect(anonymous?.status()).toBe(200);
  });
});
