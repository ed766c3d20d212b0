/**
 * The database the operations commands (db:backup, db:restore, db:migrate --status) work on:
 * DATABASE_URL when set, otherwise the embedded cluster under DATA_DIR — the one the app is running
 * on right now when it is (its postmaster.pid gives the port, its credentials file the password),
 * or started just for the command and stopped after.
 */
import fs from "node:fs";
import path from "node:path";

import pg from "pg";

import { createDatabaseIfMissing } from "./database";
import { startEmbeddedPostgres, stopOnProcessExit } from "./embedded-postgres";

/** The database ensureDatabase() creates on the embedded server. */
export const EMBEDDED_DATABASE = "consulta";
const CREDENTIALS_FILE = "consulta-credentials.json";

export interface DatabaseTarget {
  url: string;
  /** For messages: which database this is, never with the password. */
  label: string;
  embedded: boolean;
  /** Stops the embedded server when this command started it (no-op otherwise). */
  release(): Promise<void>;
}

export interface OpenTargetOptions {
  /** Default process.env.DATABASE_URL. */
  databaseUrl?: string;
  /** Default process.env.DATA_DIR ?? ".data". */
  dataDir?: string;
  /** Restore: initialise the embedded cluster and create its database when missing. */
  create?: boolean;
}

/** postgresql://user@host:port/db — a URL for messages, password removed. */
export function describeUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    url.password = "";
    url.search = "";
    return url.toString();
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The port of a server running on `clusterDir` (from postmaster.pid), or undefined. */
function runningPort(clusterDir: string): { pid: number; port: number } | undefined {
  let lines: string[];
  try {
    lines = fs.readFileSync(path.join(clusterDir, "postmaster.pid"), "utf8").split("\n");
  } catch {
    return undefined;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0 || !processAlive(pid)) return undefined;
  return { pid, port };
}

function embeddedUrl(clusterDir: string, port: number, database: string): string {
  const { user, password } = JSON.parse(fs.readFileSync(path.join(clusterDir, CREDENTIALS_FILE), "utf8")) as { user: string; password: string };
  return `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

async function databaseExists(maintenanceUrl: string, database: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    return ((await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database])).rowCount ?? 0) > 0;
  } finally {
    await client.end();
  }
}

export async function openDatabaseTarget(options: OpenTargetOptions = {}): Promise<DatabaseTarget> {
  const external = options.databaseUrl ?? process.env.DATABASE_URL;
  if (external) {
    return { url: external, label: `DATABASE_URL ${describeUrl(external)}`, embedded: false, release: async () => undefined };
  }

  const dataDir = path.resolve(options.dataDir ?? process.env.DATA_DIR ?? ".data");
  const clusterDir = path.join(dataDir, "postgres");
  const initialised = fs.existsSync(path.join(clusterDir, "PG_VERSION")) && fs.existsSync(path.join(clusterDir, CREDENTIALS_FILE));
  if (!initialised && !options.create) {
    throw new Error(
      `No DATABASE_URL is set and there is no embedded PostgreSQL cluster in ${clusterDir}. ` +
        `Set DATABASE_URL, or DATA_DIR to the app's data directory (default .data).`,
    );
  }

  const running = initialised ? runningPort(clusterDir) : undefined;
  if (running) {
    // The app (or another command) runs the cluster: work on it through its port.
    const maintenance = embeddedUrl(clusterDir, running.port, "postgres");
    if (options.create) await createDatabaseIfMissing(maintenance, EMBEDDED_DATABASE);
    else if (!(await databaseExists(maintenance, EMBEDDED_DATABASE))) {
      throw new Error(`The embedded PostgreSQL in ${clusterDir} has no database "${EMBEDDED_DATABASE}": the app has never started on it.`);
    }
    return {
      url: embeddedUrl(clusterDir, running.port, EMBEDDED_DATABASE),
      label: `embedded PostgreSQL in ${clusterDir} (running, port ${running.port})`,
      embedded: true,
      release: async () => undefined,
    };
  }

  const server = await startEmbeddedPostgres({ dataDir: clusterDir });
  const unregister = stopOnProcessExit(server);
  const release = async (): Promise<void> => {
    await server.stop();
    unregister();
  };
  try {
    if (options.create) await createDatabaseIfMissing(server.url, EMBEDDED_DATABASE);
    else if (!(await databaseExists(server.url, EMBEDDED_DATABASE))) {
      throw new Error(`The embedded PostgreSQL in ${clusterDir} has no database "${EMBEDDED_DATABASE}": the app has never started on it.`);
    }
  } catch (error) {
    await release();
    throw error;
  }
  return {
    url: server.urlFor(EMBEDDED_DATABASE),
    label: `embedded PostgreSQL in ${clusterDir} (started for this command)`,
    embedded: true,
    release,
  };
}
