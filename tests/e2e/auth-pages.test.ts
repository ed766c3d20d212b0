/**
 * The account pages in both languages: status, one h1, zero axe violations; a wrong sign-in
 * answers on the page with the neutral message, without JavaScript.
 */
import { expectNoAxeViolations } from "../support/axe";
import { useE2EBrowser } from "../support/browser";
import { describeE2E } from "../support/e2e-server";

jest.setTimeout(60_000);

const token = "a".repeat(43);
const pages = ["/accedi", "/accedi/controlla-email", `/accedi/link?token=${token}`, "/registrati", "/registrati/controlla-email", `/conferma-email?token=${token}`];
const cases = (["it", "en"] as const).flatMap((locale) => pages.map((path) => [locale, locale === "it" ? path : `/en${path}`] as const));

describeE2E("account pages", () => {
  const browser = useE2EBrowser();

  test.each(cases)("%s %s: 200, one h1, no WCAG 2.1 AA violations", async (locale, address) => {
    const page = await browser.sharedPage(locale);
    const response = await page.goto(address, { waitUntil: "load" });
    expect(response?.status()).toBe(200);
    expect(await page.locator("h1").count()).toBe(1);
    expect(response?.headers()["cache-control"]).toContain("no-store");
    await expectNoAxeViolations(page);
  });

  test("the account page sends visitors to sign in", async () => {
    const page = await browser.sharedPage("it");
    await page.goto("/account");
    expect(new URL(page.url()).pathname).toBe("/accedi");
  });

  test("without JavaScript, a wrong password gets the neutral message on the page", async () => {
    const page = await browser.page({ javaScriptEnabled: false });
    {
      await page.goto("/accedi");
      await page.fill("#email", "nessuno@example.it");
      await page.fill("#password", "Una password sbagliata");
      await page.click("form:has(#password) button[type=submit]");
      await page.waitForLoadState("load");
      await expect(page.locator(".alert-danger").textContent()).resolves.toContain("Email o password non corrette.");
    }
  });
});
