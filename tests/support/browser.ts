/**
 * The system Chromium, driven by playwright-core (no browser download: `npx playwright install`
 * is never needed). Found from CHROMIUM_PATH, else the usual Debian/Ubuntu/Chrome locations.
 */
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type ConsoleMessage, type Page, type Request, type Response } from "playwright-core";
import { e2eBaseUrl, e2eChromiumPath } from "./e2e-server";

const WELL_KNOWN = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];
const ON_PATH = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * The Chromium executable to use, or null when there is none.
 * Throws when CHROMIUM_PATH is set but does not name an executable (a misconfiguration, not a skip).
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const explicit = env.CHROMIUM_PATH?.trim();
  if (explicit) {
    if (!isExecutable(explicit)) throw new Error(`CHROMIUM_PATH=${explicit} is not an executable file.`);
    return explicit;
  }
  for (const candidate of WELL_KNOWN) if (isExecutable(candidate)) return candidate;
  for (const dir of (env.PATH ?? "").split(path.delimiter).filter(Boolean)) {
    for (const name of ON_PATH) {
      const candidate = path.join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return null;
}

export const LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"];

/** A headless Chromium with a fresh, throwaway profile (playwright creates and deletes it). */
export function launchBrowser(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, headless: true, args: LAUNCH_ARGS, timeout: 30_000 });
}

/** Desktop-sized, Italian-speaking visitor; override per test (e.g. javaScriptEnabled: false). */
export const defaultContextOptions: BrowserContextOptions = {
  viewport: { width: 1280, height: 900 },
  locale: "it-IT",
  reducedMotion: "reduce",
};

export async function newContext(browser: Browser, baseURL: string, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ ...defaultContextOptions, baseURL, ...options });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  return context;
}

/**
 * Collects what went wrong while a page loaded: uncaught exceptions, console errors, and
 * subresources (scripts, styles, fonts, icons) answered with an error status. The document itself
 * may have an error status (404 and 400 pages); Chromium's console line about it is ignored.
 */
export function trackPageErrors(page: Page, documentPath?: string): { errors: string[]; stop(): void } {
  const errors: string[] = [];
  const onPageError = (error: Error) => errors.push(`pageerror: ${error.message}`);
  const onConsole = (message: ConsoleMessage) => {
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) errors.push(`console.error: ${message.text()}`);
  };
  const onResponse = (response: Response) => {
    const url = new URL(response.url());
    const isDocument = response.request().resourceType() === "document" && (!documentPath || url.pathname === documentPath.split("?")[0]);
    if (response.status() >= 400 && !isDocument) errors.push(`HTTP ${response.status()}: ${url.pathname}`);
  };
  const onRequestFailed = (request: Request) => {
    const failure = request.failure()?.errorText ?? "failed";
    if (failure !== "net::ERR_ABORTED") errors.push(`request failed (${failure}): ${request.url()}`);
  };
  page.on("pageerror", onPageError);
  page.on("console", onConsole);
  page.on("response", onResponse);
  page.on("requestfailed", onRequestFailed);
  return {
    errors,
    stop() {
      page.off("pageerror", onPageError);
      page.off("console", onConsole);
      page.off("response", onResponse);
      page.off("requestfailed", onRequestFailed);
    },
  };
}

export interface E2EBrowser {
  /** A new page in a new, isolated context (closed after the test). */
  page(options?: BrowserContextOptions): Promise<Page>;
  /**
   * One page per `key` reused by the tests of the file (closed after them all): for read-only
   * checks of many addresses, where a fresh context per address would only cost time.
   */
  sharedPage(key: string, options?: BrowserContextOptions): Promise<Page>;
  baseUrl(): string;
}

/**
 * For a describe block: one Chromium per test file (launched in beforeAll, closed in afterAll),
 * a fresh context per page(), every such context closed after each test.
 */
export function useE2EBrowser(): E2EBrowser {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const shared = new Map<string, Promise<Page>>();
  beforeAll(async () => {
    browser = await launchBrowser(e2eChromiumPath());
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });
  afterAll(async () => {
    shared.clear();
    await browser?.close();
  });
  const running = (): Browser => {
    if (!browser) throw new Error("The browser is not running (useE2EBrowser() must be called inside a describe block).");
    return browser;
  };
  return {
    baseUrl: e2eBaseUrl,
    async page(options = {}) {
      const context = await newContext(running(), e2eBaseUrl(), options);
      contexts.push(context);
      return context.newPage();
    },
    sharedPage(key, options = {}) {
      let page = shared.get(key);
      if (!page) {
        page = newContext(running(), e2eBaseUrl(), options).then((context) => context.newPage());
        shared.set(key, page);
      }
      return page;
    },
  };
}
