/**
 * A live assembly in Chromium: the facilitator starts the meeting's live session from the console
 * (a plain form), opens the projector in a second page; two stakeholders of different categories
 * join by code in their own browser contexts (one through the code form, one signed out first and
 * sent back after signing in); the facilitator puts a measure under discussion and opens voting;
 * both vote from the participant page; after "show results" the projector shows 2 votes. Paper
 * ballots with a field error, then added to the tally; a vote cast offline is queued and sent once
 * back online; the session ends after a confirmation.
 * axe on host, projector and participant views in both languages.
 *
 * The round belongs to a copy of the seed plan, so other files' rounds on the seed plan are untouched.
 */
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { expectNoAxeViolations } from "../support/axe";
import { useE2EBrowser } from "../support/browser";
import { press, textOf, waitForText } from "../support/e2e-page";
import { describeE2E, e2eDatabaseUrl } from "../support/e2e-server";
import { deletePlanCopy, type E2EPlan, importPlanCopy, measureIdOf, openRound } from "../support/e2e-rounds";
import { E2E_PASSWORD, confirmedUser, signIn } from "../support/e2e-users";

jest.setTimeout(240_000);

describeE2E("live assemblies", () => {
  const browser = useE2EBrowser();
  let prisma: PrismaClient;
  let plan: E2EPlan | undefined;
  const stamp = Date.now();
  const people = {
    facilitator: `diretta-facilitatrice-${stamp}@example.it`,
    anna: `diretta-anna-${stamp}@example.it`,
    bruno: `diretta-bruno-${stamp}@example.it`,
  };
  let roundId = "";
  let meetingId = "";
  let measureId = "";

  beforeAll(async () => {
    prisma = createPrismaClient(e2eDatabaseUrl(), { maxConnections: 2 });
    plan = await importPlanCopy(prisma, `diretta-${stamp}`);
    const round = await openRound(prisma, plan, `Consultazione dal vivo ${stamp}`);
    roundId = round.id;
    const meeting = await prisma.meeting.create({
      data: { roundId, title: `Assemblea in parrocchia ${stamp}`, venue: "Parrocchia di San Martino", venueKind: "PARISH", startsAt: new Date(Date.now() - 10 * 60_000), endsAt: new Date(Date.now() + 2 * 3600_000) },
    });
    meetingId = meeting.id;
    measureId = await measureIdOf(prisma, plan, "1.1");
    await confirmedUser(prisma, people.facilitator, "FACILITATOR", "Fulvia Facilitatrice");
    await confirmedUser(prisma, people.anna, "STAKEHOLDER", "Anna Cittadina", "CITIZEN");
    await confirmedUser(prisma, people.bruno, "STAKEHOLDER", "Bruno Impresa", "BUSINESS");
  });
  afterAll(async () => {
    if (plan) await deletePlanCopy(prisma, plan.id);
    await prisma?.$disconnect();
  });


  test("a facilitator runs an item vote with a projector and two phones", async () => {
    const meetingPath = `/consultazioni/${roundId}/incontri/${meetingId}`;

    // ── Console: from the meeting page, start the session (a plain form). ──
    const host = await browser.page();
    await signIn(host, people.facilitator);
    await host.goto(meetingPath);
    await press(host, "#live-console-link");
    await host.waitForURL(`**${meetingPath}/diretta`);
    expect(await textOf(host, "h1")).toContain(`Assemblea in parrocchia ${stamp}`);
    await expectNoAxeViolations(host);
    await press(host, "#live-start");
    await host.locator("#live-join-code").waitFor();
    const code = (await textOf(host, "#live-join-code"))!.trim();
    expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/);
    expect((await prisma.liveSession.findUniqueOrThrow({ where: { meetingId } })).joinCode).toBe(code);
    await waitForText(host, "#live-connection", "Connesso");
    await expectNoAxeViolations(host);

    // ── Projector: a second page of the facilitator's browser. ──
    const projector = await host.context().newPage();
    await projector.goto(`${meetingPath}/proiezione`);
    expect(await textOf(projector, "#projector-code")).toBe(code);
    expect(await textOf(projector, "#projector-join-url")).toMatch(/\/partecipa$/);
    expect(await projector.getAttribute("#projector-qr", "aria-label")).toContain(`/partecipa/${code}`);
    expect(await projector.locator("#projector-qr svg").count()).toBe(1);
    await expectNoAxeViolations(projector);

    // ── Participants: Anna types the code; Bruno opens the link signed out and comes back after signing in. ──
    const anna = await browser.page();
    await signIn(anna, people.anna);
    await anna.goto("/partecipa");
    await expectNoAxeViolations(anna);
    await anna.focus("#codice");
    await anna.keyboard.type("xx1");
    await anna.keyboard.press("Enter");
    await anna.locator("#error-summary").waitFor();
    expect(await anna.getAttribute("#codice", "aria-invalid")).toBe("true");
    await anna.fill("#codice", code.toLowerCase());
    await press(anna, "#codice");
    await anna.waitForURL(`**/partecipa/${code}`);
    await anna.locator("#participant-no-item").waitFor();

    const bruno = await browser.page();
    await bruno.goto(`/partecipa/${code}`);
    await press(bruno, "#participant-sign-in");
    await bruno.waitForURL("**/accedi?ritorno=*");
    await bruno.focus("#email");
    await bruno.keyboard.type(people.bruno);
    await bruno.focus("#password");
    await bruno.keyboard.type(E2E_PASSWORD);
    await bruno.keyboard.press("Enter");
    await bruno.waitForURL(`**/partecipa/${code}`);
    await waitForText(bruno, "#participant-connection", "Connesso");
    await waitForText(anna, "#participant-connection", "Connesso");
    // Joining records attendance through the live session.
    expect(await prisma.meetingAttendance.count({ where: { meetingId, source: "LIVE" } })).toBe(2);
    await host.waitForFunction(() => Number(document.querySelector("#live-connected")?.textContent) >= 3, undefined, { timeout: 15_000 });

    // ── The facilitator puts measure 1.1 under discussion and opens voting. ──
    await host.focus("#live-measure");
    await host.selectOption("#live-measure", measureId);
    await press(host, "#live-pick-measure");
    await waitForText(host, "#live-console-status", "Punto messo in discussione.");
    for (const page of [anna, bruno]) await waitForText(page, "#participant-item-title", "1.1");
    await waitForText(projector, "#projector-item", "1.1");
    await waitForText(projector, "#projector-announcement", "In discussione: 1.1");
    await waitForText(anna, "#participant-waiting", "non è aperta");
    await press(host, "#live-open-voting");
    await waitForText(host, "#live-voting-state", "Votazione aperta");
    await waitForText(projector, "#projector-state", "Votazione aperta");

    // ── Both vote with the keyboard; Anna with a priority. ──
    await anna.locator("button[value=SUPPORT]").waitFor();
    await anna.focus("#participant-priority");
    await anna.selectOption("#participant-priority", "4");
    await press(anna, "button[value=SUPPORT]");
    await waitForText(anna, "#participant-confirmation", "Voto registrato: Sostengo (priorità 4).");
    expect(await anna.getAttribute("button[value=SUPPORT]", "aria-pressed")).toBe("true");
    expect(await anna.getAttribute("button[value=OPPOSE]", "aria-pressed")).toBe("false");
    await bruno.locator("button[value=OPPOSE]").waitFor();
    await press(bruno, "button[value=OPPOSE]");
    await waitForText(bruno, "#participant-confirmation", "Voto registrato: Contrario");
    await expectNoAxeViolations(anna);

    const votes = await prisma.vote.findMany({ where: { roundId, measureId }, select: { choice: true, priority: true, channel: true, category: true }, orderBy: { choice: "asc" } }); // enum order: SUPPORT, OPPOSE, ABSTAIN
    expect(votes).toEqual([
      { choice: "SUPPORT", priority: 4, channel: "LIVE", category: "CITIZEN" },
      { choice: "OPPOSE", priority: null, channel: "LIVE", category: "BUSINESS" },
    ]);

    // ── The console's tally follows; results shown on the projector. ──
    await host.waitForFunction(() => document.querySelector("#live-tally tbody tr:last-child td:nth-of-type(4)")?.textContent === "2", undefined, { timeout: 15_000 });
    await press(host, "#live-close-voting");
    await waitForText(host, "#live-voting-state", "Votazione chiusa");
    await press(host, "#live-show-results");
    await projector.locator("#projector-results").waitFor({ timeout: 15_000 });
    await waitForText(projector, "#projector-results-total", "Voti: 2");
    expect(await projector.locator("#projector-results svg rect").count()).toBe(3);
    const combined = await projector.locator("#projector-results-table tbody tr:last-child td").allTextContents();
    expect(combined).toEqual(["1", "1", "0", "2", "4,0"]);
    await waitForText(projector, "#projector-announcement", "Risultati su 1.1");
    await anna.locator("#participant-results").waitFor();
    await expectNoAxeViolations(projector);
    await expectNoAxeViolations(anna);

    // ── Paper ballots: a count error is named on its field; then they join the tally, marked apart. ──
    await host.fill("#support", "3");
    await host.fill("#oppose", "1");
    await host.fill("#abstain", "0");
    await host.fill("#priorityCount", "9");
    await press(host, "#priorityCount");
    await host.locator("#error-summary a[href='#priorityCount']").waitFor();
    expect(await host.getAttribute("#priorityCount", "aria-invalid")).toBe("true");
    await expectNoAxeViolations(host);
    await host.fill("#priorityCount", "");
    await press(host, "#support");
    await waitForText(host, "#live-console-status", "Schede cartacee registrate.");
    await host.waitForFunction(() => document.querySelector("#live-tally tbody tr:last-child td:nth-of-type(4)")?.textContent === "6", undefined, { timeout: 15_000 });
    expect(await host.locator("#live-tally tbody tr:nth-child(2) td").allTextContents()).toEqual(["3", "1", "0", "4", "—"]);
    await expectNoAxeViolations(host);

    // ── The same views in English. ──
    const englishConsole = await host.context().newPage();
    await englishConsole.goto(`/en${meetingPath}/diretta`);
    await waitForText(englishConsole, "#live-connection", "Connected");
    expect(await textOf(englishConsole, "#live-voting-state")).toBe("Voting closed");
    await expectNoAxeViolations(englishConsole);
    const englishProjector = await host.context().newPage();
    await englishProjector.goto(`/en${meetingPath}/proiezione`);
    await waitForText(englishProjector, "#projector-results-total", "Votes: 6");
    await expectNoAxeViolations(englishProjector);
    await anna.goto(`/en/partecipa/${code}`);
    await waitForText(anna, "#participant-connection", "Connected");
    await expectNoAxeViolations(anna);
    await anna.goto("/en/partecipa");
    await expectNoAxeViolations(anna);

    // ── A vote cast offline waits in the queue and is sent once back online, applied once. ──
    const secondMeasureId = await measureIdOf(prisma, plan!, "1.2");
    await host.selectOption("#live-measure", secondMeasureId);
    await press(host, "#live-pick-measure");
    await waitForText(bruno, "#participant-item-title", "1.2");
    await press(host, "#live-open-voting");
    await bruno.locator("button[value=SUPPORT]").waitFor();
    await bruno.context().setOffline(true);
    await waitForText(bruno, "#participant-connection", "Non in linea");
    await press(bruno, "button[value=SUPPORT]");
    await waitForText(bruno, "#participant-confirmation", "Voto in attesa di connessione: Sostengo");
    expect(await bruno.evaluate(() => Object.keys(sessionStorage).filter((key) => key.startsWith("consulta.live.votes.")).length)).toBe(1);
    expect(await prisma.vote.count({ where: { roundId, measureId: secondMeasureId } })).toBe(0);
    await bruno.context().setOffline(false);
    await waitForText(bruno, "#participant-confirmation", "Voto registrato: Sostengo");
    expect(await prisma.vote.findMany({ where: { roundId, measureId: secondMeasureId }, select: { choice: true, channel: true, category: true } })).toEqual([{ choice: "SUPPORT", channel: "LIVE", category: "BUSINESS" }]);
    expect(await bruno.evaluate(() => Object.keys(sessionStorage).filter((key) => key.startsWith("consulta.live.votes.")).length)).toBe(0);
    await host.waitForFunction(() => document.querySelector("#live-tally tbody tr:first-child td:nth-of-type(1)")?.textContent === "1", undefined, { timeout: 15_000 });

    // ── Without JavaScript the vote buttons post a plain form; on a 320 px phone nothing scrolls sideways. ──
    const plain = await browser.page({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
    await signIn(plain, people.anna);
    await plain.goto(`/partecipa/${code}`);
    expect(await plain.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await plain.selectOption("#participant-priority", "2");
    await press(plain, "button[value=OPPOSE]");
    await plain.waitForURL(`**/partecipa/${code}?esito=voto-registrato`);
    expect(await textOf(plain, "#participant-confirmation")).toBe("Voto registrato.");
    expect(await prisma.vote.count({ where: { roundId, measureId: secondMeasureId, choice: "OPPOSE", priority: 2, channel: "LIVE", category: "CITIZEN" } })).toBe(1);
    // A vote posted over HTTP is not broadcast as a tally (only socket votes schedule one): the console's snapshot has it.
    await host.reload();
    await waitForText(host, "#live-connection", "Connesso");
    expect(await host.locator("#live-tally tbody tr:first-child td").allTextContents()).toEqual(["1", "1", "0", "2", "2,0"]);

    // ── Ending asks for confirmation; the participants are told. ──
    const focused = (id: string) => host.waitForFunction((want) => document.activeElement?.id === want, id, { timeout: 5_000 });
    await press(host, "#live-end");
    await focused("live-end-yes");
    await press(host, "#live-end-no");
    await focused("live-end");
    expect((await prisma.liveSession.findUniqueOrThrow({ where: { meetingId } })).status).toBe("RUNNING");
    await press(host, "#live-end");
    await press(host, "#live-end-yes");
    await waitForText(bruno, "#participant-session-status", "Conclusa");
    await waitForText(projector, "#projector-announcement", "Sessione conclusa.");
    expect((await prisma.liveSession.findUniqueOrThrow({ where: { meetingId } })).status).toBe("ENDED");
  });

  test("the console and the projector are for hosts only; signed out, they lead to sign in", async () => {
    const meetingPath = `/consultazioni/${roundId}/incontri/${meetingId}`;
    const visitor = await browser.page();
    for (const section of ["diretta", "proiezione"]) {
      await visitor.goto(`${meetingPath}/${section}`);
      expect(new URL(visitor.url()).pathname).toBe("/accedi");
    }
    const stakeholder = await browser.page();
    await signIn(stakeholder, people.anna);
    for (const section of ["diretta", "proiezione"]) {
      const response = await stakeholder.goto(`${meetingPath}/${section}`);
      expect(response?.status()).toBe(403);
    }
    const unknown = await stakeholder.goto("/partecipa/ZZZZZZ");
    expect(unknown?.status()).toBe(404);
    const malformed = await stakeholder.goto("/partecipa/0000");
    expect(malformed?.status()).toBe(400);
  });
});
