/**
 * Databases for integration tests: a fresh, migrated, isolated database per test file.
 *
 * The integration global setup (integration-global-setup.ts) starts ONE PostgreSQL — embedded in a
 * throwaway directory, or the server of DATABASE_URL when set — and migrates a template database
 * once. Each createTestDatabase() is then a `CREATE DATABASE … TEMPLATE`, a file copy taking tens of
 * milliseconds, instead of replaying the migrations.
 */
import { randomBytes } from "node:crypto";

import pg from "pg";

// Type-only at load time: the global setup imports this file outside jest's module mapper, where
// the generated client's "@/…" imports don't resolve; the client is loaded in createTestDatabase().
import type { PrismaClient } from "@/lib/db/client";

/** Environment variables the global setup passes to the test workers. */
export const TEST_ENV = {
  /** postgresql:// URL of the test server's maintenance database. */
  serverUrl: "CONSULTA_TEST_SERVER_URL",
  /** Name of the migrated template database. */
  templateDb: "CONSULTA_TEST_TEMPLATE_DB",
  /** Prefix of every database created for this run (so teardown can sweep leftovers). */
  dbPrefix: "CONSULTA_TEST_DB_PREFIX",
} as const;

export interface TestDatabase {
  /** postgresql:// URL of this test database. */
  url: string;
  /** Its name on the server. */
  name: string;
  prisma: PrismaClient;
  /** Disconnect and drop the database. */
  drop(): Promise<void>;
}

export interface TestServer {
  /** URL of the server's maintenance database (for CREATE/DROP DATABASE). */
  serverUrl: string;
  templateDb: string;
  dbPrefix: string;
  /** URL of database `name` on the test server. */
  urlFor(name: string): string;
}

/** Connection info published by the integration global setup. */
export function testServer(): TestServer {
  const serverUrl = process.env[TEST_ENV.serverUrl];
  const templateDb = process.env[TEST_ENV.templateDb];
  const dbPrefix = process.env[TEST_ENV.dbPrefix];
  if (!serverUrl || !templateDb || !dbPrefix) {
    throw new Error(
      "No test database server: createTestDatabase() needs the integration global setup " +
        "(run with `jest --selectProjects integration`, see jest.config.ts).",
    );
  }
  return { serverUrl, templateDb, dbPrefix, urlFor: (name) => databaseUrl(serverUrl, name) };
}

/** `url` with its database name replaced. */
export function databaseUrl(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** Run SQL on the test server's maintenance database. */
export async function onServer<T>(serverUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

let counter = 0;

/** A unique database name for this run (≤ 63 bytes, PostgreSQL's identifier limit). */
export function uniqueDatabaseName(dbPrefix: string, label = "t"): string {
  counter += 1;
  return `${dbPrefix}_${label}_${process.pid}_${counter}_${randomBytes(3).toString("hex")}`.slice(0, 63);
}

/** An empty database (no migrations), e.g. to test the migrate runner itself. */
export async function createEmptyDatabase(): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const server = testServer();
  const name = uniqueDatabaseName(server.dbPrefix, "empty");
  await onServer(server.serverUrl, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE template0`));
  return {
    url: server.urlFor(name),
    name,
    drop: () => dropDatabase(server.serverUrl, name),
  };
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await onServer(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
}

/** A fresh database with all migrations applied, and a Prisma client on it. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const server = testServer();
  const name = uniqueDatabaseName(server.dbPrefix);
  await onServer(server.serverUrl, async (c) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await c.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(server.templateDb)}`);
        return;
      } catch (err) {
        // 55006: the template is briefly "being accessed by other users" while another clone runs.
        if ((err as { code?: string }).code !== "55006" || attempt >= 20) throw err;
        await new Promise((r) => setTimeout(r, 50 + attempt * 25));
      }
    }
  });
  const url = server.urlFor(name);
  const { createPrismaClient } = await import("@/lib/db/client");
  // A generous connect timeout: the suite shares two cores with PostgreSQL and the e2e servers, and a
  // new connection can take seconds under that load (the 5 s default is for failing fast in production).
  const prisma = createPrismaClient(url, { maxConnections: 5, connectTimeoutMs: 30_000 });
  let dropped: Promise<void> | undefined;
  return {
    url,
    name,
    prisma,
    drop() {
      dropped ??= (async () => {
        await prisma.$disconnect();
        await dropDatabase(server.serverUrl, name);
      })();
      return dropped;
    },
  };
}

/**
 * Gives the calling test file its own database for all its tests: created before the first,
 * dropped after the last. Read `prisma` / `url` inside hooks or tests, not at module load.
 */
export function databaseForThisFile(): { readonly prisma: PrismaClient; readonly url: string } {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
  }, 120_000);
  afterAll(async () => {
    await database?.drop();
  });
  const current = (): TestDatabase => {
    if (!database) throw new Error("databaseForThisFile(): the database exists only inside hooks and tests");
    return database;
  };
  return {
    get prisma() {
      return current().prisma;
    },
    get url() {
      return current().url;
    },
  };
}
