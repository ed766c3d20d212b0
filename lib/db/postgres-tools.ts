/**
 * PostgreSQL's client programs (pg_dump, pg_restore) for backups: found in PG_BIN_DIR, on the PATH
 * or in /usr/lib/postgresql/<major>/bin (Debian/Ubuntu), newest first, and run with the password in
 * the child's environment (PGPASSWORD) — never on its command line, where `ps` would show it.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export type PostgresTool = "pg_dump" | "pg_restore";

export interface LocatedTool {
  path: string;
  /** Major version, from `<tool> --version`. */
  major: number;
  version: string;
}

/** libpq's URI query parameters: anything else (Prisma's `schema`, `connection_limit`, …) makes libpq refuse the URI. */
const LIBPQ_PARAMETERS = new Set([
  "host", "hostaddr", "port", "dbname", "user", "passfile", "channel_binding", "connect_timeout", "client_encoding", "options",
  "application_name", "fallback_application_name", "keepalives", "keepalives_idle", "keepalives_interval", "keepalives_count",
  "tcp_user_timeout", "replication", "gssencmode", "sslmode", "requiressl", "sslcompression", "sslcert", "sslkey", "sslpassword",
  "sslrootcert", "sslcrl", "sslcrldir", "sslsni", "requirepeer", "ssl_min_protocol_version", "ssl_max_protocol_version",
  "krbsrvname", "gsslib", "service", "target_session_attrs",
]);

export interface ToolConnection {
  /** The connection URI without its password (safe for a command line). */
  uri: string;
  /** Environment for the child: PGPASSWORD when the URL has a password. */
  env: NodeJS.ProcessEnv;
  /** The database name, for messages. */
  database: string;
  /** host:port, for messages. */
  where: string;
}

/** Split a postgresql:// URL into a password-free URI for the command line and PGPASSWORD for the environment. */
export function toolConnection(databaseUrl: string, baseEnv: Record<string, string | undefined> = process.env): ToolConnection {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    throw new Error("DATABASE_URL is not a valid URL (expected postgresql://user:password@host:port/database).");
  }
  if (url.protocol !== "postgresql:" && url.protocol !== "postgres:") {
    throw new Error(`DATABASE_URL must start with postgresql:// (found ${url.protocol}//).`);
  }
  const password = decodeURIComponent(url.password);
  url.password = "";
  for (const key of [...url.searchParams.keys()]) if (!LIBPQ_PARAMETERS.has(key)) url.searchParams.delete(key);
  const env = { ...baseEnv, LC_ALL: "C", LC_MESSAGES: "C" } as unknown as NodeJS.ProcessEnv;
  delete env.PGPASSWORD;
  if (password) env.PGPASSWORD = password;
  const database = decodeURIComponent(url.pathname.replace(/^\//, "")) || decodeURIComponent(url.username) || "postgres";
  return { uri: url.toString(), env, database, where: `${url.hostname || "localhost"}:${url.port || "5432"}` };
}

function versionOf(file: string): { major: number; version: string } | undefined {
  const res = spawnSync(file, ["--version"], { encoding: "utf8" });
  if (res.status !== 0) return undefined;
  const match = /(\d+)(?:\.(\d+))?/.exec(res.stdout);
  if (!match) return undefined;
  return { major: Number(match[1]), version: match[0] };
}

/** Every candidate, in the order searched. */
function candidates(tool: PostgresTool, env: NodeJS.ProcessEnv): string[] {
  const list: string[] = [];
  if (env.PG_BIN_DIR) list.push(path.join(env.PG_BIN_DIR, tool));
  for (const dir of (env.PATH ?? "").split(path.delimiter)) if (dir) list.push(path.join(dir, tool));
  const debian = "/usr/lib/postgresql";
  if (fs.existsSync(debian)) {
    const majors = fs.readdirSync(debian).filter((d) => /^\d+$/.test(d)).sort((a, b) => Number(b) - Number(a));
    for (const major of majors) list.push(path.join(debian, major, "bin", tool));
  }
  return list;
}

/**
 * The program to use against a server of `serverMajor`: PG_BIN_DIR's when set (it must be new
 * enough), else the newest found whose major is ≥ the server's (pg_dump refuses newer servers).
 */
export function locateTool(tool: PostgresTool, serverMajor: number, env: NodeJS.ProcessEnv = process.env): LocatedTool {
  const seen: string[] = [];
  let best: LocatedTool | undefined;
  for (const file of candidates(tool, env)) {
    if (!fs.existsSync(file)) continue;
    const real = fs.realpathSync(file);
    const version = versionOf(real);
    if (!version) continue;
    seen.push(`${file} (${version.version})`);
    if (env.PG_BIN_DIR && file === path.join(env.PG_BIN_DIR, tool)) {
      if (version.major < serverMajor) {
        throw new Error(
          `PG_BIN_DIR has ${tool} ${version.version}, older than the PostgreSQL ${serverMajor} server: point PG_BIN_DIR at PostgreSQL ${serverMajor} or newer client programs.`,
        );
      }
      return { path: real, ...version };
    }
    if (version.major >= serverMajor && (!best || version.major > best.major)) best = { path: real, ...version };
  }
  if (best) return best;
  throw new Error(
    `${tool} for PostgreSQL ${serverMajor} or newer was not found` +
      (seen.length ? ` (found only ${seen.join(", ")})` : " (searched PG_BIN_DIR, PATH and /usr/lib/postgresql/*/bin)") +
      `. Install the PostgreSQL client programs (Debian/Ubuntu: apt-get install postgresql-client-${serverMajor}) or set PG_BIN_DIR to their directory.`,
  );
}

export interface ToolRun {
  code: number;
  stderr: string;
}

/** Run a client program with the connection's environment; stderr is collected (and never contains the password). */
export function runTool(tool: LocatedTool, args: string[], env: NodeJS.ProcessEnv): Promise<ToolRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool.path, args, { env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
      if (stderr.length > 200_000) stderr = stderr.slice(-100_000);
    });
    child.once("error", (error) => reject(new Error(`Could not run ${tool.path}: ${error.message}`)));
    child.once("close", (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stderr: stderr.trim() }));
  });
}
