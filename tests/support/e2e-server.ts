/**
 * The e2e environment: a real PostgreSQL with a fresh database, the production build, and the real
 * custom server (`tsx server.ts`, NODE_ENV=production) on a free port — which migrates the empty
 * database and imports the seed plan itself, exactly like a user's first `npm start`.
 *
 * Started once by the e2e project's globalSetup; test files find it through environment variables
 * (see `e2eBaseUrl()` / `describeE2E()` at the bottom of this file).
 */
import { randomBytes } from "node:crypto";
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
// Relative imports: jest loads the global setup outside its module mapper ("@/…" doesn't resolve there).
import { databaseUrl, dropDatabase } from "./test-database";

export const projectRoot = path.resolve(__dirname, "..", "..");
/** Logs of the last e2e run (git-ignored), kept for inspection after failures. */
export const resultsDir = path.join(projectRoot, "test-results");

/** The contract between the global setup and the test files. */
export const E2E_ENV = {
  baseUrl: "CONSULTA_E2E_BASE_URL",
  chromium: "CONSULTA_E2E_CHROMIUM",
  /** The server's database, for tests that arrange data the UI cannot create (e.g. the first admin). */
  databaseUrl: "CONSULTA_E2E_DATABASE_URL",
} as const;

type Log = (line: string) => void;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`;

function tail(file: string, lines = 60): string {
  try {
    return fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

/** Throwaway directories, removed on teardown — or, if jest is interrupted, when the process exits. */
const throwawayDirs = new Set<string>();
let exitHookInstalled = false;

function makeThrowawayDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  throwawayDirs.add(dir);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once("exit", () => {
      for (const leftover of throwawayDirs) fs.rmSync(leftover, { recursive: true, force: true });
    });
  }
  return dir;
}

function removeThrowawayDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
  throwawayDirs.delete(dir);
}

// ─── database ────────────────────────────────────────────────────────────────

interface ProvisionedDatabase {
  url: string;
  kind: string;
  drop(): Promise<void>;
}

/**
 * A fresh, empty database: on the server named by DATABASE_URL when set (dropped afterwards),
 * otherwise on an embedded PostgreSQL in a throwaway directory (removed afterwards).
 */
async function provisionDatabase(): Promise<ProvisionedDatabase> {
  const { createDatabaseIfMissing } = await import("../../lib/db/database");
  const external = process.env.DATABASE_URL;
  const name = `consulta_e2e_${process.pid}_${Date.now().toString(36)}`;

  if (external) {
    await createDatabaseIfMissing(external, name);
    return {
      url: databaseUrl(external, name),
      kind: `database ${name} on DATABASE_URL's server`,
      drop: () => dropDatabase(external, name),
    };
  }

  const { startEmbeddedPostgres, stopOnProcessExit } = await import("../../lib/db/embedded-postgres");
  const tmp = makeThrowawayDir("consulta-e2e-");
  // As root, PostgreSQL runs as an unprivileged user, who must be able to reach the cluster's parent.
  fs.chmodSync(tmp, 0o755);
  try {
    const server = await startEmbeddedPostgres({ dataDir: path.join(tmp, "postgres"), durable: false });
    const unregister = stopOnProcessExit(server);
    await createDatabaseIfMissing(server.url, name);
    return {
      url: server.urlFor(name),
      kind: `embedded PostgreSQL (pid ${server.pid}) in ${tmp}`,
      async drop() {
        await server.stop();
        unregister();
        removeThrowawayDir(tmp);
      },
    };
  } catch (error) {
    removeThrowawayDir(tmp);
    throw error;
  }
}

// ─── build ───────────────────────────────────────────────────────────────────

function runNode(args: string[], logFile: string, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve, reject) => {
    const out = fs.openSync(logFile, "a");
    const child = spawn(process.execPath, args, { cwd: projectRoot, env, stdio: ["ignore", out, out] });
    child.once("error", (error) => {
      fs.closeSync(out);
      reject(error);
    });
    child.once("exit", (code, signal) => {
      fs.closeSync(out);
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

/** `next build` through scripts/build-if-needed.mjs (the same logic as `npm start`), when needed. */
export async function buildIfNeeded(log: Log): Promise<{ built: boolean; ms: number }> {
  const script = path.join(projectRoot, "scripts/build-if-needed.mjs");
  const logFile = path.join(resultsDir, "e2e-build.log");
  fs.writeFileSync(logFile, "");
  const started = Date.now();
  const check = await runNode([script, "--check"], logFile);
  if (check === 0) return { built: false, ms: Date.now() - started };
  if (check !== 3) throw new Error(`Could not check the production build:\n${tail(logFile)}`);
  log(`e2e: building the production bundle (${tail(logFile, 1)}); output in ${path.relative(projectRoot, logFile)}`);
  const status = await runNode([script], logFile, { ...process.env, NODE_ENV: "production" });
  if (status !== 0) throw new Error(`The production build failed (exit ${status}):\n${tail(logFile, 80)}`);
  return { built: true, ms: Date.now() - started };
}

// ─── server ──────────────────────────────────────────────────────────────────

interface RunningServer {
  baseUrl: string;
  pid: number;
  logFile: string;
  /** Set when the process has exited, with how. */
  exit(): string | undefined;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const { findFreePort } = await import("../../lib/db/embedded-postgres");
  return findFreePort();
}

/** Signals the server's whole process group (the server and anything it started). */
function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** Also for test files that need a second server with their own environment (e.g. an identity provider configured). */
export async function startServer(databaseUrl: string, dataDir: string, options: { port?: number; env?: Record<string, string | undefined>; logName?: string } = {}): Promise<RunningServer> {
  const port = options.port ?? (await freePort());
  const baseUrl = `http://127.0.0.1:${port}`;
  const logFile = path.join(resultsDir, options.logName ?? "e2e-server.log");
  const out = fs.openSync(logFile, "w");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    LOG_LEVEL: "info",
    NEXT_TELEMETRY_DISABLED: "1",
    // Production with DATABASE_URL requires an explicit session secret, as a real deployment does.
    NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
    ...options.env,
  };
  // As scripts/start.mjs runs it: node with tsx as a loader, server.ts in this one process.
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", path.join(projectRoot, "server.ts")], {
    cwd: projectRoot,
    env,
    stdio: ["ignore", out, out],
    detached: true, // its own process group, so that stop() also ends anything it started
  });
  fs.closeSync(out);
  const pid = child.pid;
  if (pid === undefined) throw new Error("Could not start the server process.");

  let exitedHow: string | undefined;
  const exited = new Promise<void>((resolve) => {
    child.once("exit", (code, signal) => {
      exitedHow = signal ? `signal ${signal}` : `exit code ${code}`;
      resolve();
    });
  });
  // Never leave the server behind, even when jest dies without running the teardown.
  const onExit = () => killGroup(pid, "SIGKILL");
  process.once("exit", onExit);

  let stopping: Promise<void> | undefined;
  const server: RunningServer = {
    baseUrl,
    pid,
    logFile,
    exit: () => exitedHow,
    stop() {
      stopping ??= (async () => {
        if (exitedHow === undefined) {
          killGroup(pid, "SIGTERM");
          const timedOut = await Promise.race([exited.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), 15_000).unref())]);
          if (timedOut) killGroup(pid, "SIGKILL");
        }
        killGroup(pid, "SIGKILL"); // any straggler in the group
        await exited;
        process.removeListener("exit", onExit);
      })();
      return stopping;
    },
  };

  try {
    await waitForHealth(baseUrl, () => exitedHow, 180_000);
  } catch (error) {
    await server.stop();
    throw new Error(`${(error as Error).message}\nServer log (${logFile}):\n${tail(logFile)}`);
  }
  return server;
}

async function waitForHealth(baseUrl: string, exited: () => string | undefined, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    const how = exited();
    if (how) throw new Error(`The server exited during start-up (${how}).`);
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (response.status === 200) return;
      last = `HTTP ${response.status}: ${(await response.text()).slice(0, 200)}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The server did not answer /api/health with 200 within ${timeoutMs / 1000}s (last: ${last}).`);
}

// ─── the whole environment ───────────────────────────────────────────────────

export interface E2EEnvironment {
  baseUrl: string;
  databaseUrl: string;
  stop(): Promise<void>;
}

/** Database + build (in parallel), then the server. Everything started is stopped again on failure. */
export async function startE2EEnvironment(log: Log): Promise<E2EEnvironment> {
  fs.mkdirSync(resultsDir, { recursive: true });
  const started = Date.now();
  const dataDir = makeThrowawayDir("consulta-e2e-data-");
  const [database, build] = await Promise.allSettled([
    (async () => {
      const t = Date.now();
      const db = await provisionDatabase();
      log(`e2e: fresh database ready in ${seconds(Date.now() - t)} (${db.kind})`);
      return db;
    })(),
    buildIfNeeded(log),
  ]);
  const cleanupDir = () => removeThrowawayDir(dataDir);
  if (database.status === "rejected" || build.status === "rejected") {
    if (database.status === "fulfilled") await database.value.drop().catch(() => undefined);
    cleanupDir();
    throw database.status === "rejected" ? database.reason : (build as PromiseRejectedResult).reason;
  }
  log(build.value.built ? `e2e: production bundle built in ${seconds(build.value.ms)}` : "e2e: production bundle is up to date");

  const serverStarted = Date.now();
  let server: RunningServer;
  try {
    server = await startServer(database.value.url, dataDir);
  } catch (error) {
    await database.value.drop().catch(() => undefined);
    cleanupDir();
    throw error;
  }
  log(
    `e2e: server ready at ${server.baseUrl} in ${seconds(Date.now() - serverStarted)} (migrations + seed import + Next); ` +
      `setup total ${seconds(Date.now() - started)}; log in ${path.relative(projectRoot, server.logFile)}`,
  );

  return {
    baseUrl: server.baseUrl,
    databaseUrl: database.value.url,
    async stop() {
      const crashed = server.exit();
      try {
        await server.stop();
        await database.value.drop();
      } finally {
        cleanupDir();
      }
      if (crashed) {
        throw new Error(`The e2e server died during the tests (${crashed}). Its log (${server.logFile}):\n${tail(server.logFile)}`);
      }
    },
  };
}

// ─── test-side helpers ───────────────────────────────────────────────────────

/** An e2e `describe` (the global setup has started the server, or failed when no Chromium exists). */
export function describeE2E(name: string, fn: () => void): void {
  describe(name, fn);
}

function required(variable: string): string {
  const value = process.env[variable];
  if (!value) throw new Error(`${variable} is not set: run the e2e tests with \`npx jest --selectProjects e2e\` so that the global setup starts the server.`);
  return value;
}

export const e2eBaseUrl = (): string => required(E2E_ENV.baseUrl);
export const e2eChromiumPath = (): string => required(E2E_ENV.chromium);
export const e2eDatabaseUrl = (): string => required(E2E_ENV.databaseUrl);

/** GET a path of the running server. */
export function get(pathname: string, init: RequestInit = {}): Promise<Response> {
  return fetch(new URL(pathname, e2eBaseUrl()), { redirect: "manual", ...init, signal: AbortSignal.timeout(20_000) });
}

export interface SeedPlan {
  id: string;
  slug: string;
  title: string;
}

/** The plan the server imported on first start (the only one), read from the public API. */
export async function fetchSeedPlan(): Promise<SeedPlan> {
  const response = await get("/api/v1/plans");
  if (response.status !== 200) throw new Error(`GET /api/v1/plans answered ${response.status}`);
  const body = (await response.json()) as { plans: SeedPlan[] };
  if (body.plans.length !== 1) throw new Error(`Expected exactly the seed plan, found ${body.plans.length} plans`);
  const [plan] = body.plans as [SeedPlan];
  return { id: plan.id, slug: plan.slug, title: plan.title };
}
