/**
 * What a database holds, table by table: the row count and an MD5 of every row's text, ordered by
 * the primary key (the whole row when a table has none), plus every sequence's position. Two
 * databases with equal fingerprints hold the same data.
 */
import { spawn } from "node:child_process";
import pg from "pg";

export interface TableFingerprint {
  rows: number;
  checksum: string;
}

export type DatabaseFingerprint = Record<string, TableFingerprint>;

const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export async function databaseFingerprint(url: string): Promise<DatabaseFingerprint> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = (
      await client.query<{ table_name: string; pk: string[] | null }>(
        `SELECT c.relname AS table_name,
                (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM pg_index i
                   CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
                   JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                  WHERE i.indrelid = c.oid AND i.indisprimary) AS pk
           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY c.relname`,
      )
    ).rows;
    const result: DatabaseFingerprint = {};
    for (const { table_name: table, pk } of tables) {
      const order = pk?.length ? pk.map(ident).join(", ") : "t::text";
      const { rows } = await client.query<{ rows: number; checksum: string | null }>(
        `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY ${order}), '')) AS checksum FROM ${ident(table)} t`,
      );
      result[table] = { rows: rows[0]!.rows, checksum: rows[0]!.checksum ?? "" };
    }
    const sequences = (await client.query<{ relname: string }>(`SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'S' ORDER BY 1`)).rows;
    for (const { relname } of sequences) {
      const { rows } = await client.query<{ last_value: string; is_called: boolean }>(`SELECT last_value::text, is_called FROM ${ident(relname)}`);
      result[`sequence ${relname}`] = { rows: 1, checksum: `${rows[0]!.last_value}/${rows[0]!.is_called}` };
    }
    return result;
  } finally {
    await client.end();
  }
}

/** Row counts only. */
export function rowCounts(fingerprint: DatabaseFingerprint): Record<string, number> {
  return Object.fromEntries(Object.entries(fingerprint).filter(([name]) => !name.startsWith("sequence ")).map(([name, f]) => [name, f.rows]));
}

export interface ScriptRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npm run -s <script> -- <args>` in the project root, with exactly `env`. */
export function runNpmScript(cwd: string, script: string, args: string[], env: NodeJS.ProcessEnv): Promise<ScriptRun> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "-s", script, "--", ...args], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}
