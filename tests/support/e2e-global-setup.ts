/**
 * e2e project: find Chromium (or skip — but fail under CI), then start database, build and server.
 * The teardown stops them; state passes through globalThis (visible to the teardown only) and
 * the environment (visible to the test files).
 */
import { findChromium, launchBrowser } from "./browser";
import { E2E_ENV, startE2EEnvironment, type E2EEnvironment } from "./e2e-server";

declare global {
  var __CONSULTA_E2E__: E2EEnvironment | undefined;
}

const log = (line: string) => process.stderr.write(`${line}\n`);

export default async function globalSetup(): Promise<void> {
  // A fresh start: nothing inherited from an outer run.
  for (const variable of Object.values(E2E_ENV)) delete process.env[variable];

  const chromiumPath = findChromium();
  if (!chromiumPath) {
    // No silent skip: the e2e suite is part of `npm test`, and it needs a browser.
    throw new Error("e2e: FAILED — no Chromium found (install Debian's chromium or set CHROMIUM_PATH).");
  }

  // A Chromium that is there but cannot start is a failure, not a skip: find out now, in one line.
  try {
    const browser = await launchBrowser(chromiumPath);
    await browser.close();
  } catch (error) {
    throw new Error(`e2e: Chromium at ${chromiumPath} does not start: ${(error as Error).message.split("\n")[0]}`);
  }

  log(`\ne2e: Chromium ${chromiumPath}`);
  const environment = await startE2EEnvironment(log);
  globalThis.__CONSULTA_E2E__ = environment;
  process.env[E2E_ENV.baseUrl] = environment.baseUrl;
  process.env[E2E_ENV.chromium] = chromiumPath;
  process.env[E2E_ENV.databaseUrl] = environment.databaseUrl;
}
