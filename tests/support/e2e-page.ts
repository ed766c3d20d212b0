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
