/**
 * Scale-out as the README describes it: the nginx recipe (deploy/nginx/consulta.conf), rendered
 * with this test's ports and run by the real nginx, terminating TLS in front of two production
 * server processes on one PostgreSQL of this file's own. Both instances share NEXTAUTH_SECRET and
 * PUBLIC_URL (the proxy's address) and trust the proxy (TRUSTED_PROXIES), which connects to them
 * from an address of its own (127.0.0.3) while the clients come from 127.0.0.1.
 *
 * - Pages through the proxy: plain HTTP redirected to HTTPS; the sticky-route cookie set once and
 *   then honoured; both instances serve; X-Forwarded-Proto believed (HSTS), readiness answered.
 * - Sign-in in a real browser through the proxy: the session recorded with the browser's address
 *   (not the proxy's, not a forged X-Forwarded-For), and valid on the other instance too.
 * - Live sockets through the proxy, WebSocket-only and long-polling, on both instances: a host's
 *   events reach participants on the other instance, their votes reach the host as tallies.
 * - One instance stopped (SIGTERM): its browsers are served by the other, its live client
 *   reconnects through the proxy to the other instance and the session goes on.
 */
import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import type { Browser } from "playwright-core";
import { type Socket, io } from "socket.io-client";
import type { Actor } from "@/lib/auth/session";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import type { LiveEvent, LiveTally } from "@/lib/live/live.types";
import type { LivePresence } from "@/lib/live/live-socket-protocol";
import { findChromium, launchBrowser, newContext } from "../support/browser";
import { freePort } from "../support/e2e-server";
import { type AppInstances, startAppInstances, terminate } from "../support/e2e-instances";
import { confirmedUser, signIn } from "../support/e2e-users";
import { startedLiveSession } from "../support/live-factory";
import { command, nextMessage } from "../support/live-socket";
import { type NginxProxy, PROXY_CA, proxyRequest, routeCookieOf, startNginxProxy } from "../support/nginx-proxy";
import { type OpsDatabase, startOpsDatabase } from "../support/ops-database";
import { measureId, stakeholder } from "../support/round-factory";

jest.setTimeout(240_000);

/** nginx's address towards the instances ("its own host"); clients use 127.0.0.1. */
const PROXY_ADDRESS = "127.0.0.3";

let database: OpsDatabase | undefined;
let app: AppInstances | undefined;
let proxy: NginxProxy | undefined;
let prisma: PrismaClient | undefined;
let browser: Browser | undefined;
const sockets: Socket[] = [];

/** The instances' addresses as nginx logs them (host:port). */
let upstreamA = "";
let upstreamB = "";
/** Sticky-route cookie values that nginx sends to A and to B. */
const routeTo: { A?: string; B?: string } = {};

beforeAll(async () => {
  database = await startOpsDatabase("scale-out");
  const [httpsPort, httpPort] = [await freePort(), await freePort()];
  const publicUrl = `https://127.0.0.1:${httpsPort}`;
  app = await startAppInstances(2, "scale-out", {
    maintenanceUrl: database.serverUrl,
    env: { PUBLIC_URL: publicUrl, TRUSTED_PROXIES: PROXY_ADDRESS },
  });
  [upstreamA, upstreamB] = app.instances.map((instance) => new URL(instance.baseUrl).host) as [string, string];
  proxy = await startNginxProxy({ httpsPort, httpPort, upstreams: [upstreamA, upstreamB], proxyAddress: PROXY_ADDRESS, label: "scale-out" });
  expect(proxy.url).toBe(publicUrl);
  prisma = createPrismaClient(app.databaseUrl, { maxConnections: 3 });
});

afterAll(async () => {
  for (const socket of sockets) socket.close();
  await browser?.close();
  await prisma?.$disconnect();
  await proxy?.stop();
  await app?.stop();
  await database?.destroy();
});

/** A request through the proxy; `route` sends the sticky cookie. */
function viaProxy(pathname: string, { route, headers = {} }: { route?: string; headers?: Record<string, string> } = {}) {
  return proxyRequest(`${proxy!.url}${pathname}`, { headers: route ? { ...headers, cookie: `consulta_route=${route}` } : headers });
}

/** The instance a request without a route cookie was sent to: its Set-Cookie is its request id. */
async function freshRoute(pathname = "/api/health"): Promise<{ route: string; upstream: string; status: number }> {
  const response = await viaProxy(pathname);
  const route = routeCookieOf(response);
  if (!route) throw new Error(`no consulta_route cookie on ${pathname}: ${JSON.stringify(response.headers["set-cookie"])}`);
  return { route, upstream: (await proxy!.logLineOf(route)).upstream, status: response.status };
}

/** The session cookie a sign-in sets, for a socket (PUBLIC_URL is https: the __Secure- name). */
async function sessionCookie(actor: Actor): Promise<string> {
  return `__Secure-next-auth.session-token=${await encode({ token: { sid: actor.sessionId }, secret: app!.secret, maxAge: 3600 })}`;
}

/**
 * A live socket through the proxy, as a browser's: the page's origin, the session cookie, the
 * sticky-route cookie the page load got (when given), only the named transport.
 */
async function liveSocket(actor: Actor, transport: "websocket" | "polling", route?: string, { reconnection = false } = {}): Promise<Socket> {
  const cookie = [route ? `consulta_route=${route}` : null, await sessionCookie(actor)].filter(Boolean).join("; ");
  const socket = io(`${proxy!.url}/live`, {
    transports: [transport],
    extraHeaders: { cookie, origin: proxy!.url },
    ca: PROXY_CA,
    forceNew: true,
    reconnection,
    reconnectionDelay: 200,
    reconnectionDelayMax: 1_000,
    timeout: 10_000,
  });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("connect_error", (error) => reject(new Error(`${transport} socket refused: ${error.message}`)));
  });
  return socket;
}

describe("scale-out: the nginx recipe in front of two instances on one PostgreSQL", () => {
  test("pages through the proxy: HTTPS redirect, one sticky route per browser, both instances serving, the proxy's headers believed", async () => {
    // Plain HTTP: redirected to HTTPS, query kept.
    const plain = await proxyRequest(`${proxy!.httpUrl}/en/consultazioni?pagina=2`);
    expect({ status: plain.status, location: plain.headers.location }).toEqual({ status: 301, location: "https://127.0.0.1/en/consultazioni?pagina=2" });

    // New browsers are spread over both instances; each gets a route cookie of its own.
    for (let attempt = 0; attempt < 40 && !(routeTo.A && routeTo.B); attempt++) {
      const { route, upstream, status } = await freshRoute();
      expect(status).toBe(200);
      if (upstream === upstreamA) routeTo.A ??= route;
      else if (upstream === upstreamB) routeTo.B ??= route;
      else throw new Error(`request ${route} went to ${upstream}`);
    }
    expect({ A: typeof routeTo.A, B: typeof routeTo.B }).toEqual({ A: "string", B: "string" });

    // A browser that has its cookie keeps it (no new Set-Cookie) and stays on its instance: pages in
    // both languages, the public API and readiness.
    for (const [instance, upstream] of [["A", upstreamA], ["B", upstreamB]] as const) {
      for (const pathname of ["/", "/en", "/api/v1/plans", "/api/ready"]) {
        const response = await viaProxy(pathname, { route: routeTo[instance] });
        expect({ pathname, status: response.status, setCookie: routeCookieOf(response) }).toEqual({ pathname, status: 200, setCookie: undefined });
        const requestId = response.headers["x-request-id"];
        // The instance keeps the proxy's request id (it trusts the proxy): one id in both logs.
        expect(requestId).toMatch(/^[0-9a-f]{32}$/);
        // (Readiness checks are not written to nginx's access log.)
        if (pathname !== "/api/ready") expect(await proxy!.logLineOf(String(requestId))).toMatchObject({ path: pathname, status: 200, upstream });
      }
    }
    const ready = await viaProxy("/api/ready", { route: routeTo.A });
    expect(JSON.parse(ready.body)).toMatchObject({ status: "ready" });

    // X-Forwarded-Proto from the trusted proxy: the instance knows the browser used HTTPS (HSTS);
    // reached directly over plain HTTP it does not.
    const page = await viaProxy("/en", { route: routeTo.B });
    expect(page.headers["strict-transport-security"]).toMatch(/max-age=\d+/);
    expect(page.body).toContain('lang="en"');
    const direct = await fetch(`${app!.instances[1]!.baseUrl}/en`);
    expect(direct.headers.get("strict-transport-security")).toBeNull();

    // Metrics are scraped from each instance, never through the balancer.
    expect((await viaProxy("/api/metrics", { route: routeTo.A })).status).toBe(404);
  });

  test("sign-in in a real browser through the proxy: the session has the browser's address and works on the other instance", async () => {
    const chromium = findChromium();
    if (!chromium) throw new Error("Chromium is needed (apt-get install chromium, or CHROMIUM_PATH)");
    browser = await launchBrowser(chromium);
    // A forged X-Forwarded-For from the browser: ignored, the proxy's own hop counts.
    const context = await newContext(browser, proxy!.url, { ignoreHTTPSErrors: true, extraHTTPHeaders: { "x-forwarded-for": "198.51.100.7" } });
    const page = await context.newPage();
    const email = `scale-out-${Date.now()}@example.it`;
    const userId = await confirmedUser(prisma!, email, "STAKEHOLDER", "Ilaria Proxy");

    const before = proxy!.accessLog().length;
    await signIn(page, email);
    const route = (await context.cookies()).find((cookie) => cookie.name === "consulta_route");
    expect(route).toMatchObject({ secure: true, httpOnly: true, sameSite: "Lax" });
    const signedInOn = (await proxy!.logLineOf(route!.value)).upstream;
    expect([upstreamA, upstreamB]).toContain(signedInOn);
    // Every request of this browser went to that one instance.
    const browserRequests = proxy!.accessLog().slice(before);
    expect(browserRequests.length).toBeGreaterThan(3);
    expect(new Set(browserRequests.map((line) => line.upstream))).toEqual(new Set([signedInOn]));

    const sessions = await prisma!.userSession.findMany({ where: { userId }, select: { ipAddress: true } });
    expect(sessions).toEqual([{ ipAddress: "127.0.0.1" }]);

    // The same browser sent to the other instance: still signed in (shared secret, shared database).
    const other = signedInOn === upstreamA ? "B" : "A";
    await context.addCookies([{ name: "consulta_route", value: routeTo[other]!, url: proxy!.url, secure: true, httpOnly: true, sameSite: "Lax" }]);
    const response = await page.goto("/account");
    expect(response?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe("/account");
    expect(await page.locator("main").textContent()).toContain(email);
    const accountLine = proxy!.accessLog().filter((line) => line.path === "/account" && line.method === "GET").at(-1);
    expect(accountLine?.upstream).toBe(other === "A" ? upstreamA : upstreamB);
    await context.close();
  });

  // Set by the live test, used by the stop test.
  let live: Awaited<ReturnType<typeof startedLiveSession>> | undefined;
  let hostOnA: Socket | undefined;
  let participantsOnB: Socket[] = [];

  test("live sockets through the proxy, WebSocket-only and long-polling: events and votes cross the instances", async () => {
    const db = prisma!;
    live = await startedLiveSession(db);
    const { sessionId } = live;
    const measure = await measureId(db, live.round.planId, "1.1");
    const [anna, bruno, carla] = await Promise.all([stakeholder(db), stakeholder(db, "BUSINESS"), stakeholder(db, "THIRD_SECTOR")]);

    // The host's browser is routed to A and long-polls (every request must reach A: the sticky
    // cookie); Anna long-polls on B, Bruno's WebSocket goes to B, Carla's WebSocket has no route
    // cookie at all (WebSocket-only needs no stickiness) and lands wherever.
    hostOnA = await liveSocket(live.host, "polling", routeTo.A, { reconnection: true });
    const annaOnB = await liveSocket(anna, "polling", routeTo.B);
    const brunoOnB = await liveSocket(bruno, "websocket", routeTo.B);
    const carla1 = await liveSocket(carla, "websocket");
    participantsOnB = [annaOnB, brunoOnB];
    const participants = [annaOnB, brunoOnB, carla1];

    expect(await command(hostOnA, "session:join", { sessionId })).toMatchObject({ ok: true, snapshot: { session: { id: sessionId, status: "RUNNING" } } });
    const fourPresent = participants.map((socket) => nextMessage<LivePresence>(socket, "presence", (presence) => presence.connected === 4, 10_000));
    for (const socket of participants) expect(await command(socket, "session:join", { sessionId })).toMatchObject({ ok: true });
    await Promise.all(fourPresent);

    // The host on A selects the measure and opens voting: every participant hears both.
    const selected = participants.map((socket) => nextMessage<LiveEvent>(socket, "event", (event) => event.type === "item.selected", 10_000));
    const select = await command<{ result: { id: string } }>(hostOnA, "item:select", { sessionId, measureId: measure });
    if (!select.ok) throw new Error(select.error.message);
    const itemId = select.result.id;
    for (const event of await Promise.all(selected)) expect(event.payload).toMatchObject({ item: { id: itemId, code: "1.1" } });
    const opened = participants.map((socket) => nextMessage<LiveEvent>(socket, "event", (event) => event.type === "voting.opened", 10_000));
    expect(await command(hostOnA, "voting:open", { sessionId })).toMatchObject({ ok: true });
    await Promise.all(opened);

    // Votes through B (polling and WebSocket) and wherever Carla is: the host on A gets the tally.
    const tallyOnA = nextMessage<LiveTally>(hostOnA, "tally", (tally) => tally.live.total === 3, 10_000);
    const votes = await Promise.all([
      command(annaOnB, "vote:cast", { sessionId, itemId, choice: "SUPPORT", priority: 5, clientVoteId: randomUUID() }),
      command(brunoOnB, "vote:cast", { sessionId, itemId, choice: "OPPOSE", priority: 2, clientVoteId: randomUUID() }),
      command(carla1, "vote:cast", { sessionId, itemId, choice: "SUPPORT", priority: 4, clientVoteId: randomUUID() }),
    ]);
    for (const vote of votes) expect(vote).toMatchObject({ ok: true, vote: { outcome: "created", itemId } });
    expect(await tallyOnA).toMatchObject({ itemId, live: { support: 2, oppose: 1, abstain: 0, total: 3 } });
    expect(await db.vote.count({ where: { roundId: live.round.id, measureId: measure, channel: "LIVE" } })).toBe(3);

    // Through the proxy, long-polling stayed on its instance: no "session unknown" (400) answer,
    // and both instances carried live traffic.
    const socketLines = proxy!.accessLog().filter((line) => line.path === "/socket.io/");
    expect(socketLines.filter((line) => line.status === 400)).toEqual([]);
    expect(new Set(socketLines.map((line) => line.upstream))).toEqual(new Set([upstreamA, upstreamB]));
  });

  test("one instance stopped: the proxy serves its browsers from the other, its live client reconnects there and the session goes on", async () => {
    const [a] = app!.instances as [AppInstances["instances"][number]];
    const host = hostOnA!;
    const { sessionId } = live!;
    // A browser's client reconnects after the server went away (also when the server disconnected
    // it explicitly on shutdown, which socket.io-client leaves to the application).
    host.on("disconnect", (reason) => {
      if (reason === "io server disconnect") host.connect();
    });
    const reconnected = new Promise<void>((resolve) => host.once("disconnect", () => host.once("connect", () => resolve())));

    const stopped = await terminate(a);
    expect(stopped.exit).toBe("exit code 0");

    // A's browsers (their route cookie) are answered by B: pages and readiness.
    for (const pathname of ["/", "/en", "/api/ready"]) {
      const response = await viaProxy(pathname, { route: routeTo.A });
      expect({ pathname, status: response.status }).toEqual({ pathname, status: 200 });
      if (pathname === "/api/ready") continue; // not in nginx's access log
      const line = await proxy!.logLineOf(String(response.headers["x-request-id"]));
      expect(line.upstream.split(", ").at(-1)).toBe(upstreamB);
    }

    // The host's client is back, through the proxy, on B: it rejoins and drives the session; the
    // participants (on B) hear it.
    await reconnected;
    expect(await command(host, "session:join", { sessionId })).toMatchObject({ ok: true, snapshot: { session: { id: sessionId } } });
    const shown = participantsOnB.map((socket) => nextMessage<LiveEvent>(socket, "event", (event) => event.type === "results.shown", 10_000));
    expect(await command(host, "results:show", { sessionId })).toMatchObject({ ok: true });
    await Promise.all(shown);
    expect(participantsOnB.map((socket) => socket.connected)).toEqual([true, true]);
  });
});
