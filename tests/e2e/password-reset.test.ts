/**
 * Password reset in Chromium: "Password dimenticata?" on the sign-in page → the email form → the
 * real mail (written by the e2e server's outbox worker) → the new-password page → sign in with the
 * new password; the session open before the reset is dead. axe on both pages in both languages.
 */
import { hashPassword } from "@/lib/auth/password";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { expectNoAxeViolations } from "../support/axe";
import { useE2EBrowser } from "../support/browser";
import { mailTo } from "../support/e2e-mail";
import { describeE2E, e2eDatabaseUrl } from "../support/e2e-server";
import { linksIn } from "../support/smtp-server";

jest.setTimeout(120_000);

const oldPassword = "Vecchia password di Pisa 1";
const newPassword = "Nuova password di Pisa 2";

describeE2E("password reset", () => {
  const browser = useE2EBrowser();
  let prisma: PrismaClient;
  const email = `reset-${Date.now()}@example.it`;

  beforeAll(async () => {
    prisma = createPrismaClient(e2eDatabaseUrl(), { maxConnections: 2 });
    await prisma.user.create({
      data: { email, emailVerified: new Date(), passwordHash: await hashPassword(oldPassword), profile: { create: { displayName: "Rita Reimpostata", category: "CITIZEN" } } },
    });
  });
  afterAll(async () => {
    await prisma?.$disconnect();
  });

  test("forgot → mail → new password → sign in with it; the old session is dead", async () => {
    // A session opened with the old password, in another browser.
    const before = await browser.page();
    await before.goto("/accedi");
    await before.fill("#email", email);
    await before.fill("#password", oldPassword);
    await before.keyboard.press("Enter");
    await before.waitForURL("**/account");

    const page = await browser.page();
    await page.goto("/accedi");
    await page.focus("main a[href='/accedi/password-dimenticata']");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Password dimenticata?");
    await page.keyboard.press("Enter");
    await page.waitForURL("**/accedi/password-dimenticata");
    expect(await page.locator("h1").textContent()).toBe("Password dimenticata");
    await expectNoAxeViolations(page);

    await page.focus("#email");
    await page.keyboard.type(email);
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.searchParams.get("esito") === "inviata");
    const sentText = await page.locator("main").textContent();
    expect(await page.locator("h1").textContent()).toBe("Controlla la tua email");
    await expectNoAxeViolations(page);

    // An unknown address gets exactly the same page.
    const other = await browser.page();
    await other.goto("/accedi/password-dimenticata");
    await other.fill("#email", `nessuno-${Date.now()}@example.it`);
    await other.keyboard.press("Enter");
    await other.waitForURL((url) => url.searchParams.get("esito") === "inviata");
    expect(await other.locator("main").textContent()).toBe(sentText);

    await page.goto("/en/accedi/password-dimenticata");
    expect(await page.locator("h1").textContent()).toBe("Forgotten password");
    await expectNoAxeViolations(page);

    const mail = await mailTo(email, (text) => text.includes("/accedi/nuova-password?token="));
    const link = new URL(linksIn(mail).find((url) => url.includes("/accedi/nuova-password?token="))!);

    await page.goto(`/en${link.pathname}${link.search}`);
    expect(await page.locator("h1").textContent()).toBe("Choose a new password");
    await expectNoAxeViolations(page);

    await page.goto(link.pathname + link.search);
    expect(await page.locator("h1").textContent()).toBe("Scegli una nuova password");
    await expectNoAxeViolations(page);
    // The rules apply; the error is tied to the field.
    await page.focus("#password");
    await page.keyboard.type("corta");
    await page.keyboard.press("Enter");
    await page.locator("#password-error").waitFor();
    expect(await page.locator("#password-error").textContent()).toContain("almeno 10 caratteri");
    expect(await page.getAttribute("#password", "aria-describedby")).toContain("password-error");
    await expectNoAxeViolations(page);

    await page.fill("#password", "");
    await page.focus("#password");
    await page.keyboard.type(newPassword);
    await page.keyboard.press("Enter");
    await page.waitForURL("**/accedi?esito=password-aggiornata");
    expect(await page.locator("[role=status].alert").textContent()).toContain("Password aggiornata");

    // Single use.
    await page.goto(link.pathname + link.search);
    expect(await page.locator("main .alert-danger").textContent()).toContain("non è valido o è scaduto");

    await page.goto("/accedi");
    await page.fill("#email", email);
    await page.fill("#password", newPassword);
    await page.keyboard.press("Enter");
    await page.waitForURL("**/account");
    expect(await page.locator("header").textContent()).toContain("Rita Reimpostata");

    await before.goto("/account");
    expect(new URL(before.url()).pathname).toBe("/accedi");
    expect(await prisma.auditEvent.count({ where: { action: "auth.password-reset" } })).toBeGreaterThanOrEqual(1);
  });

  test("the forms work without JavaScript", async () => {
    const page = await browser.page({ javaScriptEnabled: false });
    await page.goto("/en/accedi/password-dimenticata");
    await page.fill("#email", "not an address");
    await page.click("main button[type=submit]");
    await page.locator("#email-error").waitFor();
    expect(await page.locator("#email-error").textContent()).not.toBe("");
    await page.fill("#email", `senza-js-${Date.now()}@example.it`);
    await page.click("main button[type=submit]");
    await page.waitForURL((url) => url.searchParams.get("esito") === "inviata");
    expect(await page.locator("h1").textContent()).toBe("Check your email");
    await page.goto("/accedi/nuova-password?token=" + "C".repeat(43));
    expect(await page.locator("main .alert-danger").textContent()).toContain("non è valido o è scaduto");
  });
});
