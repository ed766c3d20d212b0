/**
 * "Give me a migrated database": the server's DATABASE_URL when set, otherwise an embedded
 * PostgreSQL under the data directory (see embedded-postgres.ts).
 */
import path from "node:path";

import pg from "pg";

// Relative: the jest global setups load this file outside the "@/" module mapper.
import { logger } from "../observability/logger";

import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-postgres";
import { applyMigrations } from "./migrate";

export interface EnsureDatabaseOptions {
  /** Where the embedded server keeps its cluster (`<dataDir>/postgres`). Unused with DATABASE_URL. */
  dataDir: string;
  /** Overrides process.env.DATABASE_URL (tests). */
  databaseUrl?: string;
  /** Database created on the embedded server. Default "consulta". */
  database?: string;
  /** Fixed port for the embedded server (default: a free one). */
  port?: number;
  /** Apply prisma/migrations (default true). */
  migrate?: boolean;
  /**
   * Restart the embedded server on the same port and data when it exits without stop() — killed by
   * the OOM killer, crashed — so the app recovers as it does from an external server's restart
   * (the server, not one-off scripts). Ignored with DATABASE_URL.
   */
  supervise?: boolean;
  onLog?: (message: string) => void;
}

export interface EnsuredDatabase {
  url: string;
  /** True when we started an embedded server (which `stop()` then shuts down). */
  embedded: boolean;
  /** The embedded server's pid, for exit hooks. */
  pid?: number;
  /** Migrations applied by this call. */
  appliedMigrations: string[];
  stop(): Promise<void>;
}

const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** CREATE DATABASE unless it exists (PostgreSQL has no IF NOT EXISTS for databases). */
export async function createDatabaseIfMissing(maintenanceUrl: string, database: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (rowCount) return false;
    await client.query(`CREATE DATABASE ${quoteIdent(database)}`);
    return true;
  } catch (err) {
    if ((err as { code?: string }).code === "42P04") return false; // created concurrently
    throw err;
  } finally {
    await client.end();
  }
}

export async function ensureDatabase(options: EnsureDatabaseOptions): Promise<EnsuredDatabase> {
  const external = options.databaseUrl ?? process.env.DATABASE_URL;
  const migrate = options.migrate ?? true;
  if (external) {
    const applied = migrate ? (await applyMigrations(external, { onLog: options.onLog })).applied : [];
    return { url: external, embedded: false, appliedMigrations: applied, stop: async () => undefined };
  }

  const server: EmbeddedPostgres = await startEmbeddedPostgres({
    dataDir: path.join(options.dataDir, "postgres"),
    port: options.port,
    onLog: options.onLog,
  });
  try {
    const database = options.database ?? "consulta";
    await createDatabaseIfMissing(server.url, database);
    const url = server.urlFor(database);
    const applied = migrate ? (await applyMigrations(url, { onLog: options.onLog })).applied : [];
    const stop = options.supervise ? superviseEmbeddedPostgres(server, { dataDir: path.join(options.dataDir, "postgres"), onLog: options.onLog }) : () => server.stop();
    return { url, embedded: true, pid: server.pid, appliedMigrations: applied, stop };
  } catch (err) {
    await server.stop();
    throw err;
  }
}

/** Longest pause between two attempts to restart the embedded server. */
const RESTART_MAX_DELAY_MS = 10_000;

/**
 * Watches an embedded server and starts it again (same data directory and port, so DATABASE_URL stays
 * valid) whenever it exits unexpectedly, retrying with a growing pause (a killed postmaster's backends
 * may hold the shared memory for a moment). Returns the stop() that ends it for good.
 */
function superviseEmbeddedPostgres(first: EmbeddedPostgres, options: { dataDir: string; onLog?: (message: string) => void }): () => Promise<void> {
  let current: EmbeddedPostgres | null = first;
  let stopped = false;
  let restarting: Promise<void> = Promise.resolve();

  const watch = (server: EmbeddedPostgres): void => {
    void server.exited.then((how) => {
      if (stopped || current !== server) return;
      current = null;
      logger.error("embedded PostgreSQL exited unexpectedly: restarting it", { exit: how, pid: server.pid });
      restarting = restart(server.port);
    });
  };

  const restart = async (port: number): Promise<void> => {
    for (let attempt = 1; !stopped; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, Math.min(RESTART_MAX_DELAY_MS, 250 * 2 ** (attempt - 1))));
      if (stopped) return;
      try {
        const server = await startEmbeddedPostgres({ dataDir: options.dataDir, port, onLog: options.onLog });
        if (stopped) return void (await server.stop());
        current = server;
        watch(server);
        logger.info("embedded PostgreSQL restarted", { attempt, pid: server.pid });
        return;
      } catch (error) {
        logger.warn("embedded PostgreSQL did not start again yet: retrying", { attempt, error });
      }
    }
  };

  watch(first);
  return async () => {
    stopped = true;
    await restarting;
    await current?.stop();
  };
}

