/**
 * A stakeholder signs up, follows the confirmation link from the real mail (written by the outbox
 * worker: the server runs without SMTP_URL, so mails land as .eml files where its start banner
 * says), signs in with the keyboard only, sees and edits the profile, signs out, and comes back
 * in through a sign-in link.
 */
import type { Page } from "playwright-core";
import { expectNoAxeViolations } from "../support/axe";
import { useE2EBrowser } from "../support/browser";
import { describeE2E } from "../support/e2e-server";
import { mailTo } from "../support/e2e-mail";
import { linksIn } from "../support/smtp-server";

jest.setTimeout(90_000);

async function typeInto(page: Page, selector: string, value: string) {
  await page.focus(selector);
  await page.keyboard.type(value);
}

describeE2E("sign-up, confirmation, sign-in, profile, sign-out", () => {
  const browser = useE2EBrowser();

  test("the whole journey in Italian, then the account page in English", async () => {
    const email = `e2e-${Date.now()}@example.it`;
    const password = "Lungarno Pacinotti 43";
    const page = await browser.page();

    await page.goto("/registrati");
    await page.fill("#email", email);
    await page.fill("#password", password);
    await page.fill("#displayName", "Giulia Verdi");
    await page.selectOption("#category", "YOUNG_PERSON");
    await page.fill("#municipality", "Cascina");
    await page.click("button[type=submit]");
    await page.waitForURL("**/registrati/controlla-email");
    expect(await page.locator("h1").textContent()).toBe("Controlla la tua email");

    const mail = await mailTo(email);
    const link = linksIn(mail).find((url) => url.includes("/conferma-email?token="));
    expect(link).toBeDefined();
    await page.goto(new URL(link!).pathname + new URL(link!).search);
    await page.click("button[type=submit]");
    await page.waitForURL("**/accedi?esito=confermato");
    await expectNoAxeViolations(page);

    // Keyboard only: type, Tab to the button, Enter.
    await typeInto(page, "#email", email);
    await typeInto(page, "#password", password);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Accedi");
    await page.keyboard.press("Enter");
    await page.waitForURL("**/account");
    const response = await page.reload();
    expect(response?.headers()["cache-control"]).toContain("no-store");
    expect(await page.locator("h1").textContent()).toBe("Il mio account");
    expect(await page.locator("header").textContent()).toContain("Giulia Verdi");
    expect(await page.inputValue("#municipality")).toBe("Cascina");
    await expectNoAxeViolations(page);

    const cookie = (await page.context().cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });

    await page.fill("#organisation", "Consulta giovani");
    await page.selectOption("#locale", "en");
    await page.click("form:has(#organisation) button[type=submit]");
    await expect(page.locator(".alert-success").textContent()).resolves.toContain("Profilo aggiornato");

    await page.goto("/en/account");
    expect(await page.locator("h1").textContent()).toBe("My account");
    expect(await page.inputValue("#organisation")).toBe("Consulta giovani");
    expect(await page.inputValue("#locale")).toBe("en");
    await expectNoAxeViolations(page);

    // The old cookie stops working server-side once signed out.
    await page.click("button:has-text('Sign out')");
    await page.waitForURL("**/en/accedi?esito=uscito");
    await page.context().addCookies([cookie!]);
    await page.goto("/account");
    expect(new URL(page.url()).pathname).toBe("/accedi");

    // Back in by a sign-in link (the user chose English, so the mail and its link are in English).
    await page.goto("/en/accedi");
    await page.fill("#link-email", email);
    await page.click("form:has(#link-email) button[type=submit]");
    await page.waitForURL("**/en/accedi/controlla-email");
    await expectNoAxeViolations(page);
    const linkMail = await mailTo(email, (text) => text.includes("/accedi/link?token="));
    const signInLink = linksIn(linkMail).find((url) => url.includes("/en/accedi/link?token="));
    expect(signInLink).toBeDefined();
    await page.goto(new URL(signInLink!).pathname + new URL(signInLink!).search);
    await page.click("main button[type=submit]");
    await page.waitForURL("**/en/account");
    expect(await page.locator("header").textContent()).toContain("Giulia Verdi");

    // next-auth's own endpoints: sign-out revokes the session row, the Credentials provider opens one.
    const csrf = async () => ((await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
    await page.request.post("/api/auth/signout", { form: { csrfToken: await csrf() }, maxRedirects: 0 });
    await page.goto("/account");
    expect(new URL(page.url()).pathname).toBe("/accedi");
    const providers = (await (await page.request.get("/api/auth/providers")).json()) as Record<string, unknown>;
    expect(Object.keys(providers)).toEqual(["credentials"]);
    await page.request.post("/api/auth/callback/credentials", { form: { csrfToken: await csrf(), email, password: "wrong password 123" }, maxRedirects: 0 });
    await page.goto("/account");
    expect(new URL(page.url()).pathname).toBe("/accedi");
    await page.request.post("/api/auth/callback/credentials", { form: { csrfToken: await csrf(), email, password }, maxRedirects: 0 });
    await page.goto("/account");
    expect(new URL(page.url()).pathname).toBe("/account");
  });
});
