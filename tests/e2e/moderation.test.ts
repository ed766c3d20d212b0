/**
 * Moderation in Chromium: a stakeholder reports a comment from /segnala, a facilitator hides it from
 * /moderazione using the keyboard only, the author gets the mail and sees the moderators' notice in
 * place of the text; the author chooses the daily digest on /account/notifiche; a stakeholder is
 * refused the queue; axe finds nothing on the three pages in either language.
 * People, the round and the comment are arranged in the server's database (the comments UI belongs
 * to another module; the e2e server has no demo accounts).
 */
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { expectNoAxeViolations } from "../support/axe";
import { useE2EBrowser } from "../support/browser";
import { describeE2E, e2eDatabaseUrl } from "../support/e2e-server";
import { e2eSeedPlan, measureIdOf, openRound } from "../support/e2e-rounds";
import { confirmedUser, signIn } from "../support/e2e-users";
import { mailTo } from "../support/e2e-mail";

jest.setTimeout(180_000);

describeE2E("moderation", () => {
  const browser = useE2EBrowser();
  let prisma: PrismaClient;
  const stamp = Date.now();
  const emails = {
    author: `autrice-${stamp}@example.it`,
    reporter: `segnalante-${stamp}@example.it`,
    facilitator: `facilitatore-${stamp}@example.it`,
    plainReporter: `senza-js-${stamp}@example.it`,
  };
  let commentId: string;
  let secondCommentId: string;
  let measurePath: string;
  const commentText = `Commento offensivo ${stamp}`;
  const publicReason = `Linguaggio offensivo <script>alert(${stamp})</script>`;

  beforeAll(async () => {
    prisma = createPrismaClient(e2eDatabaseUrl(), { maxConnections: 2 });
    const authorId = await confirmedUser(prisma, emails.author, "STAKEHOLDER", "Agnese Autrice");
    await confirmedUser(prisma, emails.reporter, "STAKEHOLDER", "Sergio Segnalante");
    await confirmedUser(prisma, emails.facilitator, "FACILITATOR", "Fabio Facilitatore");
    await confirmedUser(prisma, emails.plainReporter, "STAKEHOLDER", "Nora Senzascript");
    const plan = await e2eSeedPlan(prisma);
    measurePath = `/piani/${plan.slug}/misure/1.1`;
    // Opened a second ago: the latest round that opened, so the measure page shows it (rounds of a plan do not overlap).
    const round = await openRound(prisma, plan, `Consultazione e2e moderazione ${stamp}`);
    const measure = { id: await measureIdOf(prisma, plan, "1.1") };
    commentId = (await prisma.comment.create({ data: { roundId: round.id, authorId, measureId: measure.id, body: commentText } })).id;
    secondCommentId = (await prisma.comment.create({ data: { roundId: round.id, authorId, measureId: measure.id, body: "Secondo commento" } })).id;
  });
  afterAll(async () => {
    await prisma?.$disconnect();
  });

  test("a stakeholder reports a comment, a facilitator hides it by keyboard, the author sees the notice", async () => {
    // The report.
    const reporter = await browser.page();
    await signIn(reporter, emails.reporter);
    expect(await reporter.locator("header a[href='/moderazione']").count()).toBe(0);
    const reportPath = `/segnala?tipo=commento&id=${commentId}`;
    // From the comment's "Segnala" link on the measure page.
    await reporter.goto(measurePath);
    await reporter.focus(`#comment-${commentId} a[href='${reportPath}']`);
    await reporter.keyboard.press("Enter");
    await reporter.waitForURL((url) => url.pathname === "/segnala" && url.searchParams.get("id") === commentId);
    const response = await reporter.reload();
    expect(response?.status()).toBe(200);
    expect(response?.headers()["cache-control"]).toContain("no-store");
    expect(await reporter.locator("h1").textContent()).toBe("Segnala un contributo");
    expect(await reporter.locator("main").textContent()).toContain(commentText);
    await expectNoAxeViolations(reporter);
    // An empty reason is refused with the error tied to the field.
    await reporter.click("button[type=submit]");
    await reporter.locator("#reason-error").waitFor();
    expect(await reporter.getAttribute("#reason", "aria-describedby")).toContain("reason-error");
    expect(await reporter.locator("#error-summary a[href='#reason']").count()).toBe(1);
    await expectNoAxeViolations(reporter, "/segnala with an error");
    await reporter.focus("#reason");
    await reporter.keyboard.type("Insulta altri partecipanti.");
    await reporter.keyboard.press("Tab");
    expect(await reporter.evaluate(() => document.activeElement?.textContent)).toBe("Invia la segnalazione");
    await reporter.keyboard.press("Enter");
    await reporter.waitForURL((url) => url.searchParams.get("esito") === "inviata");
    expect(await reporter.locator("[role=status].alert").textContent()).toContain("Segnalazione inviata");
    expect(await reporter.locator("[role=status].alert a").getAttribute("href")).toMatch(new RegExp(`/misure/1\\.1#comment-${commentId}$`));
    await expectNoAxeViolations(reporter);
    // Reporting again is not offered.
    await reporter.goto(reportPath);
    expect(await reporter.locator("main").textContent()).toContain("Hai già segnalato questo contributo");
    expect(await reporter.locator("#reason").count()).toBe(0);
    await reporter.goto(`/en${reportPath}`);
    expect(await reporter.locator("h1").textContent()).toBe("Report a contribution");
    await expectNoAxeViolations(reporter);
    expect(await prisma.contentReport.count({ where: { commentId, status: "OPEN" } })).toBe(1);

    // The facilitator hides it, keyboard only.
    const facilitator = await browser.page();
    await signIn(facilitator, emails.facilitator);
    await facilitator.focus("header a[href='/moderazione']");
    expect(await facilitator.evaluate(() => document.activeElement?.textContent)).toBe("Moderazione");
    await facilitator.keyboard.press("Enter");
    await facilitator.waitForURL("**/moderazione");
    expect(await facilitator.locator("h1").textContent()).toBe("Moderazione");
    const entry = facilitator.locator(`#queue-comment-${commentId}`);
    expect(await entry.textContent()).toContain(commentText);
    expect(await entry.textContent()).toContain("Insulta altri partecipanti.");
    expect(await entry.textContent()).toContain("Segnalazioni aperte: 1");
    await expectNoAxeViolations(facilitator);
    await facilitator.focus(`#hide-reason-comment-${commentId}`);
    await facilitator.keyboard.type(publicReason);
    await facilitator.keyboard.press("Tab");
    expect(await facilitator.evaluate(() => document.activeElement?.textContent)).toBe("Nascondi (Agnese Autrice)");
    await facilitator.keyboard.press("Enter");
    await facilitator.waitForURL((url) => url.searchParams.get("esito") === "nascosto");
    expect(await facilitator.locator("[role=status].alert").textContent()).toContain("Contributo nascosto");
    expect(await facilitator.locator(`#queue-comment-${commentId}`).count()).toBe(0);
    const hidden = facilitator.locator(`#hidden-comment-${commentId}`);
    expect(await hidden.textContent()).toContain(publicReason);
    expect(await facilitator.locator("main script").count()).toBe(0);
    await expectNoAxeViolations(facilitator);
    await facilitator.goto("/en/moderazione");
    expect(await facilitator.locator("h1").textContent()).toBe("Moderation");
    await expectNoAxeViolations(facilitator);
    expect(await prisma.comment.findUniqueOrThrow({ where: { id: commentId }, select: { moderation: true, hiddenReason: true } })).toEqual({ moderation: "HIDDEN", hiddenReason: publicReason });
    expect(await prisma.auditEvent.count({ where: { action: "moderation.hidden", entityId: commentId } })).toBe(1);

    // The author: the mail, and the notice where the text was (the comment is still stored).
    const mail = await mailTo(emails.author, (text) => text.includes(publicReason));
    expect(mail.subject).toBe("Un tuo contributo è stato nascosto");
    const author = await browser.page();
    await signIn(author, emails.author);
    await author.goto(measurePath);
    const onMeasurePage = author.locator(`#comment-${commentId} .consulta-hidden-contribution`).first();
    expect(await onMeasurePage.textContent()).toBe(`Nascosto dai moderatori: ${publicReason}`);
    expect(await author.locator("main").textContent()).not.toContain(commentText);
    await author.goto(reportPath);
    const notice = author.locator(".consulta-hidden-contribution");
    expect(await notice.textContent()).toBe(`Nascosto dai moderatori: ${publicReason}`);
    expect(await author.locator("main").textContent()).not.toContain(commentText);
    expect(await author.locator("main").textContent()).toContain("Questo contributo è tuo");

    // The facilitator changes their mind: restored, the text is back.
    await facilitator.goto("/moderazione");
    await facilitator.focus(`#hidden-comment-${commentId} button[type=submit]`);
    expect(await facilitator.evaluate(() => document.activeElement?.textContent)).toBe("Ripristina (Agnese Autrice)");
    await facilitator.keyboard.press("Enter");
    await facilitator.waitForURL((url) => url.searchParams.get("esito") === "ripristinato");
    expect(await facilitator.locator(`#hidden-comment-${commentId}`).count()).toBe(0);
    expect(await prisma.comment.findUniqueOrThrow({ where: { id: commentId }, select: { moderation: true, hiddenReason: true } })).toEqual({ moderation: "VISIBLE", hiddenReason: null });
    await author.goto(measurePath);
    expect(await author.locator(`#comment-${commentId}`).first().textContent()).toContain(commentText);
  });

  test("a person chooses the daily digest on the preferences page", async () => {
    const page = await browser.page();
    await signIn(page, emails.reporter);
    await page.focus("a[href='/account/notifiche']");
    await page.keyboard.press("Enter");
    await page.waitForURL("**/account/notifiche");
    expect(await page.locator("h1").textContent()).toBe("Notifiche email");
    expect(await page.isChecked("#frequency-IMMEDIATE")).toBe(true);
    await expectNoAxeViolations(page);
    await page.focus("#frequency-IMMEDIATE");
    await page.keyboard.press("ArrowDown");
    expect(await page.isChecked("#frequency-DAILY_DIGEST")).toBe(true);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Salva la preferenza");
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.searchParams.get("esito") === "salvato");
    expect(await page.locator("[role=status].alert").textContent()).toBe("Preferenza salvata.");
    expect(await page.isChecked("#frequency-DAILY_DIGEST")).toBe(true);
    const user = await prisma.user.findUniqueOrThrow({ where: { email: emails.reporter }, select: { notificationFrequency: true } });
    expect(user.notificationFrequency).toBe("DAILY_DIGEST");
    await expectNoAxeViolations(page);
    await page.goto("/en/account/notifiche");
    expect(await page.locator("h1").textContent()).toBe("Email notifications");
    await expectNoAxeViolations(page);

    // Without JavaScript the form works the same.
    const plain = await browser.page({ javaScriptEnabled: false });
    await signIn(plain, emails.reporter);
    await plain.goto("/account/notifiche");
    // Bootstrap Italia draws the radio on its label, which is what a pointer clicks.
    await plain.click("label[for=frequency-NONE]");
    expect(await plain.isChecked("#frequency-NONE")).toBe(true);
    await plain.click("button[type=submit]");
    await plain.waitForURL((url) => url.searchParams.get("esito") === "salvato");
    expect((await prisma.user.findUniqueOrThrow({ where: { email: emails.reporter }, select: { notificationFrequency: true } })).notificationFrequency).toBe("NONE");
  });

  test("without JavaScript: the report form and the moderators' forms show their errors and work", async () => {
    const page = await browser.page({ javaScriptEnabled: false });
    await signIn(page, emails.plainReporter);
    await page.goto(`/segnala?tipo=commento&id=${secondCommentId}`);
    await page.click("button[type=submit]");
    await page.locator("#reason-error").waitFor();
    expect(await page.locator("#reason-error").textContent()).toBe("Scrivi un testo.");
    await page.fill("#reason", "Pubblicità.");
    await page.click("button[type=submit]");
    await page.waitForURL((url) => url.searchParams.get("esito") === "inviata");
    expect(await prisma.contentReport.findFirstOrThrow({ where: { commentId: secondCommentId } })).toMatchObject({ reason: "Pubblicità.", status: "OPEN" });

    // A facilitator without JavaScript dismisses it; a hide without a reason is refused beside its field.
    const facilitator = await browser.page({ javaScriptEnabled: false });
    await signIn(facilitator, emails.facilitator);
    await facilitator.goto("/moderazione");
    await facilitator.click(`#queue-comment-${secondCommentId} .btn-danger`);
    await facilitator.locator(`#hide-reason-comment-${secondCommentId}-error`).waitFor();
    expect(await facilitator.getAttribute(`#hide-reason-comment-${secondCommentId}`, "aria-describedby")).toContain(`hide-reason-comment-${secondCommentId}-error`);
    await facilitator.click(`#queue-comment-${secondCommentId} .btn-outline-primary`);
    await facilitator.waitForURL((url) => url.searchParams.get("esito") === "archiviate");
    expect(await prisma.contentReport.findFirstOrThrow({ where: { commentId: secondCommentId } })).toMatchObject({ status: "DISMISSED" });
    expect(await prisma.comment.findUniqueOrThrow({ where: { id: secondCommentId }, select: { moderation: true } })).toEqual({ moderation: "VISIBLE" });
  });

  test("a stakeholder is refused the queue, a visitor is sent to sign in", async () => {
    const visitor = await browser.page();
    await visitor.goto("/moderazione");
    expect(new URL(visitor.url()).pathname).toBe("/accedi");
    await visitor.goto(`/segnala?tipo=commento&id=${commentId}`);
    expect(new URL(visitor.url()).pathname).toBe("/accedi");

    const page = await browser.page();
    await signIn(page, emails.author);
    await page.goto("/moderazione");
    expect(await page.locator("h1").textContent()).toBe("Accesso non consentito");
    expect(await page.locator("form").count()).toBe(0);
    expect(await page.content()).not.toContain(publicReason.slice(0, 20));
    await expectNoAxeViolations(page);
  });
});
