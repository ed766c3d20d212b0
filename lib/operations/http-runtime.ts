import { createHash, randomUUID, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { loggedPath, routeGroup } from "@/lib/observability/http-routes";
import { logger } from "@/lib/observability/logger";
import { type Gauge, observeRequest, renderMetrics } from "@/lib/observability/metrics";
import { acceptedRequestId, runWithRequestContext } from "@/lib/observability/request-context";
import { httpsHeader, stampClientHeaders } from "@/lib/security/client-ip";
import { baseSecurityHeaders, strictTransportSecurity } from "@/lib/security/security-headers";
import { type IpRanges, normaliseIp } from "@/lib/security/ip-address";
import { isDatabaseUp } from "./database-availability";
import type { ReadinessReport } from "./readiness";
import { sendUnavailable } from "./unavailable-response";

/**
 * Everything server.ts does around Next for each HTTP request:
 * - a request id (an incoming x-request-id only from a trusted proxy, else a new UUID) in the
 *   response header, in every log line written meanwhile, and in one access-log line at the end
 *   (method, path without query string and secrets, status, duration) — and the latency histogram;
 * - /api/health, /api/ready and /api/metrics, answered here (they share this process's state);
 * - while the database is down, a translated 503 for everything else but static assets;
 * - while shutting down, `Connection: close` so keep-alive connections end after their request.
 */
export interface RuntimeOptions {
  /** Next's request handler. */
  handle: (request: IncomingMessage, response: ServerResponse) => Promise<void>;
  trustedProxies: IpRanges;
  /** METRICS_TOKEN; unset: /api/metrics answers 404. */
  metricsToken?: string;
  readiness: () => Promise<ReadinessReport>;
  gauges: () => Promise<Gauge[]>;
  draining: () => boolean;
}

const jsonHeaders = { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" };

/** Paths Next serves while the database is down: its static files, public files, Socket.IO (it answers itself). */
function servedWithoutDatabase(pathname: string): boolean {
  if (pathname.startsWith("/_next/static/") || pathname.startsWith("/vendor/") || pathname.startsWith("/socket.io/")) return true;
  return pathname === "/favicon.svg" || pathname === "/favicon.ico" || pathname === "/robots.txt";
}

/**
 * A form's server action sent by the page's script (Next sets the Next-Action header): it goes to
 * Next even while the database is down, so that the form answers with its state — what was typed
 * and the "unavailable" message (lib/web/action-outcome.ts) — instead of the page being replaced.
 * Without script the browser posts a plain form, which gets the 503 page (Back keeps the text).
 */
function isScriptedServerAction(request: IncomingMessage): boolean {
  return request.method === "POST" && typeof request.headers["next-action"] === "string";
}

function pathnameOf(url: string | undefined): string {
  const raw = url ?? "/";
  const end = raw.search(/[?#]/);
  return end === -1 ? raw : raw.slice(0, end);
}

/** Constant-time comparison of a Bearer token with the configured one (hashes: equal length whatever was sent). */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  if (!match) return false;
  const sent = createHash("sha256").update(match[1]!).digest();
  const expected = createHash("sha256").update(token).digest();
  return timingSafeEqual(sent, expected);
}

export function createRequestListener(options: RuntimeOptions): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    const started = process.hrtime.bigint();
    // Before Next: overwrites the client-IP and HTTPS headers so a client cannot forge them.
    stampClientHeaders(request, options.trustedProxies);
    const peer = normaliseIp(request.socket.remoteAddress ?? "") ?? "";
    const requestId = acceptedRequestId(request.headers["x-request-id"], peer !== "" && options.trustedProxies.contains(peer)) ?? randomUUID();
    request.headers["x-request-id"] = requestId;
    response.setHeader("x-request-id", requestId);
    if (options.draining()) response.setHeader("connection", "close");
    const pathname = pathnameOf(request.url);
    const method = request.method ?? "GET";

    response.once("close", () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeGroup(pathname);
      observeRequest(method, route, response.statusCode, seconds);
      runWithRequestContext({ requestId }, () =>
        logger.info("request", {
          method,
          path: loggedPath(pathname),
          route,
          status: response.statusCode,
          durationMs: Math.round(seconds * 1000 * 10) / 10,
          ...(response.writableFinished ? {} : { aborted: true }),
        }),
      );
    });

    runWithRequestContext({ requestId }, () => {
      void dispatch(request, response, pathname, options).catch((error: unknown) => {
        logger.error("request failed", { error, path: loggedPath(pathname) });
        if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain; charset=utf-8" }).end("Internal Server Error");
        else response.end();
      });
    });
  };
}

async function dispatch(request: IncomingMessage, response: ServerResponse, pathname: string, options: RuntimeOptions): Promise<void> {
  const probe = pathname === "/api/health" || pathname === "/api/ready" || pathname === "/api/metrics";
  const unavailable = !probe && !isDatabaseUp() && !servedWithoutDatabase(pathname) && !isScriptedServerAction(request);
  if (!probe && !unavailable) return options.handle(request, response);
  // The answers given here, not by Next, carry the headers next.config.ts gives every response.
  securityHeaders(request, response);
  if (unavailable) return sendUnavailable(request, response, pathname);
  if (pathname === "/api/health") return health(response);
  if (pathname === "/api/ready") return ready(response, options);
  return metrics(request, response, options);
}

function securityHeaders(request: IncomingMessage, response: ServerResponse): void {
  for (const { key, value } of baseSecurityHeaders) response.setHeader(key, value);
  if (request.headers[httpsHeader] === "1") response.setHeader(strictTransportSecurity.key, strictTransportSecurity.value);
}

/** Liveness: 200 while the process serves, whatever the database does (an orchestrator must not restart the app for a database outage). */
function health(response: ServerResponse): void {
  response.writeHead(200, jsonHeaders).end(JSON.stringify({ status: "ok", database: isDatabaseUp() ? "up" : "down" }));
}

async function ready(response: ServerResponse, options: RuntimeOptions): Promise<void> {
  const report = await options.readiness();
  const body = report.ready
    ? { status: "ready" }
    : { status: "not-ready", database: report.database, pendingMigrations: report.pendingMigrations, draining: report.draining };
  response.writeHead(report.ready ? 200 : 503, jsonHeaders).end(JSON.stringify(body));
}

async function metrics(request: IncomingMessage, response: ServerResponse, options: RuntimeOptions): Promise<void> {
  if (!options.metricsToken) {
    response.writeHead(404, jsonHeaders).end(JSON.stringify({ error: { code: "NOT_FOUND", message: "Not found" } }));
    return;
  }
  if (!bearerMatches(request.headers.authorization, options.metricsToken)) {
    response.writeHead(401, { ...jsonHeaders, "www-authenticate": 'Bearer realm="metrics"' }).end(JSON.stringify({ error: { code: "UNAUTHENTICATED", message: "Unauthorized" } }));
    return;
  }
  const text = renderMetrics(await options.gauges());
  response.writeHead(200, { "content-type": "text/plain; version=0.0.4; charset=utf-8", "cache-control": "no-store" }).end(request.method === "HEAD" ? undefined : text);
}
