/**
 * Several instances of one deployment for e2e tests: real production server processes (server.ts
 * as `npm start` runs it, through e2e-server.ts startServer) on their own free ports,
 * all on ONE fresh, empty database of the e2e PostgreSQL server (or of another server, e.g. an
 * operations test's own: options.maintenanceUrl), sharing one NEXTAUTH_SECRET and
 * without PUBLIC_URL/NEXTAUTH_URL (so the live sockets' Origin check uses the Host each client
 * addressed) — what a load balancer puts in front of.
 *
 * The first instance migrates the empty database and imports the seed plan, like a first start;
 * the others start after it is healthy (their migrations find nothing to do). The e2e global setup
 * has built the production bundle.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDatabaseIfMissing } from "@/lib/db/database";
import { e2eDatabaseUrl, startServer } from "./e2e-server";
import { databaseUrl, dropDatabase } from "./test-database";

export type AppInstance = Awaited<ReturnType<typeof startServer>>;

export interface AppInstances {
  /** The database every instance uses (for arranging data with createPrismaClient). */
  databaseUrl: string;
  /** Their shared NEXTAUTH_SECRET: session cookies encoded with it are valid on every instance. */
  secret: string;
  instances: AppInstance[];
  /** Stops the instances still running (SIGTERM, see startServer), drops the database, removes the data directories. */
  stop(): Promise<void>;
}

export interface AppInstancesOptions {
  /**
   * A connection to the PostgreSQL server to create the database on (CREATE/DROP DATABASE), e.g. an
   * operations test's own server (ops-database.ts serverUrl). Default: the e2e database's server.
   */
  maintenanceUrl?: string;
  /** More environment for every instance (e.g. PUBLIC_URL, TRUSTED_PROXIES, SMTP_URL, worker intervals). */
  env?: Record<string, string | undefined>;
}

/** `count` server processes on one fresh database; logs in test-results/e2e-server-<label>-<n>.log. */
export async function startAppInstances(count: number, label: string, options: AppInstancesOptions = {}): Promise<AppInstances> {
  // By default the e2e database's URL doubles as the maintenance connection for CREATE/DROP DATABASE on its server.
  const maintenanceUrl = options.maintenanceUrl ?? e2eDatabaseUrl();
  const name = `consulta_e2e_${label}_${process.pid}_${Date.now().toString(36)}`.replace(/[^a-z0-9_]/g, "_").slice(0, 63);
  await createDatabaseIfMissing(maintenanceUrl, name);
  const url = databaseUrl(maintenanceUrl, name);
  const secret = randomBytes(32).toString("base64");
  const dataDirs: string[] = [];
  const instances: AppInstance[] = [];

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await Promise.allSettled(instances.map((instance) => instance.stop()));
      await dropDatabase(maintenanceUrl, name);
      for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
    })());

  try {
    for (let index = 1; index <= count; index++) {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `consulta-e2e-${label}-${index}-`));
      dataDirs.push(dataDir);
      instances.push(
        await startServer(url, dataDir, {
          logName: `e2e-server-${label}-${index}.log`,
          env: { PUBLIC_URL: undefined, NEXTAUTH_URL: undefined, ...options.env, NEXTAUTH_SECRET: secret },
        }),
      );
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { databaseUrl: url, secret, instances, stop };
}

/**
 * SIGTERM to the instance's process (server.ts itself, as scripts/start.mjs runs it), then waits for
 * its exit: how it exited ("exit code 0", "signal SIGKILL", …) and after how many milliseconds;
 * "still running" after timeoutMs. The process group is then cleaned up by stop().
 */
export async function terminate(instance: AppInstance, timeoutMs = 15_000): Promise<{ exit: string; ms: number }> {
  const started = Date.now();
  if (instance.exit() === undefined) process.kill(instance.pid, "SIGTERM");
  while (instance.exit() === undefined && Date.now() - started < timeoutMs) await new Promise((resolve) => setTimeout(resolve, 10));
  const result = { exit: instance.exit() ?? "still running", ms: Date.now() - started };
  await instance.stop();
  return result;
}
