/**
 * Guests in the room, in Chromium: people without an account ask to take part from the join page
 * (name + stakeholder category, by keyboard); the facilitator sees them on the console and admits
 * or refuses them; an admitted guest's page turns into the participant view by itself and their
 * vote counts (channel LIVE, the category they gave); a refused guest is told so and may ask again.
 * Without JavaScript, "Check now" picks up the admission. Elsewhere on the site a guest is refused.
 * axe on the request form (with errors), the waiting panel and the console's guest panel, in both
 * languages.
 *
 * The round belongs to a copy of the seed plan, so other files' rounds on the seed plan are untouched.
 */
import type { Page } from "playwright-core";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { expectNoAxeViolations } from "../support/axe";
import { useE2EBrowser } from "../support/browser";
import { press, textOf, waitForText } from "../support/e2e-page";
import { describeE2E, e2eDatabaseUrl } from "../support/e2e-server";
import { deletePlanCopy, type E2EPlan, importPlanCopy, measureIdOf, openRound } from "../support/e2e-rounds";
import { confirmedUser, signIn } from "../support/e2e-users";

jest.setTimeout(240_000);

describeE2E("live assemblies: guests in the room", () => {
  const browser = useE2EBrowser();
  let prisma: PrismaClient;
  let plan: E2EPlan | undefined;
  const stamp = Date.now();
  const facilitator = `ospiti-facilitatore-${stamp}@example.it`;
  let roundId = "";
  let meetingId = "";
  let measureId = "";

  beforeAll(async () => {
    prisma = createPrismaClient(e2eDatabaseUrl(), { maxConnections: 2 });
    plan = await importPlanCopy(prisma, `ospiti-${stamp}`);
    const round = await openRound(prisma, plan, `Consultazione con ospiti ${stamp}`);
    roundId = round.id;
    const meeting = await prisma.meeting.create({
      data: { roundId, title: `Assemblea al centro civico ${stamp}`, venue: "Centro civico", venueKind: "OTHER", startsAt: new Date(Date.now() - 10 * 60_000), endsAt: new Date(Date.now() + 2 * 3600_000) },
    });
    meetingId = meeting.id;
    measureId = await measureIdOf(prisma, plan, "1.1");
    await confirmedUser(prisma, facilitator, "FACILITATOR", "Franco Facilitatore");
  });
  afterAll(async () => {
    if (plan) await deletePlanCopy(prisma, plan.id);
    await prisma?.$disconnect();
  });

  const guestItem = (name: string) => `#live-guests li:has(.live-guest-name:text-is("${name}"))`;

  /** The guest form, by keyboard only: name, Tab, arrow keys in the category list, Tab to the button, Enter. */
  async function requestByKeyboard(page: Page, name: string, arrowDowns: number) {
    await page.focus("#displayName");
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type(name);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("category");
    for (let i = 0; i < arrowDowns; i += 1) await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("guest-request-submit");
    await page.keyboard.press("Enter");
  }

  test("a guest asks to take part, is admitted and votes; another is refused; without JavaScript too", async () => {
    const meetingPath = `/consultazioni/${roundId}/incontri/${meetingId}`;

    // ── The facilitator starts the session, puts measure 1.1 under discussion and opens voting. ──
    const host = await browser.page();
    await signIn(host, facilitator);
    await host.goto(`${meetingPath}/diretta`);
    await press(host, "#live-start");
    await host.locator("#live-join-code").waitFor();
    const code = (await textOf(host, "#live-join-code"))!.trim();
    await waitForText(host, "#live-connection", "Connesso");
    expect(await textOf(host, "#live-guests-empty")).toBe("Nessuna persona in attesa.");
    await host.selectOption("#live-measure", measureId);
    await press(host, "#live-pick-measure");
    await waitForText(host, "#live-console-status", "Punto messo in discussione.");
    await press(host, "#live-open-voting");
    await waitForText(host, "#live-voting-state", "Votazione aperta");

    // ── Gianna, no account: the join page offers signing in or asking as a guest. ──
    const gianna = await browser.page();
    await gianna.goto(`/partecipa/${code}`);
    expect(await gianna.getAttribute("#participant-sign-in", "href")).toBe(`/accedi?ritorno=${encodeURIComponent(`/partecipa/${code}`)}`);
    await expectNoAxeViolations(gianna);
    // Sent empty: the error summary takes the focus and links to both fields.
    await press(gianna, "#guest-request-submit");
    await gianna.locator("#error-summary").waitFor();
    await gianna.waitForFunction(() => document.activeElement?.id === "error-summary");
    expect(await gianna.locator("#error-summary a").evaluateAll((links) => links.map((link) => link.getAttribute("href")))).toEqual(["#displayName", "#category"]);
    expect(await gianna.getAttribute("#displayName", "aria-invalid")).toBe("true");
    expect(await gianna.getAttribute("#displayName", "aria-describedby")).toBe("displayName-hint displayName-error");
    expect(await textOf(gianna, "#category-error")).toBe("Scegli la categoria di portatore di interesse in cui ti riconosci.");
    await expectNoAxeViolations(gianna);
    expect(await prisma.liveGuestRequest.count({ where: { session: { joinCode: code } } })).toBe(0);
    // Keyboard only: three steps down the categories is "Giovane".
    await requestByKeyboard(gianna, "Gianna Rossi", 3);
    await gianna.locator("#guest-waiting").waitFor();
    expect(await textOf(gianna, "#guest-waiting-name")).toBe("Gianna Rossi");
    expect(await gianna.getAttribute("#guest-waiting-status", "role")).toBe("status");
    expect(await textOf(gianna, "#guest-waiting-status")).toContain("attendi che chi conduce l'incontro la accetti");
    const cookie = (await gianna.context().cookies()).find((one) => one.name === "consulta-live-guest");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    expect(await prisma.liveGuestRequest.findFirstOrThrow({ where: { session: { joinCode: code } }, select: { displayName: true, category: true, status: true } })).toEqual({
      displayName: "Gianna Rossi",
      category: "YOUNG_PERSON",
      status: "PENDING",
    });
    await expectNoAxeViolations(gianna);
    // "Check now" while waiting: still waiting, said in the status region, focus stays on the button.
    await press(gianna, "#guest-check");
    await waitForText(gianna, "#guest-waiting-status", "Ancora in attesa");
    expect(await gianna.evaluate(() => document.activeElement?.id)).toBe("guest-check");
    // The waiting panel in English.
    await gianna.goto(`/en/partecipa/${code}`);
    await waitForText(gianna, "#guest-waiting-status", "wait for the facilitator to accept it");
    await expectNoAxeViolations(gianna);
    await gianna.goto(`/partecipa/${code}`);
    await gianna.locator("#guest-waiting").waitFor();

    // ── The console lists her (without reloading); the facilitator admits her by keyboard. ──
    await host.locator(guestItem("Gianna Rossi")).waitFor();
    expect(await textOf(host, "#live-guests-count")).toBe("1");
    expect(await textOf(host, guestItem("Gianna Rossi"))).toContain("Giovane");
    await waitForText(host, "#live-guests-announcement", "1 persona in attesa");
    await expectNoAxeViolations(host);
    await press(host, `${guestItem("Gianna Rossi")} button[id^=live-guest-admit-]`);
    await waitForText(host, "#live-console-status", "Persona ammessa: Gianna Rossi.");
    await host.locator("#live-guests-empty").waitFor();
    await host.waitForFunction(() => document.activeElement?.id === "live-guests-title");
    expect(await textOf(host, "#live-guests-count")).toBe("0");

    // ── Her page becomes the participant view by itself; she votes. ──
    await waitForText(gianna, "#participant-item-title", "1.1");
    expect(await textOf(gianna, "#participant-guest-note")).toContain("«Gianna Rossi»");
    expect((await gianna.context().cookies()).some((one) => one.name === "consulta-live-guest")).toBe(false);
    await waitForText(gianna, "#participant-connection", "Connesso");
    await gianna.locator("button[value=SUPPORT]").waitFor();
    await press(gianna, "button[value=SUPPORT]");
    await waitForText(gianna, "#participant-confirmation", "Voto registrato: Sostengo");
    const votes = await prisma.vote.findMany({ where: { roundId, measureId }, select: { choice: true, channel: true, category: true, user: { select: { liveGuestOfId: true, email: true } } } });
    const session = await prisma.liveSession.findUniqueOrThrow({ where: { meetingId }, select: { id: true } });
    expect(votes).toEqual([{ choice: "SUPPORT", channel: "LIVE", category: "YOUNG_PERSON", user: { liveGuestOfId: session.id, email: null } }]);
    await host.waitForFunction(() => document.querySelector("#live-tally tbody tr:last-child td:nth-of-type(4)")?.textContent === "1", undefined, { timeout: 15_000 });
    await expectNoAxeViolations(gianna);
    // Anywhere else a guest is refused with the 403 page saying why: their account page, another session.
    const elsewhere = await gianna.goto("/account");
    expect(elsewhere?.status()).toBe(403);
    expect(await gianna.locator("main").innerText()).toContain("Come ospite di una sessione in diretta puoi solo partecipare a quella sessione.");
    expect(await gianna.locator("#displayName").count()).toBe(0);
    await expectNoAxeViolations(gianna);

    // ── Carlo asks from the English page, is refused, and is told so with the form again. ──
    const carlo = await browser.page();
    await carlo.goto(`/en/partecipa/${code}`);
    await expectNoAxeViolations(carlo);
    await requestByKeyboard(carlo, "Carlo Bianchi", 1);
    await carlo.locator("#guest-waiting").waitFor();
    expect(await textOf(carlo, "#guest-check")).toBe("Check now");
    await host.locator(guestItem("Carlo Bianchi")).waitFor();
    expect(await textOf(host, guestItem("Carlo Bianchi"))).toContain("Cittadino o cittadina");
    await press(host, `${guestItem("Carlo Bianchi")} button[id^=live-guest-refuse-]`);
    await waitForText(host, "#live-console-status", "Richiesta rifiutata: Carlo Bianchi.");
    await host.locator("#live-guests-empty").waitFor();
    await carlo.locator("#guest-refused").waitFor();
    expect(await textOf(carlo, "#guest-refused")).toContain("The facilitator did not accept your request.");
    await carlo.locator("#guest-request-form").waitFor();
    expect(await prisma.liveGuestRequest.findFirstOrThrow({ where: { displayName: "Carlo Bianchi" }, select: { status: true, userId: true } })).toEqual({ status: "REFUSED", userId: null });
    await expectNoAxeViolations(carlo);

    // ── Without JavaScript: ask, wait, and after the admission "Check now" opens the vote. ──
    const plain = await browser.page({ javaScriptEnabled: false });
    await plain.goto(`/partecipa/${code}`);
    await plain.fill("#displayName", "Paola Verdi");
    await plain.selectOption("#category", "BUSINESS");
    await press(plain, "#guest-request-submit");
    await plain.waitForURL(`**/partecipa/${code}`);
    await plain.locator("#guest-waiting").waitFor();
    expect(await textOf(plain, "#guest-waiting-hint")).toContain("Premi «Controlla ora»");
    await press(plain, "#guest-check");
    await plain.waitForURL(`**/partecipa/${code}`);
    await plain.locator("#guest-waiting").waitFor();
    await host.locator(guestItem("Paola Verdi")).waitFor();
    await press(host, `${guestItem("Paola Verdi")} button[id^=live-guest-admit-]`);
    await waitForText(host, "#live-console-status", "Persona ammessa: Paola Verdi.");
    await press(plain, "#guest-check");
    await plain.waitForURL(`**/partecipa/${code}`);
    expect(await textOf(plain, "#participant-item-title")).toContain("1.1");
    await press(plain, "button[value=OPPOSE]");
    await plain.waitForURL(`**/partecipa/${code}?esito=voto-registrato`);
    expect(await prisma.vote.count({ where: { roundId, measureId, choice: "OPPOSE", channel: "LIVE", category: "BUSINESS" } })).toBe(1);
    // Guest accounts are accounts of this session only: two admitted, one refused.
    expect(await prisma.user.count({ where: { liveGuestOfId: session.id } })).toBe(2);
  });
});
