/** Steps on any page, for e2e files: typing and pressing keys on a focused element, axe in both languages. */
import type { Page } from "playwright-core";
import { expectNoAxeViolations } from "./axe";

/** Focuses an element and types into it, as a keyboard user would. */
export async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await page.focus(selector);
  await page.keyboard.type(text);
}

/** Focuses an element and presses a key on it (Enter unless told). */
export async function press(page: Page, selector: string, key = "Enter"): Promise<void> {
  await page.focus(selector);
  await page.keyboard.press(key);
}

/** An element's text once it is there (live views fill in late: up to 15 s). */
export function textOf(page: Page, selector: string): Promise<string | null> {
  return page.locator(selector).textContent({ timeout: 15_000 });
}

/** Waits until an element's text contains `expected` (15 s); a failure says what the element shows instead. */
export async function waitForText(page: Page, selector: string, expected: string): Promise<void> {
  try {
    await page.waitForFunction(([sel, want]) => document.querySelector(sel!)?.textContent?.includes(want!) ?? false, [selector, expected], { timeout: 15_000 });
  } catch (error) {
    const shown = await page.evaluate((sel) => document.querySelector(sel)?.textContent ?? null, selector).catch(() => null);
    throw new Error(`${selector} never showed "${expected}" (shows ${JSON.stringify(shown)} at ${page.url()}): ${String(error)}`);
  }
}

/** The page the browser is on, in Italian then in English: both answer 200 and axe finds nothing. */
export async function axeBothLanguages(page: Page): Promise<void> {
  const { pathname, search } = new URL(page.url());
  const italian = pathname.replace(/^\/en(?=\/|$)/, "") || "/";
  for (const path of [italian, `/en${italian === "/" ? "" : italian}`]) {
    const response = await page.goto(path + search);
    expect({ path, status: response?.status() }).toEqual({ path, status: 200 });
    await expectNoAxeViolations(page, path + search);
  }
}
