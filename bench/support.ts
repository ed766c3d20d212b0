/**
 * What every bench shares: a free port, an embedded PostgreSQL and the production server on it
 * (which migrates and seeds the plan, like a first `npm start`), latency percentiles.
 * Not a bench itself (scripts/bench.mjs leaves it out of the list).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
// The same free-port probe the e2e server uses (tests/support/e2e-server.ts freePort wraps it), without jest.
import { findFreePort, startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
// @ts-expect-error -- plain ESM script shared with `npm start`, no type declarations
import { buildIfNeeded, root } from "../scripts/build-if-needed.mjs";

export const projectRoot: string = root;
export const freePort = findFreePort;

/** The q-quantile (0–1) of ascending `sorted` samples; NaN when there are none. */
export function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

export async function waitForHealth(base: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`server not healthy after ${timeoutMs} ms`);
}

export interface BenchEnvironment {
  /** Throwaway directory (removed by stop()); the database lives below it. */
  work: string;
  databaseUrl: string;
  base: string;
  /** The server's NEXTAUTH_SECRET, to make session cookies the way it does. */
  secret: string;
  /** Milliseconds from spawning the server to its first healthy answer. */
  startMs: number;
  /** The spawned server process: see processTreeUsage. */
  serverPid: number;
  stop(): Promise<void>;
}

/**
 * Builds when needed, starts an embedded PostgreSQL in a throwaway directory and the production
 * server on a free port, and waits until it answers /api/health. `sameOrigin` drops PUBLIC_URL and
 * NEXTAUTH_URL, so that the Origin check accepts the Host the bench's clients address.
 */
/**
 * How the bench starts server.ts: as `npm start` does (node with tsx as a loader). BENCH_CPU_PROF=<dir>
 * adds --cpu-prof, so the profile written at exit is the server's.
 */
function serverArgs(root: string): string[] {
  const profileDir = process.env.BENCH_CPU_PROF;
  const profile = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(profileDir)}`] : [];
  return [...profile, "--import", "tsx", path.join(root, "server.ts")];
}

export async function startBenchEnvironment({ prefix, healthTimeoutMs = 180_000, sameOrigin = false }: { prefix: string; healthTimeoutMs?: number; sameOrigin?: boolean }): Promise<BenchEnvironment> {
  buildIfNeeded();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.chmodSync(work, 0o755); // the embedded server may run as an unprivileged user
  const database = await startEmbeddedPostgres({ dataDir: path.join(work, "postgres"), durable: false });
  const port = await freePort();
  const base = `http://localhost:${port}`;
  const secret = randomBytes(32).toString("base64");
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: database.url, LOG_LEVEL: "warn", NEXTAUTH_SECRET: secret };
  if (sameOrigin) {
    delete env.PUBLIC_URL;
    delete env.NEXTAUTH_URL;
  }
  const startedAt = performance.now();
  const server: ChildProcess = spawn(process.execPath, serverArgs(root), { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
  const exited = new Promise((resolve) => server.once("exit", resolve));
  const stop = async () => {
    server.kill("SIGTERM");
    await exited;
    await database.stop();
    fs.rmSync(work, { recursive: true, force: true });
  };
  try {
    await waitForHealth(base, healthTimeoutMs);
  } catch (error) {
    await stop();
    throw error;
  }
  return { work, databaseUrl: database.url, base, secret, startMs: performance.now() - startedAt, serverPid: server.pid!, stop };
}

/** Runs a bench's main(): on failure, prints the error and exits non-zero. */
export function runBench(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

/**
 * CPU time used so far and resident memory of a process and all its descendants (Linux /proc),
 * so that whatever the server starts counts too.
 */
export function processTreeUsage(rootPid: number): { cpuMs: number; rssBytes: number } {
  const ticksPerSecond = 100; // USER_HZ on Linux
  const pageBytes = 4096;
  const parents = new Map<number, number>();
  const stats = new Map<number, string[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const raw = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = raw.slice(raw.lastIndexOf(")") + 2).split(" "); // fields from "state" on
      parents.set(Number(entry), Number(fields[1]));
      stats.set(Number(entry), fields);
    } catch {
      // the process ended meanwhile
    }
  }
  const tree = new Set([rootPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, parent] of parents) {
      if (tree.has(parent) && !tree.has(pid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  let ticks = 0;
  let pages = 0;
  for (const pid of tree) {
    const fields = stats.get(pid);
    if (!fields) continue;
    ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    pages += Number(fields[21]); // rss
  }
  return { cpuMs: (ticks * 1000) / ticksPerSecond, rssBytes: pages * pageBytes };
}
