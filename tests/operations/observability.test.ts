/**
 * Observability of the real production server (server.ts) on a PostgreSQL of this file's own:
 * every line it writes is one JSON object; each request has an id (x-request-id response header,
 * the access-log line, every line written meanwhile); a whole sign-up → confirmation → sign-in →
 * comment flow in Chromium, with a known e-mail address, password, name, town and comment text,
 * leaves none of them (nor the confirmation token or the session cookie) in the logs; /api/metrics
 * answers only with the Bearer token, and its figures move with what happens.
 */
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { findChromium, launchBrowser, newContext } from "../support/browser";
import { startServer } from "../support/e2e-server";
import { type OpsDatabase, startOpsDatabase } from "../support/ops-database";
import { connectAs, sessionCookie } from "../support/live-socket";
import { startedLiveSession } from "../support/live-factory";
import { createRound, measureId, stakeholder } from "../support/round-factory";
import { linksIn, parseMessage } from "../support/smtp-server";

jest.setTimeout(240_000);

type Server = Awaited<ReturnType<typeof startServer>>;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("logs and metrics", () => {
  let database: OpsDatabase;
  let server: Server;
  let prisma: PrismaClient;
  let browser: Browser;
  let dataDir: string;
  const secret = randomBytes(32).toString("base64");
  const metricsToken = randomBytes(24).toString("hex");

  beforeAll(async () => {
    const chromium = findChromium();
    if (!chromium) throw new Error("No Chromium found (set CHROMIUM_PATH).");
    database = await startOpsDatabase("observability");
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "consulta-ops-observability-data-"));
    server = await startServer(database.url, dataDir, {
      logName: "ops-observability.log",
      env: { NEXTAUTH_SECRET: secret, METRICS_TOKEN: metricsToken, TRUSTED_PROXIES: "127.0.0.1", PUBLIC_URL: undefined, NEXTAUTH_URL: undefined },
    });
    prisma = createPrismaClient(database.url, { maxConnections: 2 });
    browser = await launchBrowser(chromium);
  });
  afterAll(async () => {
    await browser?.close();
    await prisma?.$disconnect().catch(() => undefined);
    await server?.stop();
    await database?.destroy();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const url = (pathname: string) => new URL(pathname, server.baseUrl).toString();
  const logLines = (): Record<string, unknown>[] =>
    fs
      .readFileSync(server.logFile, "utf8")
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => {
        try {
          return JSON.parse(line) as Record<string, unknown>;
        } catch {
          throw new Error(`a log line is not JSON: ${line.slice(0, 300)}`);
        }
      });

  async function mailTo(address: string, matches: (text: string) => boolean): Promise<{ text: string }> {
    const dir = path.join(dataDir, "mail");
    for (let attempt = 0; attempt < 120; attempt++) {
      for (const file of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
        const raw = fs.readFileSync(path.join(dir, file), "utf8");
        const mail = parseMessage(raw);
        if (raw.includes(address) && matches(mail.text)) return mail;
      }
      await sleep(250);
    }
    throw new Error(`no mail to ${address}`);
  }

  test("every line is JSON; request ids in the header, the access log and the lines written meanwhile; a trusted proxy's id is kept", async () => {
    const plain = await fetch(url("/piani?filtro=segreto"));
    expect(plain.status).toBe(200);
    const id = plain.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // From a trusted proxy (TRUSTED_PROXIES=127.0.0.1): its id is kept when plain; a malformed one is replaced.
    const traced = await fetch(url("/api/health"), { headers: { "x-request-id": "proxy-trace.42:a" } });
    expect(traced.headers.get("x-request-id")).toBe("proxy-trace.42:a");
    const forged = await fetch(url("/api/health"), { headers: { "x-request-id": "<script>alert(1)</script>" } });
    expect(forged.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    // An API error written to the log while handling a request carries that request's id.
    const missing = await fetch(url("/api/v1/plans/not-a-plan"));
    const missingId = missing.headers.get("x-request-id");
    await missing.text();

    await sleep(300);
    const lines = logLines();
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(line).toEqual(expect.objectContaining({ time: expect.any(String), level: expect.stringMatching(/^(debug|info|warn|error)$/), message: expect.any(String) }));
    const access = lines.find((line) => line.message === "request" && line.requestId === id);
    expect(access).toMatchObject({ level: "info", method: "GET", path: "/piani", route: "piani", status: 200, durationMs: expect.any(Number) });
    expect(JSON.stringify(access)).not.toContain("segreto");
    expect(lines.find((line) => line.message === "request" && line.requestId === "proxy-trace.42:a")).toMatchObject({ path: "/api/health", status: 200 });
    expect(lines.filter((line) => line.requestId === missingId).map((line) => line.message)).toContain("request");
    expect(lines.some((line) => line.message === "request" && line.requestId === "<script>alert(1)</script>")).toBe(false);
  });

  test("sign-up, confirmation, sign-in and a comment leave no e-mail address, password, name, town, text, token or cookie in the logs", async () => {
    const round = await createRound(prisma);
    const stamp = randomUUID().slice(0, 8);
    const email = `ottavia.${stamp}@example.org`;
    const password = `Lungarno Gambacorti ${stamp}!`;
    const displayName = `Ottavia Quintiliani ${stamp}`;
    const municipality = `Vicopisano${stamp}`;
    const commentText = `Un commento riconoscibile ${stamp} sulle piste ciclabili.`;

    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await page.goto("/registrati");
    await page.fill("#email", email);
    await page.fill("#password", password);
    await page.fill("#displayName", displayName);
    await page.selectOption("#category", "CITIZEN");
    await page.fill("#municipality", municipality);
    await page.click("form button[type=submit]");
    await page.waitForURL("**/registrati/controlla-email");
    const mail = await mailTo(email, (text) => text.includes("/conferma-email?token="));
    const link = linksIn(mail).find((href) => href.includes("/conferma-email?token="))!;
    const token = new URL(link).searchParams.get("token")!;
    await page.goto(new URL(new URL(link).pathname + new URL(link).search, server.baseUrl).toString());
    await page.click("button[type=submit]");
    await page.waitForURL("**/accedi?esito=confermato");
    await page.fill("#email", email);
    await page.fill("#password", password);
    await page.keyboard.press("Enter");
    await page.waitForURL("**/account");
    const cookie = (await context.cookies()).find((entry) => entry.name.includes("session-token"))!;
    expect(cookie).toBeDefined();

    await page.goto(`/piani/${round.planSlug}/misure/1.1`);
    await page.fill("#comment-new-body", commentText);
    await page.click("#commenti form:has(#comment-new-body) button[type=submit]");
    await page.waitForURL((address) => address.searchParams.get("esito") === "commento-pubblicato");
    await context.close();
    const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    expect(await prisma.comment.count({ where: { authorId: user.id, body: commentText } })).toBe(1);

    await sleep(500);
    const log = fs.readFileSync(server.logFile, "utf8");
    const lines = logLines();
    expect(lines.filter((line) => line.message === "request" && String(line.path).startsWith("/conferma-email")).length).toBeGreaterThan(0);
    for (const [what, value] of Object.entries({ email, emailLocalPart: `ottavia.${stamp}`, password, displayName, municipality, commentText, token, cookie: cookie.value.slice(0, 40) })) {
      expect({ what, inLog: log.includes(value) }).toEqual({ what, inLog: false });
    }
    // The stamp appears nowhere at all (it is part of every personal value above).
    expect(log.includes(stamp)).toBe(false);
  });

  test("/api/metrics: 401 without or with a wrong token; with it, Prometheus text whose figures move", async () => {
    expect((await fetch(url("/api/metrics"))).status).toBe(401);
    expect((await fetch(url("/api/metrics"), { headers: { authorization: `Bearer ${metricsToken.slice(0, -1)}x` } })).status).toBe(401);
    expect((await fetch(url("/api/metrics"), { headers: { authorization: metricsToken } })).status).toBe(401);

    const scrape = async () => {
      const response = await fetch(url("/api/metrics"), { headers: { authorization: `Bearer ${metricsToken}` } });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
      return response.text();
    };
    const figure = (text: string, series: string): number => {
      const line = text.split("\n").find((candidate) => candidate.startsWith(`${series} `));
      return line ? Number(line.slice(series.length + 1)) : 0;
    };

    const before = await scrape();
    const piani = 'consulta_http_request_duration_seconds_count{method="GET",route="en/piani",status="2xx"}';
    for (let index = 0; index < 3; index++) expect((await fetch(url("/en/piani"))).status).toBe(200);

    // A web vote through the API, a live socket, and a mail waiting in the outbox.
    const live = await startedLiveSession(prisma);
    const voteRound = live.round;
    const voter = await stakeholder(prisma);
    const vote = await fetch(url(`/api/v1/rounds/${voteRound.id}/votes`), {
      method: "POST",
      headers: { cookie: await sessionCookie(voter.sessionId, secret), origin: server.baseUrl, "content-type": "application/json" },
      body: JSON.stringify({ measureId: await measureId(prisma, voteRound.planId, "2.1"), choice: "SUPPORT" }),
    });
    expect(vote.status).toBe(200);
    const socket = await connectAs(server.baseUrl, live.host, secret);
    await prisma.emailOutbox.create({ data: { to: "nobody@example.org", subject: "x", text: "x", sendAfter: new Date(Date.now() + 3_600_000) } });

    try {
      const after = await scrape();
      expect(after).toContain("# TYPE consulta_http_request_duration_seconds histogram");
      expect(figure(after, piani) - figure(before, piani)).toBe(3);
      expect(figure(after, "consulta_votes_total") - figure(before, "consulta_votes_total")).toBe(1);
      expect(figure(after, "consulta_votes_last_minute")).toBeGreaterThanOrEqual(1);
      expect(figure(after, "consulta_live_connections")).toBe(1);
      expect(figure(after, "consulta_outbox_backlog") - figure(before, "consulta_outbox_backlog")).toBe(1);
      expect(figure(after, "consulta_database_up")).toBe(1);
      expect(figure(after, "process_resident_memory_bytes")).toBeGreaterThan(0);
      // Route labels are a bounded set: no ids, slugs or query strings.
      const routes = new Set([...after.matchAll(/route="([^"]*)"/g)].map((match) => match[1]!));
      for (const route of routes) expect(route).toMatch(/^(en\/)?[a-z0-9_./-]+$/);
      expect([...routes].some((route) => /[0-9a-f]{8}-/.test(route))).toBe(false);
    } finally {
      socket.close();
    }
  });
});
