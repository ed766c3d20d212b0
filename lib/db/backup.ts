/**
 * Backups and restores of the whole Consulta database with pg_dump / pg_restore in their custom
 * format (-Fc: compressed, restorable selectively, the format PostgreSQL recommends for backups).
 */
import fs from "node:fs";
import path from "node:path";

import pg from "pg";

import { locateTool, runTool, toolConnection, type LocatedTool } from "./postgres-tools";

/** What every custom-format archive starts with. */
const ARCHIVE_MAGIC = "PGDMP";

async function withClient<T>(databaseUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The server's major version (e.g. 15). */
export async function serverMajorVersion(databaseUrl: string): Promise<number> {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ server_version_num: string }>("SHOW server_version_num");
    return Math.floor(Number(rows[0]?.server_version_num) / 10_000);
  });
}

const USER_SCHEMAS = "n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'";

/** Tables, views, sequences and enum/domain types in the database's own schemas ("schema.name"). */
export async function userObjects(databaseUrl: string): Promise<string[]> {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ name: string }>(
      `SELECT n.nspname || '.' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND ${USER_SCHEMAS}
       UNION ALL
       SELECT n.nspname || '.' || t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE t.typtype IN ('e', 'd') AND ${USER_SCHEMAS}
       ORDER BY 1`,
    );
    return rows.map((row) => row.name);
  });
}

export interface BackupResult {
  file: string;
  bytes: number;
  ms: number;
  tool: LocatedTool;
}

/**
 * pg_dump -Fc of the whole database into `file`, written next to it first and renamed when
 * complete (a failed or interrupted backup never leaves a truncated file under the final name);
 * readable by its owner only: it holds personal data.
 */
export async function backupDatabase(databaseUrl: string, file: string): Promise<BackupResult> {
  const started = Date.now();
  const target = path.resolve(file);
  if (!fs.existsSync(path.dirname(target))) throw new Error(`The directory ${path.dirname(target)} does not exist.`);
  if (fs.existsSync(target) && fs.statSync(target).isDirectory()) throw new Error(`${target} is a directory: give a file name.`);
  const connection = toolConnection(databaseUrl);
  const tool = locateTool("pg_dump", await serverMajorVersion(databaseUrl));
  const partial = `${target}.partial-${process.pid}`;
  try {
    const run = await runTool(tool, ["--format=custom", `--file=${partial}`, "--no-password", `--dbname=${connection.uri}`], connection.env);
    if (run.code !== 0) throw new Error(`pg_dump failed (exit ${run.code}):\n${run.stderr}`);
    fs.chmodSync(partial, 0o600);
    fs.renameSync(partial, target);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  return { file: target, bytes: fs.statSync(target).size, ms: Date.now() - started, tool };
}

export interface RestoreOptions {
  /** Drop everything in the target database first; without it, a non-empty database is refused. */
  replace?: boolean;
}

export interface RestoreResult {
  ms: number;
  /** Objects dropped first (with replace). */
  dropped: number;
  tool: LocatedTool;
}

/** Raised when the target holds data and `replace` was not given. */
export class TargetNotEmptyError extends Error {
  constructor(
    readonly database: string,
    readonly objects: string[],
  ) {
    super(
      `The database "${database}" is not empty (${objects.length} objects, e.g. ${objects.slice(0, 3).join(", ")}). ` +
        `Restoring into it would mix two databases: restore into an empty database, or add --replace to drop everything in it first.`,
    );
    this.name = "TargetNotEmptyError";
  }
}

function assertArchive(file: string): void {
  if (!fs.existsSync(file)) throw new Error(`The backup file ${file} does not exist.`);
  const fd = fs.openSync(file, "r");
  try {
    const head = Buffer.alloc(ARCHIVE_MAGIC.length);
    fs.readSync(fd, head, 0, head.length, 0);
    if (head.toString("latin1") !== ARCHIVE_MAGIC) {
      throw new Error(`${file} is not a pg_dump custom-format archive (as written by npm run db:backup).`);
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** Drop every user schema (the public schema is recreated empty, as CREATE DATABASE makes it). */
async function dropEverything(databaseUrl: string): Promise<void> {
  await withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ nspname: string }>(
      `SELECT n.nspname FROM pg_namespace n WHERE ${USER_SCHEMAS} AND n.nspname <> 'public'`,
    );
    await client.query("BEGIN");
    for (const { nspname } of rows) await client.query(`DROP SCHEMA "${nspname.replace(/"/g, '""')}" CASCADE`);
    await client.query("DROP SCHEMA IF EXISTS public CASCADE");
    await client.query("CREATE SCHEMA public");
    await client.query("GRANT USAGE ON SCHEMA public TO PUBLIC");
    await client.query("COMMIT");
  });
}

/**
 * pg_restore of a custom-format archive into the database, in one transaction (a failed restore
 * leaves the database as it was), without the original owners and grants (the target's role owns
 * everything), then ANALYZE.
 */
export async function restoreDatabase(databaseUrl: string, file: string, options: RestoreOptions = {}): Promise<RestoreResult> {
  const started = Date.now();
  const archive = path.resolve(file);
  assertArchive(archive);
  const connection = toolConnection(databaseUrl);
  const tool = locateTool("pg_restore", await serverMajorVersion(databaseUrl));
  const existing = await userObjects(databaseUrl);
  if (existing.length > 0 && !options.replace) throw new TargetNotEmptyError(connection.database, existing);
  if (existing.length > 0) await dropEverything(databaseUrl);
  const run = await runTool(
    tool,
    ["--format=custom", "--single-transaction", "--exit-on-error", "--no-owner", "--no-privileges", "--no-password", `--dbname=${connection.uri}`, archive],
    connection.env,
  );
  if (run.code !== 0) throw new Error(`pg_restore failed (exit ${run.code}); the database was left as before the restore${existing.length ? " (emptied by --replace)" : ""}:\n${run.stderr}`);
  await withClient(databaseUrl, (client) => client.query("ANALYZE"));
  return { ms: Date.now() - started, dropped: existing.length, tool };
}

/** 1.2 MB */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}
