/**
 * Prisma's schema engine (migrations, diffs) compiled to WebAssembly, talking to PostgreSQL through
 * @prisma/adapter-pg. The native engine binary is downloaded from Prisma's CDN on first use, which
 * fails offline; the WebAssembly build ships inside the npm package (@prisma/schema-engine-wasm,
 * pinned to the engines hash of our prisma version).
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlQueryable,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import pg from "pg";

export type { SchemaEngine };
export type {
  MigrationList,
  SchemasContainer,
  SchemaFilter,
  ApplyMigrationsOutput,
  CreateMigrationOutput,
  DiffResult,
  DiffTarget,
} from "@prisma/schema-engine-wasm";

// ─── loading the WebAssembly module ─────────────────────────────────────────

interface WasmGlue {
  SchemaEngine: typeof SchemaEngine;
  version(): string;
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
}

let glue: WasmGlue | undefined;

/**
 * The package's entry (`schema_engine.js`) imports the `.wasm` file as an ES module, which only
 * bundlers and `--experimental-wasm-modules` support, and its glue is ESM (which jest's CommonJS
 * runtime cannot load). So we evaluate the glue ourselves — its only module syntax is
 * `export function` / `export class` — and instantiate the WebAssembly module with it, exactly as
 * `schema_engine.js` does. `new Function` keeps everything in the caller's realm (jest's sandbox
 * included), which matters because the glue checks `instanceof Promise/Uint8Array` on our values.
 */
/** Where the engine's panic hook writes the Rust panic message (the Prisma CLI sets the same global). */
const panicRegistry = {
  message: "",
  set_message(message: string) {
    this.message = message;
  },
};

export function loadSchemaEngineWasm(): WasmGlue {
  if (glue) return glue;
  (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: typeof panicRegistry }).PRISMA_WASM_PANIC_REGISTRY ??= panicRegistry;
  const localRequire = createRequire(__filename);
  const dir = path.dirname(localRequire.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const source = fs.readFileSync(path.join(dir, "schema_engine_bg.js"), "utf8");
  const names: string[] = [];
  const body = source.replace(/^export (function|class) ([\w$]+)/gm, (_m, kind: string, name: string) => {
    names.push(name);
    return `${kind} ${name}`;
  });
  if (/^\s*(import|export)\b/m.test(body) || !names.includes("SchemaEngine")) {
    throw new Error(
      "Unexpected module syntax in @prisma/schema-engine-wasm/schema_engine_bg.js: " +
        "the package layout changed; update lib/db/schema-engine.ts for the pinned version.",
    );
  }
  // `module.require` is used by the glue's getrandom fallback (Node's crypto).
  const factory = new Function("module", `"use strict";\n${body}\nreturn { ${names.join(", ")} };`) as (
    module: { require: NodeJS.Require },
  ) => WasmGlue & Record<string, unknown>;
  const bindings = factory({ require: localRequire });
  // The engine arms timeouts (e.g. around connections) that it never clears; unref them so that a
  // finished command doesn't keep the process alive for their duration.
  for (const name of names.filter((n) => n.startsWith("__wbg_setTimeout_"))) {
    const original = bindings[name] as (...args: unknown[]) => unknown;
    bindings[name] = (...args: unknown[]) => {
      const timer = original(...args);
      (timer as { unref?: () => void } | null)?.unref?.();
      return timer;
    };
  }
  const wasmModule = new WebAssembly.Module(fs.readFileSync(path.join(dir, "schema_engine_bg.wasm")));
  const instance = new WebAssembly.Instance(wasmModule, { "./schema_engine_bg.js": bindings as WebAssembly.ModuleImports });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  glue = bindings;
  return glue;
}

// ─── connections ─────────────────────────────────────────────────────────────

/** Connection fields parsed from a postgresql:// URL. */
export interface PgConnectionFields {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
  ssl?: pg.ClientConfig["ssl"];
}

export function parseDatabaseUrl(url: string): PgConnectionFields {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error("DATABASE_URL is not a valid URL (expected postgresql://user:password@host:port/database)");
  }
  if (parsed.protocol !== "postgresql:" && parsed.protocol !== "postgres:") {
    throw new Error(`DATABASE_URL must use the postgresql:// scheme, not ${parsed.protocol}//`);
  }
  const sslmode = parsed.searchParams.get("sslmode");
  const fields: PgConnectionFields = {
    host: decodeURIComponent(parsed.hostname) || parsed.searchParams.get("host") || "localhost",
    port: parsed.port ? Number(parsed.port) : 5432,
    user: decodeURIComponent(parsed.username) || "postgres",
    password: decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.replace(/^\//, "")) || "postgres",
  };
  if (sslmode && sslmode !== "disable" && sslmode !== "prefer" && sslmode !== "allow") {
    fields.ssl = sslmode === "no-verify" ? { rejectUnauthorized: false } : true;
  }
  return fields;
}

/** Build a postgresql:// URL from connection fields. */
export function formatDatabaseUrl(fields: PgConnectionFields): string {
  const auth = `${encodeURIComponent(fields.user)}${fields.password ? `:${encodeURIComponent(fields.password)}` : ""}`;
  const query = fields.ssl ? `?sslmode=${fields.ssl === true ? "require" : "no-verify"}` : "";
  return `postgresql://${auth}@${fields.host}:${fields.port}/${encodeURIComponent(fields.database)}${query}`;
}

function toPoolConfig(fields: PgConnectionFields): pg.PoolConfig {
  // Fields, never `connectionString`: pg lets a connection string override `database`, which is how
  // adapter-pg's own shadow database ends up connected to the main database.
  return { host: fields.host, port: fields.port, user: fields.user, password: fields.password, database: fields.database, ssl: fields.ssl, max: 4 };
}

/**
 * adapter-pg 7.10 cannot map some built-in types to a Prisma column type and throws "Column type
 * 'char' could not be deserialized", yet the engine's schema describer selects them from pg_catalog
 * (`"char"` for relkind/contype/…, plus vectors and reg* types). pg returns them as text, so:
 *  - on each pooled connection we relabel those result fields as TEXT before adapter-pg sees them,
 *    remembering which columns were `"char"` (keyed by the rows array, which adapter-pg passes on);
 *  - on the adapter we then report those columns as Character, which the engine reads as a char.
 */
const CHAR_OID = 18;
const CATALOG_TEXT_TYPES = new Set([CHAR_OID, 22, 24, 30, 194, 1033, 2202, 2203, 2204, 2205, 2206, 3734, 3769, 4089, 4096]);
const TEXT_OID = 25;
const charColumnsByRows = new WeakMap<object, number[]>();

type QueryFn = (...args: unknown[]) => unknown;

function relabelCatalogFields<T>(result: T): T {
  const res = result as { fields?: { dataTypeID: number }[]; rows?: object } | null;
  if (!res || !Array.isArray(res.fields)) return result;
  const charColumns: number[] = [];
  res.fields.forEach((field, i) => {
    if (!CATALOG_TEXT_TYPES.has(field.dataTypeID)) return;
    if (field.dataTypeID === CHAR_OID) charColumns.push(i);
    field.dataTypeID = TEXT_OID;
  });
  if (charColumns.length && res.rows) charColumnsByRows.set(res.rows, charColumns);
  return result;
}

/** A pg pool whose every connection relabels catalog-only column types (see above). */
function createMigrationPool(fields: PgConnectionFields): pg.Pool {
  const pool = new pg.Pool(toPoolConfig(fields));
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as QueryFn;
    (client as unknown as { query: QueryFn }).query = (...args: unknown[]) => {
      // pool.query() calls client.query with a callback; adapter transactions use the promise form.
      const last = args.length - 1;
      const callback = args[last];
      if (typeof callback === "function") {
        args[last] = (err: unknown, res: unknown) => (callback as QueryFn)(err, relabelCatalogFields(res));
        return query(...args);
      }
      const out = query(...args);
      return out instanceof Promise ? out.then(relabelCatalogFields) : out;
    };
  });
  // An idle client losing its server (e.g. shadow database dropped) must not crash the process.
  pool.on("error", () => undefined);
  return pool;
}

function restoreCharColumns(queryable: SqlQueryable): void {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const i of charColumnsByRows.get(result.rows) ?? []) result.columnTypes[i] = ColumnTypeEnum.Character;
    return result;
  };
}

/** Make a PrismaPg adapter built on createMigrationPool() report `"char"` columns as Character. */
function withCharColumns(adapter: SqlDriverAdapter): SqlDriverAdapter {
  restoreCharColumns(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => {
    const tx = await startTransaction(isolationLevel);
    restoreCharColumns(tx);
    return tx;
  };
  return adapter;
}

const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

async function withMaintenanceClient<T>(fields: PgConnectionFields, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(toPoolConfig(fields));
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * adapter-pg's `connectToShadowDb` has two problems for migration diffs: it spreads its config into
 * the shadow pool, so with a connection string the "shadow" pool talks to the main database; and its
 * cleanup drops the shadow database *before* ending that pool, which fails while connections are
 * open. This factory builds both pools from connection fields and disposes in the right order
 * (pool first, then `DROP DATABASE ... WITH (FORCE)`). It also remembers every adapter it handed out
 * so `disposeAll()` can close whatever the engine left open.
 */
export class PgMigrationAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName: string;
  private readonly open = new Set<SqlDriverAdapter>();

  constructor(private readonly fields: PgConnectionFields) {
    this.adapterName = new PrismaPg(toPoolConfig(fields)).adapterName; // no pool is opened before connect()
  }

  async connect(): Promise<SqlDriverAdapter> {
    return this.track(withCharColumns(await new PrismaPg(createMigrationPool(this.fields), { disposeExternalPool: true }).connect()));
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const database = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID().replace(/-/g, "")}`;
    await withMaintenanceClient(this.fields, (c) => c.query(`CREATE DATABASE ${quoteIdent(database)}`));
    let adapter: SqlDriverAdapter;
    try {
      adapter = withCharColumns(await new PrismaPg(createMigrationPool({ ...this.fields, database }), { disposeExternalPool: true }).connect());
    } catch (err) {
      await this.dropDatabase(database);
      throw err;
    }
    const closePool = adapter.dispose.bind(adapter);
    let disposed: Promise<void> | undefined;
    adapter.dispose = () => {
      disposed ??= (async () => {
        await closePool(); // end the pool first: PostgreSQL won't drop a database in use
        await this.dropDatabase(database);
      })();
      return disposed;
    };
    return this.track(adapter);
  }

  /** Close every adapter still open (the engine does not always dispose them). */
  async disposeAll(): Promise<void> {
    const adapters = [...this.open];
    this.open.clear();
    await Promise.allSettled(adapters.map((a) => a.dispose()));
  }

  private track(adapter: SqlDriverAdapter): SqlDriverAdapter {
    const dispose = adapter.dispose.bind(adapter);
    let done: Promise<void> | undefined;
    adapter.dispose = () => {
      this.open.delete(adapter);
      done ??= dispose();
      return done;
    };
    this.open.add(adapter);
    return adapter;
  }

  private async dropDatabase(database: string): Promise<void> {
    await withMaintenanceClient(this.fields, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`));
  }
}

// ─── running the engine ─────────────────────────────────────────────────────

export interface SchemaFile {
  /** Path as shown in error messages. */
  path: string;
  content: string;
}

export interface WithSchemaEngineOptions {
  databaseUrl: string;
  /** The Prisma schema file(s); passed to the engine like the CLI does. */
  schemaFiles?: SchemaFile[];
  /** Receives the engine's debug/log output. */
  onLog?: (message: string) => void;
}

/** Error raised by the schema engine, with Prisma's error code (e.g. P3009) when it has one. */
export class SchemaEngineError extends Error {
  constructor(
    message: string,
    readonly code?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "SchemaEngineError";
  }
}

/**
 * Start a schema engine connected to `databaseUrl`, run `fn` with it, then free the engine and
 * close every pool (including shadow databases).
 */
export async function withSchemaEngine<T>(options: WithSchemaEngineOptions, fn: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const { SchemaEngine: Engine } = loadSchemaEngineWasm();
  const factory = new PgMigrationAdapterFactory(parseDatabaseUrl(options.databaseUrl));
  const bound = bindMigrationAwareSqlAdapterFactory(factory);
  const log = options.onLog ?? (() => undefined);
  const datamodels = options.schemaFiles?.length ? options.schemaFiles.map((f): [string, string] => [f.path, f.content]) : undefined;
  let engine: SchemaEngine | undefined;
  try {
    engine = await Engine.new({ datamodels }, (message: string) => log(message), bound);
    return await fn(engine);
  } catch (err) {
    throw toEngineError(err, bound.errorRegistry);
  } finally {
    engine?.free();
    await factory.disposeAll();
  }
}

interface ErrorLookup {
  consumeError(id: number): { error: unknown } | undefined;
}

/** Turn what the engine throws (adapter errors by registry id, engine errors with a code) into readable errors. */
function toEngineError(err: unknown, registry: ErrorLookup): Error {
  if (!(err instanceof Error) && (typeof err !== "object" || err === null)) return new SchemaEngineError(String(err));
  const e = err as Error & { code?: unknown; id?: unknown; cause?: unknown };
  // The engine reports driver-adapter failures by the registry id of the original error.
  const adapterError = typeof e.id === "number" ? registry.consumeError(e.id)?.error : undefined;
  if (adapterError) {
    const original = adapterError as { message?: string; originalMessage?: string; kind?: string };
    return new SchemaEngineError(
      `Database error during migration: ${original.originalMessage ?? original.message ?? original.kind ?? String(adapterError)}`,
      undefined,
      { cause: adapterError },
    );
  }
  if (e instanceof WebAssembly.RuntimeError || e.name === "RuntimeError") {
    const registry = (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: typeof panicRegistry }).PRISMA_WASM_PANIC_REGISTRY;
    // After a panic the WebAssembly instance is unusable: load a fresh one next time.
    glue = undefined;
    return new SchemaEngineError(`The schema engine crashed: ${registry?.message || e.message}`, undefined, { cause: err });
  }
  return new SchemaEngineError(formatEngineMessage(e.message ?? String(err)), typeof e.code === "string" ? e.code : undefined, {
    cause: err,
  });
}

/**
 * Engine messages are "<what happened>\n   0: <span trace>…". Keep the first part, drop the
 * "external connector error" noise, and name the migration that failed (the trace is in `cause`).
 */
function formatEngineMessage(raw: string): string {
  const lines = raw.split("\n");
  const traceStart = lines.findIndex((line) => /^\s*\d+: /.test(line));
  const head = (traceStart >= 0 ? lines.slice(0, traceStart) : lines)
    .join("\n")
    .replace(/^external connector error\s*/i, "")
    .trim();
  const migration = /Applying migration\s+with migration_name="([^"]+)"/.exec(raw)?.[1];
  const message = head || raw.trim();
  return migration ? `Migration ${migration} failed: ${message}` : message;
}
