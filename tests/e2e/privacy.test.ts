/**
 * A stakeholder downloads their data from the account page, then erases the account with the
 * keyboard only: the old session cookie stops opening /account and the old password stops working.
 * The user is made the way users are: sign-up and the real confirmation mail (see auth-flow.test.ts).
 */
import fs from "node:fs";
import type { Page } from "playwright-core";
import { expectNoAxeViolations } from "../support/axe";
import { useE2EBrowser } from "../support/browser";
import { describeE2E, get } from "../support/e2e-server";
import { mailTo } from "../support/e2e-mail";
import { linksIn } from "../support/smtp-server";

jest.setTimeout(120_000);

async function signUpAndSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/registrati");
  await page.fill("#email", email);
  await page.fill("#password", password);
  await page.fill("#displayName", "Marta Rossi");
  await page.selectOption("#category", "FAMILY");
  await page.click("button[type=submit]");
  await page.waitForURL("**/registrati/controlla-email");
  const link = linksIn(await mailTo(email, (text) => text.includes("/conferma-email?token="))).find((url) => url.includes("/conferma-email?token="))!;
  await page.goto(new URL(link).pathname + new URL(link).search);
  await page.click("main button[type=submit]");
  await page.waitForURL("**/accedi?esito=confermato");
  await page.fill("#email", email);
  await page.fill("#password", password);
  await page.click("form:has(#password) button[type=submit]");
  await page.waitForURL("**/account");
}

describeE2E("own data: export and erasure", () => {
  const browser = useE2EBrowser();

  test("signed out, the export answers 401 JSON and is not cached", async () => {
    const response = await get("/api/v1/me/export", { headers: { "accept-language": "en" } });
    expect(response.status).toBe(401);
    expect(response.headers.get("cache-control")).toContain("no-store");
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("UNAUTHENTICATED");
  });

  test("download the export, erase by keyboard, then the old session and password are dead", async () => {
    const email = `privacy-${Date.now()}@example.it`;
    const password = "Piazza dei Miracoli 7";
    const page = await browser.page();
    await signUpAndSignIn(page, email, password);

    // The export, through the link on the account page.
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("a[href='/api/v1/me/export']")]);
    expect(download.suggestedFilename()).toMatch(/^consulta-dati-personali-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(fs.readFileSync((await download.path())!, "utf8")) as { schemaVersion: number; account: { email: string; profile: { displayName: string; category: string } }; sessions: unknown[]; contributions: Record<string, unknown[]> };
    expect(exported).toMatchObject({ schemaVersion: 1, account: { email, profile: { displayName: "Marta Rossi", category: "FAMILY" } } });
    expect(exported.sessions.length).toBeGreaterThanOrEqual(1);
    expect(exported.contributions.comments).toEqual([]);
    const response = await page.request.get("/api/v1/me/export");
    expect(response.headers()).toMatchObject({ "cache-control": expect.stringContaining("no-store"), "content-disposition": expect.stringMatching(/^attachment; filename="consulta-dati-personali-/) });

    await page.goto("/en/account");
    expect(await page.locator("#erase-title").textContent()).toBe("Delete my account");
    await expectNoAxeViolations(page);
    await page.goto("/account");
    expect(await page.locator("#erase-title").textContent()).toBe("Cancella il mio account");
    await expectNoAxeViolations(page);
    const cookie = (await page.context().cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
    expect(cookie).toBeDefined();

    // A wrong confirmation is refused with a field error, and nothing is erased.
    await page.focus("#confirmation");
    await page.keyboard.type("qualcun-altro@example.it");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect(page.locator("#confirmation-error").textContent()).resolves.toBe("La conferma non corrisponde.");
    await expectNoAxeViolations(page);

    // Keyboard only: type the address, Tab to the button, Enter.
    await page.fill("#confirmation", "");
    await page.focus("#confirmation");
    await page.keyboard.type(email);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Cancella definitivamente il mio account");
    await page.keyboard.press("Enter");
    await page.waitForURL("**/account/cancellato");
    expect(await page.locator("h1").textContent()).toBe("Account cancellato");
    await expectNoAxeViolations(page);
    await page.goto("/en/account/cancellato");
    expect(await page.locator("h1").textContent()).toBe("Account deleted");
    await expectNoAxeViolations(page);

    await mailTo(email, (text) => text.includes("cancellato il tuo account"));

    // The old session cookie no longer opens the account page, nor the export.
    await page.context().addCookies([cookie!]);
    await page.goto("/account");
    expect(new URL(page.url()).pathname).toBe("/accedi");
    expect((await page.request.get("/api/v1/me/export")).status()).toBe(401);

    // The old password no longer signs in.
    await page.fill("#email", email);
    await page.fill("#password", password);
    await page.click("form:has(#password) button[type=submit]");
    await expect(page.locator(".alert-danger").first().textContent()).resolves.toBeTruthy();
    expect(new URL(page.url()).pathname).toBe("/accedi");
  });
});
