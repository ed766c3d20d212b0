/**
 * Moving around: the language switch keeps the page; the keyboard reaches everything on the home
 * page, starting from the skip link, with a visible focus indicator.
 */
import type { Page } from "playwright-core";
import { useE2EBrowser } from "../support/browser";
import { describeE2E, fetchSeedPlan, type SeedPlan } from "../support/e2e-server";

jest.setTimeout(60_000);

describeE2E("language switch", () => {
  const browser = useE2EBrowser();
  let plan: SeedPlan;

  beforeAll(async () => {
    plan = await fetchSeedPlan();
  });

  const switchTo = async (page: Page, language: "English" | "Italiano") => {
    const nav = page.getByRole("navigation", { name: /^(Lingua|Language)$/ });
    await Promise.all([page.waitForNavigation(), nav.getByRole("link", { name: language, exact: true }).click()]);
  };

  test("keeps the measure page: /piani/<slug>/misure/2.3 → /en/… → back", async () => {
    const page = await browser.page();
    const italian = `/piani/${plan.slug}/misure/2.3`;
    await page.goto(italian);
    expect(await page.locator("h1").innerText()).toBe("Misura 2.3");

    await switchTo(page, "English");
    expect(new URL(page.url()).pathname).toBe(`/en${italian}`);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.locator("h1").innerText()).toBe("Measure 2.3");

    await switchTo(page, "Italiano");
    expect(new URL(page.url()).pathname).toBe(italian);
    expect(await page.getAttribute("html", "lang")).toBe("it");
    expect(await page.locator("h1").innerText()).toBe("Misura 2.3");
  });

  test("keeps the query string (plan at a given revision)", async () => {
    const page = await browser.page();
    await page.goto(`/piani/${plan.slug}?revisione=1`);
    await switchTo(page, "English");
    const url = new URL(page.url());
    expect(url.pathname + url.search).toBe(`/en/piani/${plan.slug}?revisione=1`);
  });

  test("marks the current language and links the other one with hreflang", async () => {
    const page = await browser.page();
    await page.goto("/en/piani");
    const nav = page.getByRole("navigation", { name: "Language" });
    expect(await nav.getByRole("link").count()).toBe(1);
    expect(await nav.getByRole("link").getAttribute("hreflang")).toBe("it");
    expect(await nav.locator("[aria-current]").innerText()).toBe("English");
  });
});

interface Focusable {
  key: string;
  description: string;
}

/** Computed styles that can show focus. */
type FocusStyle = Record<"outlineStyle" | "outlineWidth" | "outlineColor" | "boxShadow", string>;

/** Alpha of a computed colour ("rgb(…)" or "rgba(…, a)"). */
function alpha(color: string): number {
  const parts = color.match(/rgba?\(([^)]*)\)/)?.[1]?.split(",").map((part) => part.trim());
  if (!parts) return color === "transparent" ? 0 : 1;
  return parts.length === 4 ? Number(parts[3]) : 1;
}

/** An outline one can see: a style, a width and a colour that is not transparent. */
const visibleOutline = (style: FocusStyle) => style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0 && alpha(style.outlineColor) > 0;

/** A box-shadow one can see: some layer with a non-transparent colour and a blur or spread. */
function visibleShadow(style: FocusStyle): boolean {
  if (style.boxShadow === "none") return false;
  return style.boxShadow.split(/,(?![^(]*\))/).some((layer) => {
    const color = layer.match(/rgba?\([^)]*\)/)?.[0] ?? "rgb(0, 0, 0)";
    const lengths = layer.replace(/rgba?\([^)]*\)/, "").match(/-?[\d.]+px/g)?.map(parseFloat) ?? [];
    const [, , blur = 0, spread = 0] = lengths;
    return alpha(color) > 0 && (blur > 0 || spread > 0);
  });
}

/** Focused looks different from unfocused through a visible outline or box-shadow. */
function hasFocusIndicator(unfocused: FocusStyle, focused: FocusStyle): boolean {
  const outline = visibleOutline(focused) && (!visibleOutline(unfocused) || focused.outlineColor !== unfocused.outlineColor || focused.outlineWidth !== unfocused.outlineWidth || focused.outlineStyle !== unfocused.outlineStyle);
  const shadow = visibleShadow(focused) && focused.boxShadow !== unfocused.boxShadow;
  return outline || shadow;
}

describeE2E("keyboard", () => {
  const browser = useE2EBrowser();

  test("the first Tab focuses the skip link and Enter moves focus to the main content", async () => {
    const page = await browser.page();
    await page.goto("/");
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLAnchorElement | null;
      const box = element?.getBoundingClientRect();
      return { tag: element?.tagName, href: element?.getAttribute("href"), text: element?.textContent?.trim(), width: box?.width ?? 0, height: box?.height ?? 0 };
    });
    expect(focused).toMatchObject({ tag: "A", href: "#main", text: "Vai al contenuto principale" });
    // visually hidden until focused, then visible
    expect(focused.width).toBeGreaterThan(10);
    expect(focused.height).toBeGreaterThan(10);

    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.activeElement?.id === "main");
    expect(new URL(page.url()).hash).toBe("#main");
    // The next Tab continues inside the main content.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest("main")))).toBe(true);
  });

  test("every link and button of the home page is reachable with Tab and shows a visible focus indicator", async () => {
    // The page's CSP (tested in security-headers.test.ts) would refuse the style tag injected below.
    const page = await browser.page({ bypassCSP: true });
    await page.goto("/");
    // Compare end states: no half-way transitions of the focus ring.
    await page.addStyleTag({ content: "*, *::before, *::after { transition: none !important; animation: none !important; }" });

    // Label every interactive element and record how it looks unfocused.
    const interactive: (Focusable & { style: FocusStyle })[] = await page.evaluate(() => {
      const style = (css: CSSStyleDeclaration) => ({ outlineStyle: css.outlineStyle, outlineWidth: css.outlineWidth, outlineColor: css.outlineColor, boxShadow: css.boxShadow });
      const selector = "a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex='-1'])";
      return [...document.querySelectorAll(selector)]
        .filter((element) => !(element as HTMLElement).closest("[hidden], [inert]") && getComputedStyle(element).display !== "none" && getComputedStyle(element).visibility !== "hidden")
        .map((element, index) => {
          element.setAttribute("data-e2e-focus", String(index));
          return { key: String(index), description: `<${element.tagName.toLowerCase()}> "${(element.textContent ?? "").trim().slice(0, 40)}" ${element.getAttribute("href") ?? ""}`, style: style(getComputedStyle(element)) };
        });
    });
    expect(interactive.length).toBeGreaterThan(10);

    const reached = new Map<string, FocusStyle>();
    for (let press = 0; press < interactive.length + 5; press++) {
      await page.keyboard.press("Tab");
      const current = await page.evaluate(() => {
        const style = (css: CSSStyleDeclaration) => ({ outlineStyle: css.outlineStyle, outlineWidth: css.outlineWidth, outlineColor: css.outlineColor, boxShadow: css.boxShadow });
        const element = document.activeElement;
        if (!element || element === document.body) return null;
        return { key: element.getAttribute("data-e2e-focus"), focusVisible: element.matches(":focus-visible"), style: style(getComputedStyle(element)) };
      });
      if (!current?.key) continue;
      expect(current.focusVisible).toBe(true);
      if (!reached.has(current.key)) reached.set(current.key, current.style);
    }

    const unreachable = interactive.filter((element) => !reached.has(element.key)).map((element) => element.description);
    expect(unreachable).toEqual([]);

    const withoutIndicator = interactive
      .filter((element) => !hasFocusIndicator(element.style, reached.get(element.key) as FocusStyle))
      .map((element) => `${element.description}: unfocused ${JSON.stringify(element.style)}, focused ${JSON.stringify(reached.get(element.key))}`);
    expect(withoutIndicator).toEqual([]);
  });
});
