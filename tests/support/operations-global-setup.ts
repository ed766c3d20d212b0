/**
 * operations project: the production bundle (built when sources changed; the e2e run before it has
 * usually built it). Each test file starts its own PostgreSQL and server processes
 * (tests/support/ops-database.ts, e2e-server.ts startServer), since these tests stop, kill and restart them.
 */
import fs from "node:fs";
import { buildIfNeeded, resultsDir } from "./e2e-server";

export default async function globalSetup(): Promise<void> {
  fs.mkdirSync(resultsDir, { recursive: true });
  const log = (line: string) => process.stderr.write(`${line.replace(/^e2e:/, "operations:")}\n`);
  const build = await buildIfNeeded(log);
  log(build.built ? `operations: production bundle built in ${(build.ms / 1000).toFixed(1)}s` : "operations: production bundle is up to date");
}
