/**
 * A PostgreSQL of a test file's own, for fault tests: an embedded cluster in a throwaway directory
 * on a fixed port, so it can be stopped and started again (a restart, a failover) under the same URL
 * while the app keeps running. `url` names the database "consulta" (created empty: the first server
 * started on it migrates it, like a first start).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDatabaseIfMissing } from "@/lib/db/database";
import { type EmbeddedPostgres, findFreePort, startEmbeddedPostgres } from "@/lib/db/embedded-postgres";

export interface OpsDatabase {
  /** The "consulta" database. */
  url: string;
  /** The maintenance database ("postgres") of the same server. */
  serverUrl: string;
  port: number;
  /** Another database on this server. */
  urlFor(database: string): string;
  /** Whether the server is running now. */
  running(): boolean;
  /** Fast shutdown: every connection is cut, new ones are refused. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data. */
  start(): Promise<void>;
  /** Stops the server for good and removes its files. */
  destroy(): Promise<void>;
}

export async function startOpsDatabase(label: string): Promise<OpsDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `consulta-ops-${label}-`));
  // As root, PostgreSQL runs as an unprivileged user, who must be able to reach the cluster's parent.
  fs.chmodSync(dataDir, 0o755);
  const port = await findFreePort();
  let server: EmbeddedPostgres | null = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg"), port, durable: false });
  const first = server;
  await createDatabaseIfMissing(first.url, "consulta");
  const database: OpsDatabase = {
    url: first.urlFor("consulta"),
    serverUrl: first.url,
    port,
    urlFor: (name) => first.urlFor(name),
    running: () => server !== null,
    async stop() {
      const current = server;
      server = null;
      await current?.stop();
    },
    async start() {
      if (server) return;
      server = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg"), port, durable: false });
    },
    async destroy() {
      await database.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return database;
}
