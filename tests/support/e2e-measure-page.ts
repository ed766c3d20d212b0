/** Keyboard steps on a measure page, for e2e files. */
import type { Page } from "playwright-core";

/**
 * Votes by keyboard from the measure page without an outcome in its address (so waiting for the
 * outcome waits for this vote): Space on the choice, Tab to the priority list, Tab and Enter to send.
 */
export async function voteByKeyboard(page: Page, measurePath: string, choice: string, priority: string): Promise<void> {
  await page.goto(measurePath);
  await page.focus(`#vote-choice-${choice}`);
  await page.keyboard.press("Space");
  await page.keyboard.press("Tab");
  // Tab leaves the radio group for the priority list.
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("vote-priority");
  await page.selectOption("#vote-priority", priority);
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await page.waitForURL((url) => url.searchParams.get("esito") === "voto-registrato");
}
