/**
 * Issue 4's journey in Chromium, by keyboard where a person would use it: a facilitator opens a
 * scheduled round now with the round page's button and schedules a meeting from the form; two
 * stakeholders of different categories vote, comment, reply, propose and support; one reports the
 * other's reply; the facilitator hides it from /moderazione; its author sees the notice on the
 * measure page.
 *
 * The journey runs on its own copy of the seed plan: rounds of one plan may not overlap and the
 * measure page shows the plan's latest opened round, while other files open rounds on the seed plan.
 * The copy is deleted afterwards (other files expect the seed plan to be the only plan).
 */
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { useE2EBrowser } from "../support/browser";
import { deletePlanCopy, importPlanCopy, type E2EPlan } from "../support/e2e-rounds";
import { voteByKeyboard } from "../support/e2e-measure-page";
import { press, typeInto } from "../support/e2e-page";
import { describeE2E, e2eDatabaseUrl } from "../support/e2e-server";
import { confirmedUser, signIn } from "../support/e2e-users";

jest.setTimeout(240_000);

describeE2E("a whole consultation round", () => {
  const browser = useE2EBrowser();
  let prisma: PrismaClient;
  let plan: E2EPlan;
  const stamp = Date.now();
  const people = {
    facilitator: { email: `giro-facilitatrice-${stamp}@example.it`, id: "" },
    anna: { email: `giro-anna-${stamp}@example.it`, id: "" },
    bruno: { email: `giro-bruno-${stamp}@example.it`, id: "" },
  };
  const roundTitle = `Consultazione completa ${stamp}`;
  const hideReason = `Tono offensivo ${stamp}`;

  beforeAll(async () => {
    prisma = createPrismaClient(e2eDatabaseUrl(), { maxConnections: 2 });
    plan = await importPlanCopy(prisma, `giro-completo-${stamp}`);
    people.facilitator.id = await confirmedUser(prisma, people.facilitator.email, "FACILITATOR", "Fiorella Facilitatrice");
    people.anna.id = await confirmedUser(prisma, people.anna.email, "STAKEHOLDER", "Anna Cittadina", "CITIZEN");
    people.bruno.id = await confirmedUser(prisma, people.bruno.email, "STAKEHOLDER", "Bruno Impresa", "BUSINESS");
  });
  afterAll(async () => {
    if (plan) await deletePlanCopy(prisma, plan.id);
    await prisma?.$disconnect();
  });

  test("schedule and open, meet, vote, comment, reply, propose, support, report, hide, see the notice", async () => {
    // ── The facilitator opens the scheduled round now, from the round page. ──
    // The round form schedules on the main (seed) plan only, which is covered by rounds.test.ts;
    // this plan copy's round is scheduled in the database, in a month.
    const scheduled = await prisma.round.create({
      data: { planId: plan.id, revisionId: plan.currentRevisionId, title: roundTitle, description: "Il giro completo della consultazione.", status: "SCHEDULED", opensAt: new Date(Date.now() + 30 * 24 * 3600_000), closesAt: new Date(Date.now() + 60 * 24 * 3600_000), createdById: people.facilitator.id },
    });
    const roundId = scheduled.id;
    const facilitator = await browser.page();
    await signIn(facilitator, people.facilitator.email);
    await facilitator.goto(`/consultazioni/${roundId}`);
    expect(await facilitator.locator("h1").textContent()).toBe(roundTitle);
    await facilitator.focus("main form button[aria-describedby='status-action-hint']");
    expect(await facilitator.evaluate(() => document.activeElement?.textContent)).toBe("Apri ora");
    await facilitator.keyboard.press("Enter");
    await facilitator.waitForURL((url) => url.searchParams.get("esito") === "aperta");
    const opened = await prisma.round.findUniqueOrThrow({ where: { id: roundId } });
    expect(opened.status).toBe("OPEN");
    expect(opened.opensAt.getTime()).toBeLessThanOrEqual(Date.now());

    await press(facilitator, `a[href='/consultazioni/${roundId}/incontri/nuovo']`);
    await facilitator.waitForURL(`**/consultazioni/${roundId}/incontri/nuovo`);
    await typeInto(facilitator, "#title", `Assemblea di quartiere ${stamp}`);
    await typeInto(facilitator, "#venue", "Biblioteca SMS");
    await facilitator.focus("#venueKind");
    await facilitator.selectOption("#venueKind", "CULTURAL_CLUB");
    await typeInto(facilitator, "#address", "Via San Michele degli Scalzi 178, Pisa");
    // Ten days from now, in Rome time (the form's time zone): inside the round, which opened now.
    const day = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Rome", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(Date.now() + 10 * 24 * 3600_000));
    await facilitator.fill("#startsAt", `${day}T18:00`);
    await facilitator.fill("#endsAt", `${day}T20:00`);
    await facilitator.focus("#registration");
    await facilitator.selectOption("#registration", "REQUIRED");
    await press(facilitator, "main form button[type=submit]");
    await facilitator.waitForURL((url) => url.pathname.startsWith(`/consultazioni/${roundId}/incontri/`) && url.searchParams.get("esito") === "incontro-programmato");
    expect(await prisma.meeting.count({ where: { roundId } })).toBe(1);

    // ── Two stakeholders of different categories vote and discuss on a measure page. ──
    const measurePath = `/piani/${plan.slug}/misure/2.3`;
    const anna = await browser.page();
    await signIn(anna, people.anna.email);
    await voteByKeyboard(anna, measurePath, "SUPPORT", "5");
    expect(await anna.locator("#vote-current").textContent()).toContain("Favorevole");
    await typeInto(anna, "#comment-new-body", `Servono più corse serali ${stamp}.`);
    await anna.keyboard.press("Tab");
    await anna.keyboard.press("Enter");
    await anna.waitForURL((url) => url.searchParams.get("esito") === "commento-pubblicato");
    const comment = await prisma.comment.findFirstOrThrow({ where: { authorId: people.anna.id, roundId } });

    const bruno = await browser.page();
    await signIn(bruno, people.bruno.email);
    await voteByKeyboard(bruno, measurePath, "OPPOSE", "2");
    await press(bruno, `#comment-${comment.id} summary`);
    await bruno.keyboard.press("Tab");
    expect(await bruno.evaluate(() => document.activeElement?.id)).toBe(`reply-${comment.id}-body`);
    await bruno.keyboard.type(`Le corse serali sono inutili, idea sciocca ${stamp}.`);
    await bruno.keyboard.press("Tab");
    await bruno.keyboard.press("Enter");
    await bruno.waitForURL((url) => url.searchParams.get("esito") === "risposta-pubblicata");
    const reply = await prisma.comment.findFirstOrThrow({ where: { authorId: people.bruno.id, parentId: comment.id } });
    expect(await bruno.locator(`#comment-${comment.id} ol #comment-${reply.id}`).textContent()).toContain("Le corse serali sono inutili");
    const votes = await prisma.vote.findMany({ where: { roundId }, select: { userId: true, choice: true } });
    expect(votes.map((row) => `${row.userId}:${row.choice}`).sort()).toEqual([`${people.anna.id}:SUPPORT`, `${people.bruno.id}:OPPOSE`].sort());

    // ── Bruno proposes an amendment from the measure page; Anna supports it. ──
    await bruno.goto(measurePath);
    await press(bruno, "#proposte a:has-text('Proponi una modifica del testo')");
    await bruno.waitForURL((url) => url.pathname === `/consultazioni/${roundId}/proposte/nuova`);
    await typeInto(bruno, "#title", `Navetta serale ${stamp}`);
    await typeInto(bruno, "#proposedText", "Una navetta a chiamata dopo le 21.");
    await typeInto(bruno, "#rationale", "Costa meno delle corse di linea.");
    await press(bruno, "main form button[type=submit]:has-text('Invia la proposta')");
    await bruno.waitForURL((url) => /\/proposte\/[0-9a-f-]{36}$/.test(url.pathname) && url.searchParams.get("esito") === "inviata");
    const proposalPath = new URL(bruno.url()).pathname;

    await anna.goto(proposalPath);
    expect(await anna.locator("#support-count").textContent()).toBe("0");
    await press(anna, "button:has-text('Sostieni questa proposta')");
    await anna.waitForURL((url) => url.searchParams.get("esito") === "sostenuta");
    expect(await anna.locator("#support-count").textContent()).toBe("1");

    // ── Anna reports Bruno's reply from its "Segnala" link. ──
    await anna.goto(measurePath);
    await press(anna, `#comment-${reply.id} a[href='/segnala?tipo=commento&id=${reply.id}']`);
    await anna.waitForURL((url) => url.pathname === "/segnala" && url.searchParams.get("id") === reply.id);
    await typeInto(anna, "#reason", "Offende chi ha scritto.");
    await anna.keyboard.press("Tab");
    await anna.keyboard.press("Enter");
    await anna.waitForURL((url) => url.searchParams.get("esito") === "inviata");

    // ── The facilitator hides it from the moderation queue. ──
    await press(facilitator, "header a[href='/moderazione']");
    await facilitator.waitForURL("**/moderazione");
    expect(await facilitator.locator(`#queue-comment-${reply.id}`).textContent()).toContain("Offende chi ha scritto.");
    await typeInto(facilitator, `#hide-reason-comment-${reply.id}`, hideReason);
    await facilitator.keyboard.press("Tab");
    expect(await facilitator.evaluate(() => document.activeElement?.textContent)).toBe("Nascondi (Bruno Impresa)");
    await facilitator.keyboard.press("Enter");
    await facilitator.waitForURL((url) => url.searchParams.get("esito") === "nascosto");
    expect(await facilitator.locator(`#queue-comment-${reply.id}`).count()).toBe(0);

    // ── Bruno sees the moderators' notice where his reply was; Anna's comment is untouched. ──
    await bruno.goto(measurePath);
    expect(await bruno.locator(`#comment-${reply.id} .consulta-hidden-contribution`).first().textContent()).toBe(`Nascosto dai moderatori: ${hideReason}`);
    expect(await bruno.locator("main").textContent()).not.toContain("Le corse serali sono inutili");
    expect(await bruno.locator(`#comment-${comment.id}`).textContent()).toContain(`Servono più corse serali ${stamp}.`);
  });
});
