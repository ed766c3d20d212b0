/**
 * Staff invitations in Chromium: an admin reaches the invitations page from the users page and
 * invites by keyboard; the invited person opens the link from the real mail (the e2e server writes
 * mails as files), creates the account and lands signed in with the role. Non-admins get a real 403
 * on both admin pages (server-rendered, so it reads without JavaScript), visitors go to sign in.
 * axe on /admin/inviti and /invito in both languages.
 */
import type { Page } from "playwright-core";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { expectNoAxeViolations } from "../support/axe";
import { useE2EBrowser } from "../support/browser";
import { mailTo } from "../support/e2e-mail";
import { describeE2E, e2eDatabaseUrl } from "../support/e2e-server";
import { confirmedUser, E2E_PASSWORD as password, signIn } from "../support/e2e-users";
import { linksIn } from "../support/smtp-server";

jest.setTimeout(120_000);

describeE2E("staff invitations and the 403 of the admin pages", () => {
  const browser = useE2EBrowser();
  let prisma: PrismaClient;
  const stamp = Date.now();
  const emails = { admin: `inv-admin-${stamp}@example.it`, stakeholder: `inv-stakeholder-${stamp}@example.it`, invited: `invitata-${stamp}@example.it` };

  beforeAll(async () => {
    prisma = createPrismaClient(e2eDatabaseUrl(), { maxConnections: 2 });
    await confirmedUser(prisma, emails.admin, "ADMIN", "Elena Amministratrice", "PUBLIC_BODY");
    await confirmedUser(prisma, emails.stakeholder, "STAKEHOLDER", "Paola Partecipante", "PUBLIC_BODY");
  });
  afterAll(async () => {
    await prisma?.$disconnect();
  });

  const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim());

  test("an admin invites by keyboard; the invited person accepts from the mailed link and is signed in with the role", async () => {
    const admin = await browser.page();
    await signIn(admin, emails.admin);
    await admin.goto("/admin/utenti");
    await admin.focus("main a[href='/admin/inviti']");
    await admin.keyboard.press("Enter");
    await admin.waitForURL("**/admin/inviti");
    expect(await admin.locator("h1").textContent()).toBe("Inviti al personale");
    await expectNoAxeViolations(admin);

    // An invalid address: the error summary links to the field, nothing is sent.
    await admin.focus("#email");
    await admin.keyboard.type("non-un-indirizzo");
    await admin.keyboard.press("Enter");
    await admin.locator("#error-summary").waitFor();
    expect(await admin.locator("#error-summary a[href='#email']").count()).toBe(1);
    expect(await admin.locator("#error-summary a[href='#role']").count()).toBe(1);
    expect(await admin.getAttribute("#email", "aria-describedby")).toContain("email-error");
    await expectNoAxeViolations(admin);

    await admin.fill("#email", "");
    await admin.focus("#email");
    await admin.keyboard.type(emails.invited);
    await admin.selectOption("#role", "OFFICIAL");
    await admin.focus("#role");
    await admin.keyboard.press("Tab");
    expect(await focusedText(admin)).toBe("Invia l'invito");
    await admin.keyboard.press("Enter");
    await admin.waitForURL((url) => url.searchParams.get("esito") === "invito-inviato");
    expect(await admin.locator("[role=status].alert").textContent()).toContain("Invito inviato");
    const row = admin.locator("tbody tr", { hasText: emails.invited });
    expect(await row.locator("td").nth(0).textContent()).toBe("Funzionario");
    expect(await row.locator("td").nth(1).textContent()).toBe("In attesa");
    expect(await row.locator("td").nth(2).textContent()).toBe("Elena Amministratrice");
    await expectNoAxeViolations(admin);

    await admin.goto("/en/admin/inviti");
    expect(await admin.locator("h1").textContent()).toBe("Staff invitations");
    expect(await admin.locator("tbody tr", { hasText: emails.invited }).locator("td").nth(1).textContent()).toBe("Pending");
    await expectNoAxeViolations(admin);
    expect((await admin.goto("/admin/inviti?pagina=0"))?.status()).toBe(400);

    const mail = await mailTo(emails.invited, (text) => text.includes("/invito?token="));
    expect(mail.text).toContain("Elena Amministratrice");
    const link = new URL(linksIn(mail).find((url) => url.includes("/invito?token="))!);

    const invited = await browser.page();
    // Looking at the page in English first consumes nothing.
    await invited.goto(`/en${link.pathname}${link.search}`);
    expect(await invited.locator("h1").textContent()).toBe("Accept the invitation");
    expect(await invited.locator("main").textContent()).toContain("Elena Amministratrice invited you to Consulta with the role of Official.");
    await expectNoAxeViolations(invited);

    await invited.goto(link.pathname + link.search);
    expect(await invited.locator("h1").textContent()).toBe("Accetta l'invito");
    expect(await invited.locator("main").textContent()).toContain("Funzionario");
    expect(await invited.inputValue("#invited-email")).toBe(emails.invited);
    await expectNoAxeViolations(invited);

    await invited.focus("#password");
    await invited.keyboard.type(password);
    await invited.focus("#displayName");
    await invited.keyboard.type("Ilaria Invitata");
    await invited.selectOption("#category", "PUBLIC_BODY");
    await invited.click("main button[type=submit]");
    await invited.waitForURL("**/account");
    expect(await invited.locator("header").textContent()).toContain("Ilaria Invitata");
    expect(await prisma.user.findUniqueOrThrow({ where: { email: emails.invited } })).toMatchObject({ role: "OFFICIAL", emailVerified: expect.any(Date) });

    // Single use: the same link now shows the one "invalid or expired" page.
    await invited.goto(link.pathname + link.search);
    expect(await invited.locator("h1").textContent()).toBe("Invito non valido");
    await expectNoAxeViolations(invited);
    await invited.goto("/en/invito?token=nonsense");
    expect(await invited.locator("h1").textContent()).toBe("Invalid invitation");
    await expectNoAxeViolations(invited);

    await admin.goto("/admin/inviti");
    expect(await admin.locator("tbody tr", { hasText: emails.invited }).locator("td").nth(1).textContent()).toBe("Accettato");
  });

  test("an admin revokes a pending invitation; its link stops working", async () => {
    const admin = await browser.page();
    await signIn(admin, emails.admin);
    const revoked = `revocata-${stamp}@example.it`;
    await admin.goto("/admin/inviti");
    await admin.fill("#email", revoked);
    await admin.selectOption("#role", "FACILITATOR");
    await admin.click("main form:has(#email) button[type=submit]");
    await admin.waitForURL((url) => url.searchParams.get("esito") === "invito-inviato");
    await admin.click(`tbody tr:has-text("${revoked}") button`);
    await admin.waitForURL((url) => url.searchParams.get("esito") === "invito-revocato");
    expect(await admin.locator("tbody tr", { hasText: revoked }).locator("td").nth(1).textContent()).toBe("Revocato");

    const mail = await mailTo(revoked, (text) => text.includes("/invito?token="));
    const link = new URL(linksIn(mail).find((url) => url.includes("/invito?token="))!);
    const visitor = await browser.page();
    await visitor.goto(link.pathname + link.search);
    expect(await visitor.locator("h1").textContent()).toBe("Invito non valido");
  });

  test("non-admins get a real 403 with the translated notice; visitors are sent to sign in", async () => {
    const visitor = await browser.page();
    await visitor.goto("/admin/inviti");
    expect(new URL(visitor.url()).pathname).toBe("/accedi");

    const page = await browser.page();
    await signIn(page, emails.stakeholder);
    for (const [path, title] of [["/admin/utenti", "Accesso non consentito"], ["/admin/inviti", "Accesso non consentito"], ["/en/admin/inviti", "Access not allowed"], ["/en/admin/utenti", "Access not allowed"]] as const) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
      expect(await page.locator("h1").textContent()).toBe(title);
      expect(await page.locator("table").count()).toBe(0);
      expect(await page.content()).not.toContain(emails.admin);
      // The notice is in the server's HTML, not rendered later by JavaScript.
      const raw = await page.request.get(path);
      expect(raw.status()).toBe(403);
      expect(await raw.text()).toContain(title);
    }
    await expectNoAxeViolations(page);
  });
});
