/**
 * Integration tests: start ONE PostgreSQL for the whole run — the server of DATABASE_URL when set,
 * otherwise an embedded one in a throwaway directory — and migrate a template database once.
 * Workers find it through the CONSULTA_TEST_* environment variables (see test-database.ts).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// Relative imports: jest loads global setup outside its module mapper, so "@/…" doesn't resolve here.
import { createDatabaseIfMissing } from "../../lib/db/database";
import { startEmbeddedPostgres, stopOnProcessExit, type EmbeddedPostgres } from "../../lib/db/embedded-postgres";
import { applyMigrations } from "../../lib/db/migrate";
import { databaseUrl, onServer, quoteIdent, TEST_ENV } from "./test-database";

/** Shared with the global teardown, which runs in this same process. */
export interface IntegrationState {
  server?: EmbeddedPostgres;
  tmpDir?: string;
  serverUrl: string;
  dbPrefix: string;
  templateDb: string;
}

const STATE_KEY = "__consultaIntegrationState";

export function integrationState(): IntegrationState | undefined {
  return (globalThis as Record<string, unknown>)[STATE_KEY] as IntegrationState | undefined;
}

export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  const dbPrefix = `consulta_test_${Date.now().toString(36)}`;
  const templateDb = `${dbPrefix}_template`;
  const state: IntegrationState = { serverUrl: "", dbPrefix, templateDb };
  (globalThis as Record<string, unknown>)[STATE_KEY] = state;

  const external = process.env.DATABASE_URL;
  if (external) {
    state.serverUrl = external;
  } else {
    state.tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), "consulta-it-"));
    // As root PostgreSQL runs as an unprivileged user, who must be able to enter this directory.
    fs.chmodSync(state.tmpDir, 0o755);
    state.server = await startEmbeddedPostgres({ dataDir: path.join(state.tmpDir, "postgres"), durable: false });
    stopOnProcessExit(state.server);
    state.serverUrl = state.server.url;
  }

  await createDatabaseIfMissing(state.serverUrl, templateDb);
  await applyMigrations(databaseUrl(state.serverUrl, templateDb));
  // Nobody may connect to the template: a connection would make CREATE DATABASE … TEMPLATE fail.
  await onServer(state.serverUrl, (c) => c.query(`ALTER DATABASE ${quoteIdent(templateDb)} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`));

  process.env[TEST_ENV.serverUrl] = state.serverUrl;
  process.env[TEST_ENV.templateDb] = templateDb;
  process.env[TEST_ENV.dbPrefix] = dbPrefix;
  if (process.env.CONSULTA_TEST_TIMINGS) {
    console.log(`\n[integration] ${external ? "DATABASE_URL server" : "embedded PostgreSQL"} ready, template migrated in ${Date.now() - started} ms`);
  }
}
