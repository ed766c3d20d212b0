/**
 * "Give me a migrated database": the server's DATABASE_URL when set, otherwise an embedded
 * PostgreSQL under the data directory (see embedded-postgres.ts).
 */
import path from "node:path";

import pg from "pg";

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
    return { url, embedded: true, pid: server.pid, appliedMigrations: applied, stop: () => server.stop() };
  } catch (err) {
    await server.stop();
    throw err;
  }
}
