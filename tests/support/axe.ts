/**
 * axe-core in the page under test: WCAG 2.0/2.1 A and AA rules, with readable failures.
 */
import fs from "node:fs";
import type { Page } from "playwright-core";
import type { AxeResults, Result } from "axe-core";

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] as const;

let axeSource: string | undefined;

function source(): string {
  axeSource ??= fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  return axeSource;
}

/**
 * Runs axe-core on the page's current document. The source is evaluated through the DevTools
 * protocol, so a Content-Security-Policy cannot block it (it needs JavaScript enabled in the context).
 */
export async function runAxe(page: Page): Promise<AxeResults> {
  // Check the settled page: colours measured mid-transition (focus rings, button hovers, a client
  // navigation swapping content) are neither what the user finally sees nor stable between runs.
  await page.waitForLoadState("load");
  await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== "running"), undefined, { timeout: 5_000 });
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === "object");
  if (!loaded) await page.evaluate(source());
  return page.evaluate(
    (tags) =>
      (window as unknown as { axe: typeof import("axe-core") }).axe.run(document, {
        runOnly: { type: "tag", values: tags },
        resultTypes: ["violations"],
      }),
    [...WCAG_TAGS],
  );
}

/** One violation, as a person fixing it wants to read it. */
export function formatViolation(violation: Result): string {
  const nodes = violation.nodes.slice(0, 8).map((node) => {
    const summary = node.failureSummary?.split("\n").map((line) => line.trim()).filter(Boolean).slice(0, 3).join(" / ");
    return `    - ${node.target.join(" ")}\n      ${node.html.slice(0, 160)}${summary ? `\n      ${summary}` : ""}`;
  });
  const more = violation.nodes.length > 8 ? `\n    … and ${violation.nodes.length - 8} more elements` : "";
  return `  [${violation.impact ?? "n/a"}] ${violation.id}: ${violation.help}\n    ${violation.helpUrl}\n${nodes.join("\n")}${more}`;
}

export function formatViolations(violations: Result[]): string {
  return violations.map(formatViolation).join("\n");
}

/** Asserts that axe finds no WCAG 2.1 A/AA violation on the page; the failure lists every one. */
export async function expectNoAxeViolations(page: Page, label = page.url()): Promise<void> {
  const { violations } = await runAxe(page);
  if (violations.length > 0) {
    throw new Error(`axe-core found ${violations.length} WCAG 2.1 AA violation(s) on ${label}:\n${formatViolations(violations)}`);
  }
}
