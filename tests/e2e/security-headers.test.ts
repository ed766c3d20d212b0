/**
 * Security headers of the running production server: the page CSP and its nonce as Next applies
 * it, no CSP violations in Chromium, the headers every response carries, and HSTS only over HTTPS.
 */
import type { ConsoleMessage } from "playwright-core";
import { nonceOf } from "@/lib/security/content-security-policy";
import { trackPageErrors, useE2EBrowser } from "../support/browser";
import { describeE2E, fetchSeedPlan, get, type SeedPlan } from "../support/e2e-server";

jest.setTimeout(60_000);

const locales = ["it", "en"] as const;
const localized = (locale: string, pathname: string) => (locale === "it" ? pathname : pathname === "/" ? "/en" : `/en${pathname}`);

const everyResponseHeaders = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
  "permissions-policy": "camera=(), microphone=(), geolocation=()",
  "cross-origin-opener-policy": "same-origin",
};

const pick = (response: Response, names: string[]) => Object.fromEntries(names.map((name) => [name, response.headers.get(name)]));

describeE2E("security headers", () => {
  const browser = useE2EBrowser();
  let plan: SeedPlan;
  let pages: string[];

  beforeAll(async () => {
    plan = await fetchSeedPlan();
    pages = ["/", `/piani/${plan.slug}`, `/piani/${plan.slug}/misure/3.12`];
  });

  test.each(locales)("%s pages: a CSP whose nonce is on every script Next renders, fresh per request", async (locale) => {
    const nonces = new Set<string>();
    for (const pathname of pages) {
      const response = await get(localized(locale, pathname));
      expect(response.status).toBe(200);
      const policy = response.headers.get("content-security-policy");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).not.toContain("'unsafe-inline'");
      expect(policy).not.toContain("'unsafe-eval'"); // production build
      const nonce = nonceOf(policy);
      expect(nonce).toBeDefined();
      nonces.add(nonce ?? "");

      const html = await response.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
      expect(scripts.length).toBeGreaterThan(2); // Next's runtime, chunks and inline flight data
      for (const tag of scripts) expect({ tag, nonce: /\snonce="([^"]+)"/.exec(tag)?.[1] }).toEqual({ tag, nonce });
    }
    expect(nonces.size).toBe(pages.length);
  });

  test.each(locales)("%s plan and measure pages load in Chromium without a CSP violation, and Next's scripts run", async (locale) => {
    const page = await browser.page({ locale: locale === "it" ? "it-IT" : "en-GB" });
    const violations: string[] = [];
    const onConsole = (message: ConsoleMessage) => {
      if (/Content Security Policy|Refused to (execute|load|apply|connect)/i.test(message.text())) violations.push(message.text());
    };
    page.on("console", onConsole);
    for (const pathname of pages.slice(1)) {
      const address = localized(locale, pathname);
      const tracker = trackPageErrors(page, address);
      try {
        expect((await page.goto(address, { waitUntil: "networkidle" }))?.status()).toBe(200);
        // Set by Next's client runtime: proof that the nonced scripts were allowed to run.
        expect(await page.evaluate(() => typeof (window as unknown as { next?: { version?: string } }).next?.version)).toBe("string");
        expect(tracker.errors).toEqual([]);
      } finally {
        tracker.stop();
      }
    }
    page.off("console", onConsole);
    expect(violations).toEqual([]);
  });

  test("pages, API responses and static files carry nosniff, referrer policy, no framing, permissions and COOP", async () => {
    const html = await (await get("/")).text();
    const chunk = /<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
    expect(chunk).toBeDefined();
    for (const pathname of ["/", "/en/piani", "/api/health", "/api/v1/plans", "/api/v1/measures/abc", "/favicon.svg", chunk ?? "", "/questa-pagina-non-esiste"]) {
      const response = await get(pathname);
      expect({ pathname, ...pick(response, Object.keys(everyResponseHeaders)) }).toEqual({ pathname, ...everyResponseHeaders });
    }
  });

  test("no HSTS over plain HTTP, even when an untrusted client claims HTTPS", async () => {
    const claims: Record<string, string>[] = [{}, { "x-forwarded-proto": "https" }, { "x-consulta-https": "1" }];
    for (const headers of claims) {
      for (const pathname of ["/", "/api/health"]) {
        const response = await get(pathname, { headers });
        expect({ pathname, headers, hsts: response.headers.get("strict-transport-security") }).toEqual({ pathname, headers, hsts: null });
      }
    }
  });
});
