/**
 * Every public page, in Italian and English: status code, <html lang>, one h1, no script errors,
 * and zero axe-core WCAG 2.1 A/AA violations.
 */
import fs from "node:fs";
import path from "node:path";
import { expectNoAxeViolations } from "../support/axe";
import { trackPageErrors, useE2EBrowser } from "../support/browser";
import { describeE2E, fetchSeedPlan, get, type SeedPlan } from "../support/e2e-server";

jest.setTimeout(60_000);

type Locale = "it" | "en";
const locales: Locale[] = ["it", "en"];

interface PlanFacts extends SeedPlan {
  firstMeasure: string;
  lastMeasure: string;
}

interface PublicPage {
  name: string;
  /** The Italian address; English is the same under /en. */
  path: (plan: PlanFacts) => string;
  status: 200 | 400 | 404;
}

const publicPages: PublicPage[] = [
  { name: "home", path: () => "/", status: 200 },
  { name: "plans list", path: () => "/piani", status: 200 },
  { name: "plan", path: (plan) => `/piani/${plan.slug}`, status: 200 },
  { name: "plan at revision 1", path: (plan) => `/piani/${plan.slug}?revisione=1`, status: 200 },
  { name: "first measure", path: (plan) => `/piani/${plan.slug}/misure/${plan.firstMeasure}`, status: 200 },
  { name: "measure 2.3", path: (plan) => `/piani/${plan.slug}/misure/2.3`, status: 200 },
  { name: "last measure", path: (plan) => `/piani/${plan.slug}/misure/${plan.lastMeasure}`, status: 200 },
  { name: "revisions", path: (plan) => `/piani/${plan.slug}/revisioni`, status: 200 },
  { name: "accessibility statement", path: () => "/dichiarazione-accessibilita", status: 200 },
  { name: "404: unknown address", path: () => "/questa-pagina-non-esiste", status: 404 },
  { name: "404: unknown plan", path: () => "/piani/piano-che-non-esiste", status: 404 },
  { name: "404: unknown measure", path: (plan) => `/piani/${plan.slug}/misure/9.99`, status: 404 },
  { name: "404: unknown revision", path: (plan) => `/piani/${plan.slug}?revisione=999`, status: 404 },
  { name: "400: malformed measure code", path: (plan) => `/piani/${plan.slug}/misure/abc`, status: 400 },
  { name: "400: malformed plan slug", path: () => "/piani/Piano_Non_Valido", status: 400 },
  { name: "400: malformed revision", path: (plan) => `/piani/${plan.slug}?revisione=zero`, status: 400 },
];

const localized = (locale: Locale, pathname: string) => (locale === "it" ? pathname : pathname === "/" ? "/en" : `/en${pathname}`);

/** Screenshots for a human look at the layout: set E2E_SCREENSHOTS_DIR (e.g. /tmp/screens). */
const screenshotsDir = process.env.E2E_SCREENSHOTS_DIR;

describeE2E("public pages", () => {
  const browser = useE2EBrowser();
  let plan: PlanFacts;

  beforeAll(async () => {
    const seed = await fetchSeedPlan();
    const detail = (await (await get(`/api/v1/plans/${seed.id}`)).json()) as { axes: { measures: { code: string }[] }[] };
    const codes = detail.axes.flatMap((axis) => axis.measures.map((measure) => measure.code));
    plan = { ...seed, firstMeasure: codes[0] ?? "1.1", lastMeasure: codes.at(-1) ?? "1.1" };
    if (screenshotsDir) fs.mkdirSync(screenshotsDir, { recursive: true });
  });

  const cases = locales.flatMap((locale) => publicPages.map((page) => [locale, page.name, page] as const));

  test.each(cases)("%s %s: status, lang, one h1, no WCAG 2.1 AA violations", async (locale, name, spec) => {
    const address = localized(locale, spec.path(plan));
    const page = await browser.sharedPage(locale);
    const tracker = trackPageErrors(page, address);

    try {
      const response = await page.goto(address, { waitUntil: "load" });
      expect(response?.status()).toBe(spec.status);
      expect(await page.getAttribute("html", "lang")).toBe(locale);
      expect(new URL(page.url()).pathname).toBe(address.split("?")[0]); // no redirect

      const h1s = await page.locator("h1").allInnerTexts();
      expect(h1s).toHaveLength(1);
      expect(h1s[0]?.trim()).not.toBe("");
      expect((await page.title()).trim()).not.toBe("");

      const body = await page.locator("body").innerText();
      expect(body).not.toMatch(/\n\s+at \S+ \(|Error: |TypeError|Prisma/); // never a stack trace or a raw error

      await expectNoAxeViolations(page, `${address} (${name})`);

      expect(tracker.errors).toEqual([]);
    } finally {
      tracker.stop();
    }

    if (screenshotsDir && spec.status === 200) {
      const file = `${locale}-${name.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}.png`;
      await page.screenshot({ path: path.join(screenshotsDir, file), fullPage: true });
    }
  });

  /** The server's HTML alone, as a browser without JavaScript (or a screen reader's first pass) gets it. */
  const readableWithoutJavaScript = async (locale: Locale, spec: PublicPage) => {
    const address = localized(locale, spec.path(plan));
    const page = await browser.sharedPage("no-js", { javaScriptEnabled: false });
    const response = await page.goto(address);
    expect(response?.status()).toBe(spec.status);
    expect(await page.getAttribute("html", "lang")).toBe(locale);
    expect(await page.locator("h1").count()).toBe(1);
    expect((await page.locator("main").innerText()).trim().length).toBeGreaterThan(20);
  };

  test.each(cases)("%s %s: readable without JavaScript", async (locale, _name, spec) => {
    await readableWithoutJavaScript(locale, spec);
  });

  /**
   * WCAG 1.4.10 (reflow): at 320 CSS pixels nothing scrolls sideways and nothing in the header
   * overlaps (Bootstrap Italia's small-screen header expects a hamburger menu we don't use).
   */
  const narrow = locales.flatMap((locale) =>
    publicPages.filter((spec) => ["home", "plan", "last measure"].includes(spec.name)).map((spec) => [locale, spec.name, spec] as const),
  );
  test.each(narrow)("%s %s at 320px: no horizontal scrolling, no overlapping header, no WCAG 2.1 AA violations", async (locale, name, spec) => {
    const address = localized(locale, spec.path(plan));
    const page = await browser.sharedPage("narrow", { viewport: { width: 320, height: 640 } });
    expect((await page.goto(address))?.status()).toBe(200);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    const overlaps = await page.evaluate(() => {
      const elements = [...document.querySelectorAll("header a, header [aria-current], header .it-brand-title, header .it-brand-tagline")].filter(
        (element) => element.getClientRects().length > 0,
      );
      const found: string[] = [];
      const label = (element: Element) => `<${element.tagName.toLowerCase()}> "${(element.textContent ?? "").trim().slice(0, 30)}"`;
      elements.forEach((a, i) => {
        for (const b of elements.slice(i + 1)) {
          if (a.contains(b) || b.contains(a)) continue;
          const r = a.getBoundingClientRect();
          const q = b.getBoundingClientRect();
          const width = Math.min(r.right, q.right) - Math.max(r.left, q.left);
          const height = Math.min(r.bottom, q.bottom) - Math.max(r.top, q.top);
          if (width > 1 && height > 1) found.push(`${label(a)} overlaps ${label(b)}`);
        }
      });
      return found;
    });
    expect(overlaps).toEqual([]);
    await expectNoAxeViolations(page, `${address} at 320px (${name})`);
    if (screenshotsDir) await page.screenshot({ path: path.join(screenshotsDir, `${locale}-${name.replace(/[^a-z0-9]+/gi, "-")}-320px.png`) });
  });
});
