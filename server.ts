import { createServer } from "node:http";
import next from "next";
import { InvalidEnvironmentError, loadDotEnv, readServerEnv } from "@/lib/config/env";
import { disconnectPrisma, getPrisma } from "@/lib/db/client";
import { ensureDatabase } from "@/lib/db/database";
import { routeConsoleToLogger } from "@/lib/observability/console";
import { logger } from "@/lib/observability/logger";
import { startDatabaseMonitor } from "@/lib/operations/database-availability";
import { gracefulShutdown } from "@/lib/operations/graceful-shutdown";
import { createRequestListener } from "@/lib/operations/http-runtime";
import { operationalGauges } from "@/lib/operations/operational-metrics";
import { readiness, shippedMigrations } from "@/lib/operations/readiness";
import { importSeedPlanIfEmpty } from "@/lib/plan/import-plan";
import { demoBanner, seedDemoDataOnStart } from "@/lib/demo/seed-demo-accounts";
import { checkAuthEnvironment } from "@/lib/auth/secret";
import { readOidcConfig } from "@/lib/auth/oidc-config";
import { createMailTransport } from "@/lib/mail/mail-transport";
import { startOutboxWorker } from "@/lib/mail/outbox-worker";
import { startDailyDigests } from "@/lib/notifications/deliver-daily-digests";
import { parseIpRanges } from "@/lib/security/client-ip";
import { scheduleRateLimitCleanup } from "@/lib/security/rate-limit";
import { startRoundScheduler } from "@/lib/rounds/run-round-scheduler";
import { attachLiveServer } from "@/lib/live/live-socket-server";

/**
 * The custom server: starts (or connects to) PostgreSQL, applies migrations,
 * loads the seed plan on first start, then serves Next on PORT.
 * Socket.IO (live assemblies, namespace "/live") shares this HTTP server and port.
 * Around Next (lib/operations/http-runtime.ts): request ids and access logs, /api/health,
 * /api/ready, /api/metrics, the 503 while the database is down; SIGTERM drains gracefully.
 */
async function main() {
  const startedAt = performance.now();
  // Every line the process writes is one JSON object (Next's and Prisma's console output too).
  routeConsoleToLogger();
  // A rejected promise nobody awaited (e.g. a library during a database outage) is logged, not fatal.
  process.on("unhandledRejection", (reason) => logger.error("unhandled promise rejection", { error: reason }));
  loadDotEnv();
  const env = readServerEnv();
  checkAuthEnvironment();
  // All or nothing: a partial identity-provider configuration stops the start (naming the variable, never its value).
  const oidc = readOidcConfig();
  const dev = env.NODE_ENV !== "production";

  const database = await ensureDatabase({ dataDir: env.DATA_DIR, supervise: true });
  process.env.DATABASE_URL = database.url;
  const seeded = await importSeedPlanIfEmpty(getPrisma(), env.SEED_PLAN_FILE);
  if (seeded) logger.info("seed plan imported", { file: env.SEED_PLAN_FILE, slug: seeded.slug, measures: seeded.measures });
  const demo = await seedDemoDataOnStart(getPrisma(), { embedded: database.embedded, demoData: env.DEMO_DATA, dataDir: env.DATA_DIR });
  const mailTransport = createMailTransport(env);
  const mailWorker = startOutboxWorker({ db: getPrisma(), transport: mailTransport, intervalMs: env.OUTBOX_INTERVAL_MS });
  const dailyDigests = startDailyDigests({ db: getPrisma() });
  const stopRateLimitCleanup = scheduleRateLimitCleanup(getPrisma(), (error) => logger.warn("rate-limit cleanup failed", { error }));
  // Opens and closes rounds at their times (every instance runs it; each transition happens once).
  const roundScheduler = startRoundScheduler(getPrisma(), {
    intervalMs: env.ROUND_SCHEDULER_INTERVAL_MS,
    onError: (error) => logger.error("round scheduler failed", { error }),
    onRun: (run) => logger.info("rounds moved by the scheduler", { opened: run.opened, closed: run.closed }),
  });

  // A public body's server sends nothing to third parties: no Next.js telemetry.
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";
  const app = next({ dev, hostname: nextHostname(env.HOST), port: env.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const trustedProxies = parseIpRanges(env.TRUSTED_PROXIES);
  // SELECT 1 every 2 s (every 0.5 s while down): while the database is down, pages and API calls get a translated 503.
  const databaseMonitor = startDatabaseMonitor(database.url);
  const migrations = shippedMigrations();
  let draining = false;
  let liveConnections = () => 0;
  const server = createServer(
    createRequestListener({
      handle,
      trustedProxies,
      metricsToken: env.METRICS_TOKEN,
      draining: () => draining,
      readiness: () => readiness(getPrisma(), migrations, draining),
      gauges: () => operationalGauges(getPrisma(), liveConnections),
    }),
  );

  // Live assemblies: Socket.IO on this server; its PostgreSQL adapter (a pool on DATABASE_URL) reaches the other instances.
  const live = attachLiveServer(server, { db: getPrisma(), publicOrigin: env.PUBLIC_URL, trustedProxies });
  liveConnections = () => live.connections();

  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "EADDRINUSE" ? new Error(`Port ${env.PORT} is already in use: stop the other program or set PORT to a free port.`) : error),
    );
    server.listen(env.PORT, env.HOST, resolve);
  });
  logger.info("Consulta ready", {
    url: `http://localhost:${env.PORT}`,
    mode: dev ? "development" : "production",
    database: database.embedded ? "embedded" : "external",
    mail: env.SMTP_URL ? mailTransport.target : `written to ${mailTransport.target} (no SMTP_URL)`,
    identityProvider: oidc ? `${oidc.issuer} (callback ${env.PUBLIC_URL?.replace(/\/+$/, "")}/api/auth/callback/oidc)` : "none",
    live: "Socket.IO /live (PostgreSQL adapter)",
    startupMs: Math.round(performance.now() - startedAt),
  });
  // A plain block, not a log line: people read it to sign in.
  if (demo) process.stdout.write(`\n${demoBanner(demo)}\n`);

  const stop = gracefulShutdown({
    server,
    timeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    startDraining: () => {
      draining = true;
    },
    closeLive: () => live.close(),
    cleanup: [
      ["stopping the rate-limit cleanup", stopRateLimitCleanup],
      ["stopping the round scheduler", () => roundScheduler.stop()],
      ["stopping the daily digests", () => dailyDigests.stop()],
      ["stopping the mail worker", () => mailWorker.stop()],
      ["closing the mail transport", () => mailTransport.close()],
      ["stopping the database monitor", () => databaseMonitor.stop()],
      ["closing the database pool", () => disconnectPrisma()],
      ["stopping the embedded database", () => database.stop()],
    ],
  });
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

/**
 * The host name Next builds its own URLs from. Next's proxy sees loopback addresses as "localhost"
 * (NextURL normalises 127.x and [::1]); given "127.0.0.1" here, every rewrite of proxy.ts would look
 * like a different origin and be proxied over HTTP back to this server (a loop: pages hang or
 * redirect). Listening still uses HOST.
 */
function nextHostname(host: string): string {
  return /^(127(\.\d{1,3}){3}|::1|\[::1\])$/.test(host) ? "localhost" : host;
}

main().catch((error: unknown) => {
  // A bad variable is named with what is expected, never with its value.
  if (error instanceof InvalidEnvironmentError) logger.error(`startup failed: invalid environment: ${error.problems.map(({ variable, problem }) => `${variable}: ${problem}`).join("; ")}`, { problems: error.problems });
  else logger.error("startup failed", { error });
  process.exit(1);
});
