/**
 * The seed plan as a reader sees it: 4 axes, 37 measures (6/7/20/4), expected-result bullets 4/0/8/8,
 * every decision field "to be decided" — in both languages, and with JavaScript disabled.
 */
import type { Page } from "playwright-core";
import en from "@/messages/en.json";
import it from "@/messages/it.json";
import { useE2EBrowser } from "../support/browser";
import { describeE2E, fetchSeedPlan, type SeedPlan } from "../support/e2e-server";

jest.setTimeout(60_000);

const EXPECTED = { axes: 4, measures: 37, measuresPerAxis: [6, 7, 20, 4], bulletsPerAxis: [4, 0, 8, 8] };

const languages = [
  { locale: "it", prefix: "", messages: it, toBeDecided: "Da decidere", axisHeading: /^Asse \d+: / },
  { locale: "en", prefix: "/en", messages: en, toBeDecided: "To be decided", axisHeading: /^Axis \d+: / },
] as const;

interface AxisOnPage {
  heading: string;
  bullets: number;
  measures: number;
  measureLinks: string[];
  fieldValues: string[];
}

/**
 * Reads each axis section of the plan page by its headings: the <h2> of the axis, then the <h3>
 * "expected results" and "measures" sub-sections (everything up to the next <h3>).
 */
function readAxes(page: Page, labels: { expectedResults: string; measures: string }): Promise<AxisOnPage[]> {
  return page.evaluate(({ expectedResults, measures }) => {
    const main = document.querySelector("main");
    if (!main) return [];
    const sectionAfter = (heading: Element): Element[] => {
      const nodes: Element[] = [];
      for (let node = heading.nextElementSibling; node && !/^H[1-3]$/.test(node.tagName); node = node.nextElementSibling) nodes.push(node);
      return nodes;
    };
    const sub = (section: Element, title: string) =>
      [...section.querySelectorAll("h3")].filter((h3) => h3.textContent?.trim() === title).flatMap(sectionAfter);
    return [...main.querySelectorAll("section")]
      .filter((section) => section.querySelector(":scope > h2") && sub(section, measures).length > 0)
      .map((section) => {
        const resultNodes = sub(section, expectedResults);
        const measureNodes = sub(section, measures);
        const items = measureNodes.flatMap((node) => [...node.querySelectorAll(":scope > li")]);
        return {
          heading: section.querySelector(":scope > h2")?.textContent?.trim() ?? "",
          bullets: resultNodes.flatMap((node) => [...node.querySelectorAll("li")]).length,
          measures: items.length,
          measureLinks: items.map((item) => item.querySelector("a")?.getAttribute("href") ?? ""),
          fieldValues: items.flatMap((item) => [...item.querySelectorAll("dd")].map((dd) => dd.textContent?.trim() ?? "")),
        };
      });
  }, labels);
}

describeE2E("the seed plan on the plan page", () => {
  const browser = useE2EBrowser();
  let plan: SeedPlan;

  beforeAll(async () => {
    plan = await fetchSeedPlan();
  });

  describe.each(languages)("$locale", ({ prefix, messages, toBeDecided, axisHeading }) => {
    const labels = { expectedResults: messages.plan.expectedResults, measures: messages.plan.measures };

    test(`shows 4 axes, 37 measures, bullets 4/0/8/8 and every decision field "${toBeDecided}"`, async () => {
      expect(messages.common.toBeDecided).toBe(toBeDecided);
      const page = await browser.page();
      expect((await page.goto(`${prefix}/piani/${plan.slug}`))?.status()).toBe(200);

      const axes = await readAxes(page, labels);
      expect(axes).toHaveLength(EXPECTED.axes);
      for (const axis of axes) expect(axis.heading).toMatch(axisHeading);
      expect(axes.map((axis) => axis.bullets)).toEqual(EXPECTED.bulletsPerAxis);
      expect(axes.map((axis) => axis.measures)).toEqual(EXPECTED.measuresPerAxis);

      const links = axes.flatMap((axis) => axis.measureLinks);
      expect(links).toHaveLength(EXPECTED.measures);
      expect(new Set(links).size).toBe(EXPECTED.measures);
      for (const link of links) expect(link).toMatch(new RegExp(`^${prefix}/piani/${plan.slug}/misure/\\d+\\.\\d+$`));

      const fields = axes.flatMap((axis) => axis.fieldValues);
      expect(fields).toHaveLength(EXPECTED.measures * 4);
      expect(fields.filter((value) => value !== toBeDecided)).toEqual([]);
    });

    test(`the home page summarises the plan`, async () => {
      const page = await browser.page();
      expect((await page.goto(prefix || "/"))?.status()).toBe(200);
      const stats = await page.locator("main dl dd").allInnerTexts();
      expect(stats.slice(0, 3)).toEqual(["4", "37", "20"]);
      await expect(page.locator("main").innerText()).resolves.toContain(plan.title);
    });

    test(`a measure page shows its text and four undecided fields`, async () => {
      const page = await browser.page();
      expect((await page.goto(`${prefix}/piani/${plan.slug}/misure/2.3`))?.status()).toBe(200);
      expect(await page.locator("h1").innerText()).toContain("2.3");
      const fieldsSection = page.locator("section", { has: page.getByRole("heading", { name: messages.measure.decisionFields, exact: true }) });
      const values = await fieldsSection.locator("dd").allInnerTexts();
      expect(values.map((value) => value.trim())).toEqual([toBeDecided, toBeDecided, toBeDecided, toBeDecided]);
    });
  });

  test("is readable with JavaScript disabled", async () => {
    const page = await browser.page({ javaScriptEnabled: false });
    expect((await page.goto(`/piani/${plan.slug}`))?.status()).toBe(200);
    expect(await scriptsRun(page)).toBe(false);

    const axes = await readAxesWithoutScript(page);
    expect(axes).toEqual(EXPECTED.measuresPerAxis);
    expect(await page.getByRole("link", { name: "Misura 1.1", exact: true }).isVisible()).toBe(true);

    // Following a link works too (plain HTML navigation).
    await page.getByRole("link", { name: "Misura 4.4", exact: true }).click();
    await page.waitForURL(`**/piani/${plan.slug}/misure/4.4`);
    expect(await page.locator("h1").innerText()).toBe("Misura 4.4");
    expect(await page.getByText("Da decidere", { exact: true }).count()).toBeGreaterThanOrEqual(4);
  });
});

/** Counts measures per axis through locators only (page.evaluate needs JavaScript). */
async function readAxesWithoutScript(page: Page): Promise<number[]> {
  const sections = page.locator("main section:has(> h2)").filter({ has: page.locator("li a[href*='/misure/']") });
  const counts: number[] = [];
  for (let index = 0; index < (await sections.count()); index++) {
    counts.push(await sections.nth(index).locator("li a[href*='/misure/']").count());
  }
  return counts;
}

/** Whether the page runs scripts: a script element appended to the document sets a flag, or not. */
async function scriptsRun(page: Page): Promise<boolean> {
  return page
    .evaluate(() => {
      const flag = "__consultaE2eScriptRan";
      const script = document.createElement("script");
      script.textContent = `window.${flag} = true;`;
      document.head.append(script);
      return (window as unknown as Record<string, unknown>)[flag] === true;
    })
    .catch(() => false);
}
