/**
 * Hostile text in Chromium: a list of payloads (script tags, svg onload, img onerror, javascript: and
 * data: links, an RTL override, a 3,000-character word, quotes that would break attributes) goes
 * through every text input of issue 4 and is shown on every page that displays it. On each page: no
 * dialog opens, no element from the payload exists, the text reads as typed, and at 320px the page
 * does not scroll sideways.
 *
 * Runs on its own copy of the seed plan (see full-round.test.ts), deleted afterwards.
 */
import type { Page } from "playwright-core";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { useE2EBrowser } from "../support/browser";
import { deletePlanCopy, importPlanCopy, type E2EPlan } from "../support/e2e-rounds";
import { describeE2E, e2eDatabaseUrl } from "../support/e2e-server";
import { confirmedUser, signIn } from "../support/e2e-users";

jest.setTimeout(300_000);

const stamp = Date.now();
/** Fits every field, titles (200 characters) included. */
const short = [
  `<script>alert("s${stamp % 1000}")</script>`,
  "<svg onload=alert(1)>",
  "<img src=x onerror=alert(2)>",
  "[x](javascript:alert(3))",
  "data:text/html,<b>4</b>",
  "\u202Etxt.exe",
  `"'><i onmouseover="alert(5)">`,
].join(" ");
const longWord = "Partecipazione".repeat(215).slice(0, 3000);
/** For the fields that take more than 3,000 characters. */
const long = `${short} javascript:alert(6) ${longWord}`;
const hostileElements = "svg[onload], img[onerror], [onload], [onerror], [onmouseover], a[href^='javascript' i], a[href^='data' i], main script";

describeE2E("hostile text in every field and page of issue 4", () => {
  const browser = useE2EBrowser();
  let prisma: PrismaClient;
  let plan: E2EPlan;
  const people = {
    facilitator: { email: `xss-facilitatrice-${stamp}@example.it`, id: "" },
    anna: { email: `xss-anna-${stamp}@example.it`, id: "" },
    bruno: { email: `xss-bruno-${stamp}@example.it`, id: "" },
  };
  const dialogs: string[] = [];
  const overflows: string[] = [];

  beforeAll(async () => {
    prisma = createPrismaClient(e2eDatabaseUrl(), { maxConnections: 2 });
    plan = await importPlanCopy(prisma, `xss-${stamp}`);
    people.facilitator.id = await confirmedUser(prisma, people.facilitator.email, "FACILITATOR", "Fiorella Facilitatrice");
    people.anna.id = await confirmedUser(prisma, people.anna.email, "STAKEHOLDER", "Anna Cittadina");
    people.bruno.id = await confirmedUser(prisma, people.bruno.email, "STAKEHOLDER", "Bruno Impresa", "BUSINESS");
  });
  afterAll(async () => {
    if (plan) await deletePlanCopy(prisma, plan.id);
    await prisma?.$disconnect();
  });

  async function pageFor(email: string): Promise<Page> {
    const page = await browser.page();
    page.on("dialog", (dialog) => {
      dialogs.push(`${page.url()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await signIn(page, email);
    return page;
  }

  /** The page shows every text as typed, builds nothing from it, and fits 320px. */
  async function expectSafe(page: Page, path: string, texts: string[]) {
    await page.setViewportSize({ width: 1280, height: 900 });
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    const main = (await page.locator("main").textContent()) ?? "";
    for (const text of texts) expect({ path, shown: main.includes(text) }).toEqual({ path, shown: true });
    expect({ path, hostile: await page.locator(hostileElements).count() }).toEqual({ path, hostile: 0 });
    await page.setViewportSize({ width: 320, height: 800 });
    const widths = await page.evaluate(() => {
      const client = document.documentElement.clientWidth;
      // The innermost elements that stick out, to name the culprit when the page does not fit.
      const sticksOut = (element: Element) => element.getBoundingClientRect().right > client + 1 || (element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).overflowX === "visible");
      const wide = [...document.querySelectorAll("body *")]
        .filter((element) => sticksOut(element) && ![...element.children].some(sticksOut))
        .slice(0, 3)
        .map((element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}.${[...element.classList].join(".")}`);
      return { scroll: document.documentElement.scrollWidth, client, wide };
    });
    // Collected and asserted at the end, so that one run names every page that does not fit.
    if (widths.scroll > widths.client) overflows.push(`${path}: ${widths.scroll}px wide (${widths.wide.join(", ")})`);
    expect(dialogs).toEqual([]);
  }

  async function submit(page: Page, selector: string, outcome: string) {
    await page.focus(selector);
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.searchParams.get("esito") === outcome);
  }

  test("payloads in, text out: no dialog, no element, no sideways scroll", async () => {
    // ── Round: opened now, then its description edited through the form. ──
    // (The round form schedules on the main plan only; this copy's round is arranged in the database.)
    const round = await prisma.round.create({
      data: { planId: plan.id, revisionId: plan.currentRevisionId, title: short, description: "Da riscrivere.", status: "SCHEDULED", opensAt: new Date(Date.now() + 30 * 24 * 3600_000), closesAt: new Date(Date.now() + 60 * 24 * 3600_000) },
    });
    const roundId = round.id;
    const facilitator = await pageFor(people.facilitator.email);
    await facilitator.goto(`/consultazioni/${roundId}`);
    await submit(facilitator, "main form button[aria-describedby='status-action-hint']", "aperta");
    await facilitator.goto(`/consultazioni/${roundId}/modifica`);
    await facilitator.fill("#description", long);
    await submit(facilitator, "main form button[type=submit]:has-text('Salva le modifiche')", "modificata");
    const meeting = await prisma.meeting.create({
      data: { roundId, title: `Incontro ${stamp}`, venue: "Biblioteca", venueKind: "CULTURAL_CLUB", startsAt: new Date(Date.now() - 600_000), endsAt: new Date(Date.now() + 3600_000) },
    });
    const meetingPath = `/consultazioni/${roundId}/incontri/${meeting.id}`;
    await facilitator.goto(meetingPath);
    await facilitator.fill("#headcount", "12");
    await facilitator.fill("#minutes", long);
    await submit(facilitator, "main form button[type=submit]:has-text('Salva partecipanti e verbale')", "esito-registrato");

    // ── Comment and reply on a measure page. ──
    const measurePath = `/piani/${plan.slug}/misure/2.3`;
    const anna = await pageFor(people.anna.email);
    await anna.goto(measurePath);
    await anna.fill("#comment-new-body", long);
    await anna.focus("#comment-new-body");
    await anna.keyboard.press("Tab");
    await anna.keyboard.press("Enter");
    await anna.waitForURL((url) => url.searchParams.get("esito") === "commento-pubblicato");
    const comment = await prisma.comment.findFirstOrThrow({ where: { authorId: people.anna.id, roundId } });

    const bruno = await pageFor(people.bruno.email);
    await bruno.goto(measurePath);
    await bruno.focus(`#comment-${comment.id} summary`);
    await bruno.keyboard.press("Enter");
    await bruno.fill(`#reply-${comment.id}-body`, `Risposta ${long}`);
    await bruno.focus(`#reply-${comment.id}-body`);
    await bruno.keyboard.press("Tab");
    await bruno.keyboard.press("Enter");
    await bruno.waitForURL((url) => url.searchParams.get("esito") === "risposta-pubblicata");
    const reply = await prisma.comment.findFirstOrThrow({ where: { authorId: people.bruno.id, parentId: comment.id } });

    // ── Proposal (title, text, rationale) and SWOT. ──
    await anna.goto(`/consultazioni/${roundId}/proposte/nuova?tipo=emendamento&misura=2.3`);
    await anna.fill("#title", short);
    await anna.fill("#proposedText", long);
    await anna.fill("#rationale", `Motivo ${long}`);
    await submit(anna, "main form button[type=submit]:has-text('Invia la proposta')", "inviata");
    const proposalPath = new URL(anna.url()).pathname;
    await anna.goto(`/consultazioni/${roundId}/swot`);
    await anna.focus("#kind-THREAT");
    await anna.keyboard.press("Space");
    await anna.selectOption("#axisId", { index: 1 });
    await anna.fill("#body", `Minaccia ${short} ${longWord.slice(0, 1500)}`);
    await submit(anna, "button:has-text(\"Invia l'osservazione\")", "inviata");
    const swotText = `Minaccia ${short} ${longWord.slice(0, 1500)}`;

    // ── Reports: Bruno reports Anna's comment with a hostile reason; Anna reports the reply. ──
    await bruno.goto(`/segnala?tipo=commento&id=${comment.id}`);
    await bruno.fill("#reason", `Motivo ${short}`);
    await submit(bruno, "main form button[type=submit]", "inviata");
    await anna.goto(`/segnala?tipo=commento&id=${reply.id}`);
    await anna.fill("#reason", "Fuori tema.");
    await submit(anna, "main form button[type=submit]", "inviata");

    // ── What everyone sees, before anything is hidden. ──
    await expectSafe(anna, measurePath, [long, `Risposta ${long}`]);
    await expectSafe(anna, `/consultazioni/${roundId}`, [short, long]);
    await expectSafe(anna, meetingPath, [long]);
    await expectSafe(anna, proposalPath, [short, long, `Motivo ${long}`]);
    await expectSafe(anna, `/consultazioni/${roundId}/proposte`, [short]);
    await expectSafe(anna, `/consultazioni/${roundId}/swot`, [swotText]);
    await expectSafe(anna, "/account/contributi", [short]);
    await expectSafe(bruno, `/segnala?tipo=commento&id=${comment.id}`, [long]);
    await expectSafe(facilitator, "/moderazione", [long, `Motivo ${short}`]);

    // ── The facilitator hides the reply with a hostile public reason. ──
    const hideReason = `Nascosta ${short}`;
    await facilitator.goto("/moderazione");
    await facilitator.fill(`#hide-reason-comment-${reply.id}`, hideReason);
    await facilitator.focus(`#hide-reason-comment-${reply.id}`);
    await facilitator.keyboard.press("Tab");
    await facilitator.keyboard.press("Enter");
    await facilitator.waitForURL((url) => url.searchParams.get("esito") === "nascosto");
    await expectSafe(facilitator, "/moderazione", [hideReason]);
    await expectSafe(bruno, measurePath, [`Nascosto dai moderatori: ${hideReason}`]);
    await expectSafe(bruno, `/segnala?tipo=commento&id=${reply.id}`, [hideReason]);
    await expectSafe(bruno, "/account/contributi", [hideReason]);
    expect(dialogs).toEqual([]);
    expect(overflows).toEqual([]);
  });
});
