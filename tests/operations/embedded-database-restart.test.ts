/**
 * The default installation (`npm start` without DATABASE_URL) runs PostgreSQL as its own child
 * process. When that process dies — the OOM killer, a crash — the server starts it again on the same
 * port and data by itself, and answers normally once it is back: nothing to do for the operator, no
 * data lost. The real server process on an embedded cluster in a throwaway DATA_DIR; the postmaster
 * is killed with SIGKILL (no shutdown, no checkpoint: PostgreSQL recovers from its WAL).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startServer } from "../support/e2e-server";
import { sql } from "../support/pg-sql";

jest.setTimeout(180_000);

type Server = Awaited<ReturnType<typeof startServer>>;

let server: Server | undefined;
let dataDir = "";

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "consulta-ops-embedded-"));
  // Run as root, the embedded server runs as an unprivileged user, who must reach the directory.
  fs.chmodSync(dataDir, 0o755);
  // Node's spawn leaves out variables set to undefined: no DATABASE_URL, so the server embeds PostgreSQL under DATA_DIR.
  server = await startServer("", dataDir, { logName: "ops-embedded-database-restart.log", env: { DATABASE_URL: undefined, DEMO_DATA: "false" } });
});
afterAll(async () => {
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** The postmaster's pid and port, from its lock file. */
function postmaster(): { pid: number; port: number } {
  const lines = fs.readFileSync(path.join(dataDir, "postgres", "postmaster.pid"), "utf8").split("\n");
  return { pid: Number(lines[0]), port: Number(lines[3]) };
}

async function status(pathname: string): Promise<number> {
  try {
    return (await fetch(new URL(pathname, server!.baseUrl), { signal: AbortSignal.timeout(10_000) })).status;
  } catch {
    return 0;
  }
}

test("the embedded PostgreSQL killed with SIGKILL is started again on the same port; the app answers again with its data", async () => {
  const before = postmaster();
  const plansBefore = await status("/piani");
  expect(plansBefore).toBe(200);
  const logBefore = fs.readFileSync(server!.logFile, "utf8").length;

  process.kill(before.pid, "SIGKILL");
  const killedAt = Date.now();

  // Back: a new postmaster on the same port, ready, the plan's pages served from the same data.
  let ready = 0;
  while (Date.now() - killedAt < 60_000) {
    ready = await status("/api/ready");
    if (ready === 200 && fs.existsSync(path.join(dataDir, "postgres", "postmaster.pid")) && postmaster().pid !== before.pid) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const recoveredMs = Date.now() - killedAt;
  expect(ready).toBe(200);
  const after = postmaster();
  expect(after.pid).not.toBe(before.pid);
  expect(after.port).toBe(before.port);
  expect(await status("/piani")).toBe(200);
  expect(await status("/en/piani")).toBe(200);

  const log = fs
    .readFileSync(server!.logFile, "utf8")
    .slice(logBefore)
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as { message: string; exit?: string });
  expect(log.find((line) => line.message === "embedded PostgreSQL exited unexpectedly: restarting it")?.exit).toBe("signal SIGKILL");
  expect(log.some((line) => line.message === "embedded PostgreSQL restarted")).toBe(true);
  expect(server!.exit()).toBeUndefined();
  process.stdout.write(`operations: embedded PostgreSQL back ${recoveredMs} ms after SIGKILL\n`);

  // The data survived the crash: the seed plan's 37 measures are still there.
  const credentials = JSON.parse(fs.readFileSync(path.join(dataDir, "postgres", "consulta-credentials.json"), "utf8")) as { user: string; password: string };
  const url = `postgresql://${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.password)}@127.0.0.1:${after.port}/consulta`;
  const [{ measures }] = (await sql<{ measures: number }>(url, `SELECT count(*)::int AS measures FROM "Measure"`)) as [{ measures: number }];
  expect(measures).toBe(37);
});
