/**
 * SIGTERM to a real production server process (server.ts) while it works: two instances A and B
 * on one PostgreSQL of this file's own, behind a minimal TCP balancer written here (each new
 * connection goes to A while A accepts connections, else to B — what a proxy's failover does).
 *
 * A gets SIGTERM while two slow uploads (votes whose JSON body arrives in two halves, the second
 * after the signal) are in flight and two live-assembly clients are connected through the balancer:
 * the uploads complete and their votes are stored; A refuses new connections at once; the live
 * clients are told ("shutdown"), see a dropped connection, reconnect by themselves — through the
 * balancer, to B — rejoin, and a vote sent during the gap is delivered after the reconnection;
 * A exits 0 within its bound. Then B, with a request that never completes, exits 1 at its bound
 * (SHUTDOWN_TIMEOUT_MS) with a log line saying so.
 */
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { io, type Socket } from "socket.io-client";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import type { LiveEvent } from "@/lib/live/live.types";
import { startServer } from "../support/e2e-server";
import { type OpsDatabase, startOpsDatabase } from "../support/ops-database";
import { command, nextMessage, sessionCookie } from "../support/live-socket";
import { startedLiveSession, type TestLiveSession } from "../support/live-factory";
import { createRound, measureId, stakeholder } from "../support/round-factory";

jest.setTimeout(240_000);

type Server = Awaited<ReturnType<typeof startServer>>;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const A_TIMEOUT_MS = 8000;
const B_TIMEOUT_MS = 2500;

/** A TCP balancer: each connection to the first backend that accepts it; records where each went. */
async function startBalancer(backends: () => number[]): Promise<{ port: number; routed: number[]; close(): Promise<void> }> {
  const routed: number[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on("close", () => sockets.delete(client));
    client.pause();
    const attempt = (candidates: number[]) => {
      const [port, ...rest] = candidates;
      if (port === undefined) return client.destroy();
      const upstream = net.connect(port, "127.0.0.1");
      upstream.once("connect", () => {
        routed.push(port);
        sockets.add(upstream);
        upstream.on("close", () => sockets.delete(upstream));
        client.pipe(upstream).pipe(client);
        client.resume();
        upstream.on("error", () => client.destroy());
        client.on("error", () => upstream.destroy());
        upstream.on("close", () => client.destroy());
        client.on("close", () => upstream.destroy());
      });
      upstream.once("error", () => attempt(rest));
    };
    attempt(backends());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    routed,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A POST whose body is sent in two halves; `finish()` sends the second. Resolves with the status and body. */
function slowPost(port: number, pathname: string, headers: Record<string, string>, body: string): { finish(): void; done: Promise<{ status: number; body: string }> } {
  const half = Math.floor(body.length / 2);
  const request = http.request({ host: "127.0.0.1", port, path: pathname, method: "POST", agent: false, headers: { ...headers, "content-length": String(Buffer.byteLength(body)) } });
  const done = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request.on("response", (response) => {
      let text = "";
      response.on("data", (chunk) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text }));
      response.on("error", reject);
    });
    request.on("error", reject);
  });
  request.flushHeaders();
  request.write(body.slice(0, half));
  return { finish: () => request.end(body.slice(half)), done };
}

function exited(server: Server, timeoutMs: number): Promise<{ exit: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const poll = () => {
      const how = server.exit();
      if (how || Date.now() - started > timeoutMs) resolve({ exit: how ?? "still running", ms: Date.now() - started });
      else setTimeout(poll, 10);
    };
    poll();
  });
}

function refusesConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code === "ECONNREFUSED"));
  });
}

describe("graceful shutdown on SIGTERM", () => {
  let database: OpsDatabase;
  let a: Server;
  let b: Server;
  let prisma: PrismaClient;
  let balancer: Awaited<ReturnType<typeof startBalancer>>;
  const dataDirs: string[] = [];
  const sockets: Socket[] = [];
  const secret = randomBytes(32).toString("base64");

  beforeAll(async () => {
    database = await startOpsDatabase("shutdown");
    const env = { NEXTAUTH_SECRET: secret, PUBLIC_URL: undefined, NEXTAUTH_URL: undefined };
    const dataDir = () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "consulta-ops-shutdown-data-"));
      dataDirs.push(dir);
      return dir;
    };
    a = await startServer(database.url, dataDir(), { logName: "ops-graceful-shutdown-a.log", env: { ...env, SHUTDOWN_TIMEOUT_MS: String(A_TIMEOUT_MS) } });
    b = await startServer(database.url, dataDir(), { logName: "ops-graceful-shutdown-b.log", env: { ...env, SHUTDOWN_TIMEOUT_MS: String(B_TIMEOUT_MS) } });
    prisma = createPrismaClient(database.url, { maxConnections: 2 });
    const ports = [a, b].map((server) => Number(new URL(server.baseUrl).port));
    balancer = await startBalancer(() => ports);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await balancer?.close();
    await prisma?.$disconnect().catch(() => undefined);
    await Promise.allSettled([a?.stop(), b?.stop()]);
    await database?.destroy();
    for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A live client as the browser's: through the balancer, reconnecting by itself (socket.io-client defaults, short delays). */
  async function liveClient(sessionId: string): Promise<Socket> {
    const base = `http://127.0.0.1:${balancer.port}`;
    const socket = io(`${base}/live`, { transports: ["websocket"], extraHeaders: { cookie: await sessionCookie(sessionId, secret), origin: base }, reconnectionDelay: 200, reconnectionDelayMax: 500, forceNew: true });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", resolve);
      socket.once("connect_error", reject);
    });
    return socket;
  }

  test("A drains: slow uploads complete, new connections are refused, live clients reconnect to B by themselves; exit 0 within the bound", async () => {
    const portA = Number(new URL(a.baseUrl).port);
    const round = await createRound(prisma);
    const measure = await measureId(prisma, round.planId, "1.1");
    const uploaders = [await stakeholder(prisma), await stakeholder(prisma)];

    // A live session whose host and a participant are connected through the balancer (to A).
    const live: TestLiveSession = await startedLiveSession(prisma);
    const liveMeasure = await measureId(prisma, live.round.planId, "2.1");
    const participant = await stakeholder(prisma);
    const host = await liveClient(live.host.sessionId);
    const anna = await liveClient(participant.sessionId);
    expect(balancer.routed).toEqual([portA, portA]);
    const { sessionId } = live;
    expect(await command(host, "session:join", { sessionId })).toMatchObject({ ok: true });
    expect(await command(anna, "session:join", { sessionId })).toMatchObject({ ok: true });
    const selected = await command<{ result: { id: string } }>(host, "item:select", { sessionId, measureId: liveMeasure });
    if (!selected.ok) throw new Error(selected.error.message);
    const itemId = selected.result.id;
    expect(await command(host, "voting:open", { sessionId })).toMatchObject({ ok: true });

    // Two votes in flight on A, their bodies half sent.
    const uploads = await Promise.all(
      uploaders.map(async (voter) =>
        slowPost(
          portA,
          `/api/v1/rounds/${round.id}/votes`,
          { cookie: await sessionCookie(voter.sessionId, secret), origin: a.baseUrl, "content-type": "application/json" },
          JSON.stringify({ measureId: measure, choice: "SUPPORT", priority: 2 }),
        ),
      ),
    );
    await sleep(300);

    const told = Promise.all([nextMessage(host, "shutdown", () => true, 10_000), nextMessage(anna, "shutdown", () => true, 10_000)]);
    const dropped = new Promise<string>((resolve) => anna.once("disconnect", (reason) => resolve(reason)));
    const reconnected = new Promise<void>((resolve) => anna.io.once("reconnect", () => resolve()));
    const signalledAt = Date.now();
    process.kill(a.pid, "SIGTERM");

    // New connections are refused at once (the balancer sends them to B)...
    let refused = false;
    for (let attempt = 0; attempt < 50 && !refused; attempt++) {
      refused = await refusesConnections(portA);
      if (!refused) await sleep(20);
    }
    expect(refused).toBe(true);
    expect(Date.now() - signalledAt).toBeLessThan(2000);
    // ...live clients are told, then see a dropped connection (which socket.io-client reconnects after).
    expect(await told).toEqual([{ reconnect: true }, { reconnect: true }]);
    expect(await dropped).toBe("transport close");
    // A vote sent during the gap waits in the client and goes after the reconnection.
    const clientVoteId = randomUUID();
    const gapVote = command(anna, "vote:cast", { sessionId, itemId, choice: "SUPPORT", clientVoteId }, 20_000);

    // The in-flight uploads still complete on A after the signal: their bodies' second halves arrive now.
    await sleep(1000);
    expect(a.exit()).toBeUndefined();
    for (const upload of uploads) upload.finish();
    const answers = await Promise.all(uploads.map((upload) => upload.done));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    for (const answer of answers) expect(JSON.parse(answer.body)).toMatchObject({ vote: { choice: "SUPPORT", priority: 2, outcome: "created" } });
    expect(await prisma.vote.count({ where: { roundId: round.id, measureId: measure, userId: { in: uploaders.map((voter) => voter.userId) }, choice: "SUPPORT", priority: 2 } })).toBe(2);

    // A exits 0, within its bound.
    const stopped = await exited(a, A_TIMEOUT_MS + 5000);
    expect({ exit: stopped.exit, withinBound: Date.now() - signalledAt < A_TIMEOUT_MS }).toEqual({ exit: "exit code 0", withinBound: true });
    const logA = fs.readFileSync(a.logFile, "utf8");
    expect(logA).toContain('"message":"shutting down","signal":"SIGTERM"');
    expect(logA).toContain('"message":"stopped"');

    // The participant reconnected by itself — through the balancer, to B — rejoins, and the gap's vote was delivered there.
    await reconnected;
    expect(balancer.routed.slice(2)).not.toContain(portA);
    expect(balancer.routed.slice(2)).toContain(Number(new URL(b.baseUrl).port));
    expect(await gapVote).toMatchObject({ ok: true, vote: { itemId, choice: "SUPPORT" } });
    const rejoined = await command<{ snapshot?: unknown; events?: LiveEvent[] }>(anna, "session:join", { sessionId, lastSeq: 0 });
    expect(rejoined).toMatchObject({ ok: true });
    expect(await prisma.liveVoteReceipt.count({ where: { clientVoteId } })).toBe(1);
    expect(await prisma.vote.findFirst({ where: { roundId: live.round.id, measureId: liveMeasure, userId: participant.userId }, select: { choice: true, channel: true } })).toEqual({ choice: "SUPPORT", channel: "LIVE" });
  });

  test("a request that never completes: B exits 1 at its bound, saying so", async () => {
    const portB = Number(new URL(b.baseUrl).port);
    const voter = await stakeholder(prisma);
    const round = await prisma.round.findFirstOrThrow({ where: { status: "OPEN" }, select: { id: true, planId: true } });
    const hanging = slowPost(portB, `/api/v1/rounds/${round.id}/votes`, { cookie: await sessionCookie(voter.sessionId, secret), origin: b.baseUrl, "content-type": "application/json" }, JSON.stringify({ measureId: randomUUID(), choice: "SUPPORT" }));
    hanging.done.catch(() => undefined);
    await sleep(300);
    const signalledAt = Date.now();
    process.kill(b.pid, "SIGTERM");
    const stopped = await exited(b, B_TIMEOUT_MS + 10_000);
    const ms = Date.now() - signalledAt;
    expect(stopped.exit).toBe("exit code 1");
    expect(ms).toBeGreaterThanOrEqual(B_TIMEOUT_MS - 100);
    expect(ms).toBeLessThan(B_TIMEOUT_MS + 3000);
    const line = fs
      .readFileSync(b.logFile, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((text) => JSON.parse(text) as Record<string, unknown>)
      .find((entry) => entry.message === "shutdown timed out: exiting with work still running");
    expect(line).toMatchObject({ level: "error", timeoutMs: B_TIMEOUT_MS, step: "waiting for in-flight requests" });
  });
});
