/**
 * PostgreSQL stopped while the app serves (a restart, a failover), then started again on the same
 * address: the real production server (server.ts) on a PostgreSQL of this file's own
 * (tests/support/ops-database.ts), which the test stops with a fast shutdown — every connection cut
 * — in the middle of a burst of web votes.
 *
 * While it is down: pages answer a translated 503 page (Italian at "/", English under "/en"), API
 * calls a translated JSON error, both with Retry-After and without a stack trace; /api/health still
 * answers 200 and reports the database down; /api/ready answers 503; the process does not die.
 * Every vote is all or nothing (a changed vote's history entry and its update are one transaction).
 * Started again: the same process answers normally, without a restart.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { expectNoAxeViolations } from "../support/axe";
import { findChromium, launchBrowser, newContext } from "../support/browser";
import { confirmedUser, signIn } from "../support/e2e-users";
import { startServer } from "../support/e2e-server";
import { type OpsDatabase, startOpsDatabase } from "../support/ops-database";
import { sessionCookie } from "../support/live-socket";
import { createRound, measureId, stakeholder, type TestRound } from "../support/round-factory";

jest.setTimeout(240_000);

type Server = Awaited<ReturnType<typeof startServer>>;
const choices = ["SUPPORT", "OPPOSE", "ABSTAIN"] as const;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("PostgreSQL unavailable for a while", () => {
  let database: OpsDatabase;
  let server: Server;
  let prisma: PrismaClient;
  let dataDir: string;
  let browser: Browser | undefined;
  const secret = randomBytes(32).toString("base64");

  beforeAll(async () => {
    database = await startOpsDatabase("outage");
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "consulta-ops-outage-data-"));
    server = await startServer(database.url, dataDir, { logName: "ops-database-outage.log", env: { NEXTAUTH_SECRET: secret, PUBLIC_URL: undefined, NEXTAUTH_URL: undefined } });
    prisma = createPrismaClient(database.url, { maxConnections: 2 });
  });
  afterAll(async () => {
    await browser?.close();
    await prisma?.$disconnect().catch(() => undefined);
    await server?.stop();
    await database?.destroy();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const url = (pathname: string) => new URL(pathname, server.baseUrl).toString();
  const get = (pathname: string, headers: Record<string, string> = {}) => fetch(url(pathname), { headers, redirect: "manual", signal: AbortSignal.timeout(20_000) });

  async function health(): Promise<{ status: number; body: { status: string; database: string } }> {
    const response = await get("/api/health");
    return { status: response.status, body: (await response.json()) as { status: string; database: string } };
  }

  async function until(what: string, condition: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (await condition().catch(() => false)) return;
      await sleep(100);
    }
    throw new Error(`timed out waiting for: ${what}`);
  }

  interface Voter {
    userId: string;
    cookie: string;
  }

  function vote(round: TestRound, voter: Voter, measure: string, choice: (typeof choices)[number]): Promise<Response> {
    return fetch(url(`/api/v1/rounds/${round.id}/votes`), {
      method: "POST",
      headers: { cookie: voter.cookie, origin: server.baseUrl, "content-type": "application/json", "accept-language": "en" },
      body: JSON.stringify({ measureId: measure, choice }),
      signal: AbortSignal.timeout(30_000),
    });
  }

  test("a burst of votes across the outage: translated 503s without stack traces, health and readiness tell, every vote all or nothing, the app answers again by itself", async () => {
    // Before: everything answers.
    expect(await health()).toEqual({ status: 200, body: { status: "ok", database: "up" } });
    expect((await get("/api/ready")).status).toBe(200);
    expect((await get("/")).status).toBe(200);

    const round = await createRound(prisma);
    const measures = await Promise.all(["1.1", "1.2", "2.1"].map((code) => measureId(prisma, round.planId, code)));
    const voters: Voter[] = [];
    for (let index = 0; index < 6; index++) {
      const actor = await stakeholder(prisma);
      voters.push({ userId: actor.userId, cookie: await sessionCookie(actor.sessionId, secret) });
    }

    // Each voter changes their votes in a loop (one request at a time) until told the service is unavailable twice.
    const outcomes: { status: number; code?: string; stack: boolean }[] = [];
    const acknowledged = new Map<string, (typeof choices)[number]>();
    let stopVoting = false;
    const workers = voters.map(async (voter, index) => {
      let unavailable = 0;
      for (let turn = 0; !stopVoting && unavailable < 2 && turn < 200; turn++) {
        const measure = measures[turn % measures.length]!;
        const choice = choices[(turn + index) % choices.length]!;
        let response: Response;
        try {
          response = await vote(round, voter, measure, choice);
        } catch {
          outcomes.push({ status: 0, stack: false });
          continue;
        }
        const text = await response.text();
        const body = JSON.parse(text) as { vote?: unknown; error?: { code: string } };
        outcomes.push({ status: response.status, code: body.error?.code, stack: /\n\s+at |node_modules|\.ts:\d+/.test(text) });
        if (response.status === 200) acknowledged.set(`${voter.userId}:${measure}`, choice);
        if (response.status === 503) unavailable += 1;
      }
    });

    await sleep(600);
    await database.stop();
    let giveUp: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all(workers), new Promise((resolve) => (giveUp = setTimeout(resolve, 60_000)))]);
    clearTimeout(giveUp);
    stopVoting = true;
    await Promise.all(workers);

    // Requests were answered (or cut) but never with a 500 or a stack trace; those refused say UNAVAILABLE.
    expect(outcomes.filter((outcome) => outcome.status === 200).length).toBeGreaterThan(0);
    expect(outcomes.filter((outcome) => outcome.status === 503).length).toBeGreaterThan(0);
    expect(outcomes.filter((outcome) => ![0, 200, 503].includes(outcome.status))).toEqual([]);
    expect(outcomes.filter((outcome) => outcome.status === 503 && outcome.code !== "UNAVAILABLE")).toEqual([]);
    expect(outcomes.filter((outcome) => outcome.stack)).toEqual([]);

    // Health is a liveness probe: 200, database down. Readiness takes the instance out of rotation.
    await until("health reports the database down", async () => (await health()).body.database === "down");
    expect(await health()).toEqual({ status: 200, body: { status: "ok", database: "down" } });
    const ready = await get("/api/ready");
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: "not-ready", database: "down", pendingMigrations: [], draining: false });

    // Pages: a translated 503 page, in the page's language, with Retry-After, no stack trace.
    for (const [pathname, lang, heading] of [
      ["/", "it", "Servizio momentaneamente non disponibile"],
      ["/piani", "it", "Servizio momentaneamente non disponibile"],
      ["/en/piani", "en", "Service temporarily unavailable"],
    ] as const) {
      const response = await get(pathname);
      const html = await response.text();
      expect({ pathname, status: response.status, retryAfter: response.headers.get("retry-after"), type: response.headers.get("content-type") }).toEqual({
        pathname,
        status: 503,
        retryAfter: "5",
        type: "text/html; charset=utf-8",
      });
      expect(html).toContain(`<html lang="${lang}">`);
      expect(html).toContain(`<h1>${heading}</h1>`);
      expect(html).not.toMatch(/\n\s+at |node_modules|Prisma|ECONNREFUSED/);
      expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    }
    // API calls: the JSON error in the caller's language.
    for (const [language, message] of [
      ["it", "Il servizio è momentaneamente non disponibile: il database non risponde. Riprova tra qualche istante."],
      ["en", "The service is temporarily unavailable: the database is not answering. Please try again in a few moments."],
    ] as const) {
      const response = await get("/api/v1/plans", { "accept-language": language });
      expect({ status: response.status, retryAfter: response.headers.get("retry-after"), body: await response.json() }).toEqual({
        status: 503,
        retryAfter: "5",
        body: { error: { code: "UNAVAILABLE", message } },
      });
    }
    // A form post (a server action) is refused the same way, not with an error page.
    const post = await fetch(url("/accedi"), { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", origin: server.baseUrl }, body: "email=a%40b.it&password=x", redirect: "manual" });
    expect(post.status).toBe(503);
    await post.text();
    // The process lives through it (no idle pool client error crashed it).
    expect(server.exit()).toBeUndefined();

    // The database is back: the same process answers normally, by itself.
    await database.start();
    await until("health reports the database up", async () => (await health()).body.database === "up");
    expect((await get("/api/ready")).status).toBe(200);
    expect((await get("/")).status).toBe(200);
    expect((await get("/en/piani")).status).toBe(200);
    const again = await vote(round, voters[0]!, measures[0]!, "SUPPORT");
    expect(again.status).toBe(200);
    acknowledged.set(`${voters[0]!.userId}:${measures[0]}`, "SUPPORT");
    expect(server.exit()).toBeUndefined();

    // Without METRICS_TOKEN the metrics endpoint does not exist.
    expect((await get("/api/metrics", { authorization: "Bearer anything" })).status).toBe(404);
    // The warnings written while requests met the outage carry those requests' ids; no 500 was logged.
    const lines = fs
      .readFileSync(server.logFile, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { message: string; requestId?: string; status?: number });
    const warned = lines.filter((line) => line.message === "database unreachable while handling a request");
    const refused = new Set(lines.filter((line) => line.message === "request" && line.status === 503).map((line) => line.requestId));
    expect(warned.length).toBeGreaterThan(0);
    for (const line of warned) expect(refused.has(line.requestId)).toBe(true);
    expect(lines.filter((line) => line.message === "request" && line.status === 500)).toEqual([]);
    expect(lines.filter((line) => line.message === "unexpected error")).toEqual([]);

    // All or nothing: a changed vote's history entry and update were one transaction, so the newest
    // history entry was written at the very moment of the vote's last update — never one without the other.
    const votes = await prisma.vote.findMany({
      where: { roundId: round.id },
      select: { userId: true, measureId: true, choice: true, updatedAt: true, history: { select: { replacedAt: true }, orderBy: { replacedAt: "desc" }, take: 1 } },
    });
    expect(votes.length).toBeGreaterThan(0);
    const halfWritten = votes.filter((row) => row.history[0] && row.history[0].replacedAt.getTime() !== row.updatedAt.getTime());
    expect(halfWritten).toEqual([]);
    // Every acknowledged vote is stored (a later, unacknowledged one may have replaced its choice).
    for (const key of acknowledged.keys()) {
      const [userId, measure] = key.split(":");
      expect(votes.some((row) => row.userId === userId && row.measureId === measure)).toBe(true);
    }
  });

  test("a form sent while the database is down answers in place with the message and keeps the typed text; sent again once it is back, it goes through", async () => {
    const chromium = findChromium();
    if (!chromium) throw new Error("No Chromium found (set CHROMIUM_PATH).");
    browser = await launchBrowser(chromium);
    const round = await prisma.round.findFirstOrThrow({ where: { status: "OPEN" }, orderBy: { createdAt: "desc" }, select: { id: true, plan: { select: { slug: true } } } });
    const email = `outage-${Date.now()}@example.org`;
    const userId = await confirmedUser(prisma, email, "STAKEHOLDER", "Persona Paziente");
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await signIn(page, email);
    await page.goto(`/piani/${round.plan.slug}/misure/1.2`);
    const text = "Scritto mentre il database era spento: non deve andare perso.";
    await page.fill("#comment-new-body", text);

    await database.stop();
    await until("health reports the database down", async () => (await health()).body.database === "down");
    await page.click("#commenti form:has(#comment-new-body) button[type=submit]");
    await page.locator("#commenti .alert-danger").filter({ hasText: "Il servizio è momentaneamente non disponibile" }).waitFor();
    expect(await page.inputValue("#comment-new-body")).toBe(text);
    expect(await page.locator("h1").count()).toBeGreaterThan(0);
    expect(await page.content()).not.toContain("Si è verificato un errore");

    // The 503 page itself, in both languages: accessible like every other page.
    const outagePage = await context.newPage();
    for (const [path, heading] of [["/piani", "Servizio momentaneamente non disponibile"], ["/en/piani", "Service temporarily unavailable"]] as const) {
      const response = await outagePage.goto(path);
      expect(response?.status()).toBe(503);
      expect(await outagePage.textContent("h1")).toBe(heading);
      await expectNoAxeViolations(outagePage, `503 ${path}`);
    }
    await outagePage.close();

    await database.start();
    await until("health reports the database up", async () => (await health()).body.database === "up");
    await page.click("#commenti form:has(#comment-new-body) button[type=submit]");
    await page.waitForURL((address) => address.searchParams.get("esito") === "commento-pubblicato");
    expect(await prisma.comment.findMany({ where: { authorId: userId }, select: { body: true } })).toEqual([{ body: text }]);
    await context.close();
    expect(server.exit()).toBeUndefined();
  });
});
