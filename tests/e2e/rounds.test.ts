/**
 * Rounds and meetings in Chromium. A facilitator (arranged in the server's database: nobody signs
 * up as one) reaches the rounds by the header link, schedules a round and a meeting with the
 * keyboard; the public round page, the calendar and the .ics feed show them; a stakeholder
 * registers without JavaScript; the status buttons, headcount, minutes and the attendance tick-off
 * work on another round.
 * axe on every page of the module in both languages.
 *
 * The e2e server is shared with other files that open rounds on the seed plan "now": this file's
 * round is scheduled years ahead so it never overlaps theirs, and its status buttons act on a round
 * that opened long before theirs (so their measure pages keep showing their own round).
 */
import fs from "node:fs";
import type { Page } from "playwright-core";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { expectNoAxeViolations } from "../support/axe";
import { useE2EBrowser } from "../support/browser";
import { describeE2E, e2eDatabaseUrl, get } from "../support/e2e-server";
import { e2eSeedPlan, openRound } from "../support/e2e-rounds";
import { confirmedUser, signIn } from "../support/e2e-users";

jest.setTimeout(180_000);

const DAY = 24 * 3600_000;

describeE2E("consultation rounds and meetings", () => {
  const browser = useE2EBrowser();
  let prisma: PrismaClient;
  const stamp = Date.now();
  const year = new Date().getUTCFullYear() + 3;
  const roundTitle = `Consultazione di primavera ${stamp}`;
  const meetingTitle = `Assemblea al circolo ${stamp}`;
  const emails = { facilitator: `facilitatrice-${stamp}@example.it`, stakeholder: `cittadino-${stamp}@example.it` };
  let stakeholderId = "";
  let roundId = "";
  let meetingId = "";

  beforeAll(async () => {
    prisma = createPrismaClient(e2eDatabaseUrl(), { maxConnections: 2 });
    await confirmedUser(prisma, emails.facilitator, "FACILITATOR", "Francesca Facilitatrice");
    stakeholderId = await confirmedUser(prisma, emails.stakeholder, "STAKEHOLDER", "Carlo Cittadino");
  });
  afterAll(async () => {
    await prisma?.$disconnect();
  });

  async function typeInto(page: Page, selector: string, value: string) {
    await page.focus(selector);
    await page.keyboard.type(value);
  }

  /** Tab from a field to the next focusable element until the form's submit button has focus, then Enter. */
  async function submitByKeyboard(page: Page, label: string) {
    await page.focus("form button[type=submit]");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(label);
    await page.keyboard.press("Enter");
  }

  test("a facilitator schedules a round and a meeting with the keyboard", async () => {
    const page = await browser.page();
    await signIn(page, emails.facilitator);

    await page.focus("header a[href='/consultazioni']");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Consultazioni");
    await page.keyboard.press("Enter");
    await page.waitForURL("**/consultazioni");
    expect(await page.locator("h1").textContent()).toBe("Consultazioni");
    // Next year has no round yet: the plan's "two a year" falls short, and facilitators are told.
    expect(await page.locator("#calendar-warning").textContent()).toContain(String(new Date().getUTCFullYear() + 1));
    await expectNoAxeViolations(page);

    await page.focus("a[href='/consultazioni/nuova']");
    await page.keyboard.press("Enter");
    await page.waitForURL("**/consultazioni/nuova");
    await expectNoAxeViolations(page);

    // Sent empty: an error summary linking to each field.
    await submitByKeyboard(page, "Programma la consultazione");
    await page.locator("#error-summary").waitFor();
    expect(await page.locator("#error-summary a[href='#title']").count()).toBe(1);
    expect(await page.getAttribute("#title", "aria-invalid")).toBe("true");
    await expectNoAxeViolations(page);

    await typeInto(page, "#title", roundTitle);
    await typeInto(page, "#description", "Discutiamo insieme il piano.\n\nPer informazioni: https://example.org/consulta");
    await page.fill("#opensAt", `${year}-03-02T10:00`);
    await page.fill("#closesAt", `${year}-03-30T18:00`);
    await submitByKeyboard(page, "Programma la consultazione");
    await page.waitForURL((url) => /^\/consultazioni\/[0-9a-f-]{36}$/.test(url.pathname) && url.searchParams.get("esito") === "programmata");
    roundId = new URL(page.url()).pathname.split("/")[2]!;
    expect(await page.locator("h1").textContent()).toBe(roundTitle);
    expect(await page.locator("[role=status].alert").textContent()).toBe("Consultazione programmata.");
    expect(await page.locator("main").textContent()).toContain(`2 marzo ${year}`);
    expect(await page.locator("main a[href='https://example.org/consulta']").count()).toBe(1);
    const stored = await prisma.round.findUniqueOrThrow({ where: { id: roundId } });
    // 10:00 in Rome on 2 March (winter time) is 09:00 UTC.
    expect(stored.opensAt.toISOString()).toBe(`${year}-03-02T09:00:00.000Z`);
    expect(stored.status).toBe("SCHEDULED");
    await expectNoAxeViolations(page);

    await page.focus(`a[href='/consultazioni/${roundId}/incontri/nuovo']`);
    await page.keyboard.press("Enter");
    await page.waitForURL(`**/consultazioni/${roundId}/incontri/nuovo`);
    await expectNoAxeViolations(page);
    await typeInto(page, "#title", meetingTitle);
    await typeInto(page, "#venue", "Circolo ARCI di Putignano");
    await page.focus("#venueKind");
    await page.selectOption("#venueKind", "CULTURAL_CLUB");
    await typeInto(page, "#address", "Via Pietrasantina 1, Pisa");
    await page.fill("#startsAt", `${year}-03-10T18:00`);
    await page.fill("#endsAt", `${year}-03-10T20:00`);
    await typeInto(page, "#capacity", "30");
    await page.focus("#registration");
    await page.selectOption("#registration", "REQUIRED");
    await submitByKeyboard(page, "Programma l'incontro");
    await page.waitForURL((url) => url.pathname.startsWith(`/consultazioni/${roundId}/incontri/`) && url.searchParams.get("esito") === "incontro-programmato");
    meetingId = new URL(page.url()).pathname.split("/")[4]!;
    expect(await page.locator("h1").textContent()).toBe(meetingTitle);
    expect(await page.locator("main").textContent()).toContain("Circolo culturale");
    await expectNoAxeViolations(page);

    // The edit pages, in both languages.
    for (const path of [`/consultazioni/${roundId}/modifica`, `/consultazioni/${roundId}/incontri/${meetingId}/modifica`]) {
      for (const prefix of ["", "/en"]) {
        const response = await page.goto(`${prefix}${path}`);
        expect(response?.status()).toBe(200);
        expect(await page.inputValue("#title")).not.toBe("");
        await expectNoAxeViolations(page);
      }
    }
    // Saving the round unchanged works and keeps the times (the form shows Rome time).
    await page.goto(`/consultazioni/${roundId}/modifica`);
    expect(await page.inputValue("#opensAt")).toBe(`${year}-03-02T10:00`);
    await submitByKeyboard(page, "Salva le modifiche");
    await page.waitForURL((url) => url.searchParams.get("esito") === "modificata");
    expect((await prisma.round.findUniqueOrThrow({ where: { id: roundId } })).opensAt.toISOString()).toBe(`${year}-03-02T09:00:00.000Z`);

    for (const path of ["/en/consultazioni", "/en/consultazioni/nuova", `/en/consultazioni/${roundId}`, `/en/consultazioni/${roundId}/incontri/nuovo`, `/en/consultazioni/${roundId}/incontri/${meetingId}`]) {
      expect((await page.goto(path))?.status()).toBe(200);
      expect(await page.getAttribute("html", "lang")).toBe("en");
      await expectNoAxeViolations(page);
    }
  });

  test("the public sees the round, its meeting and the calendar; the .ics downloads", async () => {
    const page = await browser.page();
    expect((await page.goto(`/consultazioni/${roundId}`))?.status()).toBe(200);
    expect(await page.locator("h1").textContent()).toBe(roundTitle);
    expect(await page.locator(`#incontro-${meetingId} h3`).textContent()).toBe(meetingTitle);
    expect(await page.locator(`#incontro-${meetingId}`).textContent()).toContain("Iscrizione obbligatoria");
    expect(await page.locator("#manager-actions-title").count()).toBe(0);
    await expectNoAxeViolations(page);

    await page.goto(`/consultazioni/${roundId}/incontri/${meetingId}`);
    expect(await page.locator("main a[href='/accedi']").textContent()).toBe("Accedi per iscriverti");
    await expectNoAxeViolations(page);

    await page.goto("/consultazioni");
    const yearSection = page.locator(`section[aria-labelledby='year-${year}']`);
    expect(await yearSection.locator("h3").allTextContents()).toContain(roundTitle);
    expect(await yearSection.locator("p").first().textContent()).toContain("1 consultazione — il piano ne chiede almeno due");
    expect(await page.locator("#calendar-warning").count()).toBe(0);
    await expectNoAxeViolations(page);
    await page.goto("/en/consultazioni");
    expect(await page.locator(`section[aria-labelledby='year-${year}'] p`).first().textContent()).toContain("1 round — the plan asks for at least two");

    await page.goto("/consultazioni");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("a[href='/api/v1/calendar.ics']")]);
    expect(download.suggestedFilename()).toBe("consultazioni.ics");
    const ics = fs.readFileSync((await download.path())!, "utf8");
    expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    const unfolded = ics.replace(/\r\n[ \t]/g, "");
    expect(unfolded).toContain(`UID:round-${roundId}@consulta`);
    expect(unfolded).toContain(`SUMMARY:Consultazione: ${roundTitle}`);
    expect(unfolded).toContain(`DTSTART:${year}0302T090000Z`);
    expect(unfolded).toContain(`UID:meeting-${meetingId}@consulta`);
    expect(unfolded).toContain("LOCATION:Circolo ARCI di Putignano\\, Via Pietrasantina 1\\, Pisa");

    const response = await get("/api/v1/calendar.ics?lang=en");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect((await response.text()).replace(/\r\n[ \t]/g, "")).toContain(`URL:`);
    expect((await get("/api/v1/calendar.ics?plan=Nope!")).status).toBe(400);
  });

  test("a stakeholder registers for the meeting without JavaScript, and withdraws", async () => {
    const page = await browser.page({ javaScriptEnabled: false });
    await signIn(page, emails.stakeholder);
    await page.goto(`/consultazioni/${roundId}/incontri/${meetingId}`);
    await page.click("main form button[type=submit]");
    await page.waitForURL((url) => url.searchParams.get("esito") === "iscrizione-confermata");
    expect(await page.locator("main").textContent()).toContain("Sei iscritto.");
    expect(await prisma.meetingRegistration.count({ where: { meetingId, userId: stakeholderId } })).toBe(1);
    expect(await page.locator("main").textContent()).toContain("posti liberi: 29 su 30");

    await page.goto(`/consultazioni/${roundId}`);
    await page.click(`#incontro-${meetingId} form button[type=submit]`);
    await page.waitForURL((url) => url.pathname === `/consultazioni/${roundId}` && url.searchParams.get("esito") === "iscrizione-annullata");
    expect(await prisma.meetingRegistration.count({ where: { meetingId, userId: stakeholderId } })).toBe(0);

    // A registration refused by the rate limit comes back with the wait, worded like the other limits.
    await page.goto(`/consultazioni/${roundId}/incontri/${meetingId}?esito=troppe-richieste&attesa=42`);
    expect(await page.locator("[role=alert].alert").textContent()).toBe("Troppi tentativi. Riprova tra 42 secondi.");
    await page.goto(`/en/consultazioni/${roundId}?esito=troppe-richieste&attesa=42`);
    expect(await page.locator("[role=alert].alert").textContent()).toBe("Too many attempts. Please try again in 42 seconds.");

    // Stakeholders get no facilitators' tools and cannot reach the forms.
    await page.goto("/consultazioni/nuova");
    expect(await page.locator("h1").textContent()).toBe("Accesso non consentito");
    expect(await page.locator("form #title").count()).toBe(0);
  });

  test("status buttons, attendance and minutes", async () => {
    const plan = await e2eSeedPlan(prisma);
    // Opened long ago, so it is never the plan's latest opened round (other files rely on theirs).
    const round = await openRound(prisma, plan, `Consultazione in corso ${stamp}`, { description: "In corso.", openedAgoMs: 300 * DAY, closesInMs: DAY });
    const meeting = await prisma.meeting.create({
      data: { roundId: round.id, title: `Incontro iniziato ${stamp}`, venue: "Parrocchia di San Michele", venueKind: "PARISH", startsAt: new Date(Date.now() - 600_000), endsAt: new Date(Date.now() + 3600_000) },
    });
    const page = await browser.page();
    await signIn(page, emails.facilitator);

    await page.goto(`/consultazioni/${round.id}/incontri/${meeting.id}`);
    await expectNoAxeViolations(page);
    await typeInto(page, "#headcount", "42");
    await typeInto(page, "#minutes", "Presenti 42 persone.\n\n<b>Nessun</b> incidente.");
    await submitByKeyboard(page, "Salva partecipanti e verbale");
    await page.waitForURL((url) => url.searchParams.get("esito") === "esito-registrato");
    expect(await page.locator("main").textContent()).toContain("Persone presenti: 42");
    expect(await page.locator("main").textContent()).toContain("<b>Nessun</b> incidente.");
    expect(await page.locator("main b").count()).toBe(0);
    await expectNoAxeViolations(page);
    await page.goto(`/en/consultazioni/${round.id}/incontri/${meeting.id}`);
    await expectNoAxeViolations(page);

    // Attendance: two registered people ticked (one by keyboard, one by click); an unknown address is a field error.
    const attendees = [
      await confirmedUser(prisma, `presente-a-${stamp}@example.it`, "STAKEHOLDER", "Anna Presente"),
      await confirmedUser(prisma, `presente-b-${stamp}@example.it`, "STAKEHOLDER", "Bruno Presente", "YOUNG_PERSON"),
      await confirmedUser(prisma, `assente-${stamp}@example.it`, "STAKEHOLDER", "Carla Assente"),
    ];
    await prisma.meetingRegistration.createMany({ data: attendees.map((userId) => ({ meetingId: meeting.id, userId })) });
    await page.goto(`/consultazioni/${round.id}/incontri/${meeting.id}`);
    expect(await page.locator("label[for='attended-1']").textContent()).toBe("Bruno Presente (Giovane)");
    await typeInto(page, "#email", `nessuno-${stamp}@example.it`);
    const saveAttendance = page.locator("button[type=submit]", { hasText: "Salva le presenze" });
    await saveAttendance.focus();
    await page.keyboard.press("Enter");
    await page.locator("#error-summary a[href='#email']").waitFor();
    expect(await page.getAttribute("#email", "aria-invalid")).toBe("true");
    expect(await page.locator("#email-error").textContent()).toBe("Nessun portatore di interesse registrato ha questo indirizzo e-mail.");
    await expectNoAxeViolations(page);
    await page.fill("#email", "");
    await page.focus("#attended");
    await page.keyboard.press("Space");
    await page.click("label[for='attended-1']");
    expect(await page.isChecked("#attended-2")).toBe(false);
    await saveAttendance.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.searchParams.get("esito") === "presenze-registrate");
    expect(await page.locator("#meeting-attended").textContent()).toBe("2");
    expect(await page.isChecked("#attended")).toBe(true);
    expect((await prisma.meetingAttendance.findMany({ where: { meetingId: meeting.id }, select: { userId: true } })).map((row) => row.userId).sort()).toEqual(attendees.slice(0, 2).sort());
    await expectNoAxeViolations(page);
    await page.goto(`/en/consultazioni/${round.id}/incontri/${meeting.id}`);
    expect(await page.locator("#meeting-attended").textContent()).toBe("2");
    await expectNoAxeViolations(page);
    // The public sees the counts, never the names.
    const visitor = await browser.page();
    await visitor.goto(`/consultazioni/${round.id}/incontri/${meeting.id}`);
    expect(await visitor.locator("#meeting-attended").textContent()).toBe("2");
    expect(await visitor.locator("main").textContent()).not.toContain("Anna Presente");
    await expectNoAxeViolations(visitor);

    await page.goto(`/consultazioni/${round.id}`);
    await page.focus("form button[aria-describedby='status-action-hint']");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Chiudi ora");
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.searchParams.get("esito") === "chiusa");
    expect(await page.locator("main .badge").first().textContent()).toBe("Chiusa");
    await expectNoAxeViolations(page);
    await page.focus("form button[aria-describedby='status-action-hint']");
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.searchParams.get("esito") === "sintesi-avviata");
    expect((await prisma.round.findUniqueOrThrow({ where: { id: round.id } })).status).toBe("SYNTHESIS");
    expect(await prisma.auditEvent.count({ where: { entityId: round.id, action: { in: ["round.closed", "round.synthesis-started"] } } })).toBe(2);
  });

  test("the home page announces the next round of the plan or the open one", async () => {
    const plan = await e2eSeedPlan(prisma);
    // Other files may open rounds of their own meanwhile; the next one to open is this file's (years ahead) unless one opens sooner.
    const next = await prisma.round.findFirstOrThrow({ where: { planId: plan.id, status: "SCHEDULED", opensAt: { gt: new Date() } }, orderBy: { opensAt: "asc" } });
    const page = await browser.page();
    await page.goto("/");
    const section = page.locator("section[aria-labelledby='consultation-title']");
    expect(await section.locator(`a[href='/consultazioni/${next.id}']`).textContent()).toBe(next.title);
    expect(await section.textContent()).toContain("Prossima consultazione:");
    expect(await section.locator("a[href='/consultazioni']").count()).toBe(1);
    await expectNoAxeViolations(page);
    await page.goto("/en");
    expect(await page.locator("section[aria-labelledby='consultation-title']").textContent()).toContain("Next consultation:");
    expect(await page.locator("header a[href='/en/consultazioni']").textContent()).toBe("Consultations");
  });
});
