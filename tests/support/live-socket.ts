/**
 * Live-assembly sockets for integration tests: a real HTTP server running attachLiveServer (with the
 * PostgreSQL adapter on its own pool) on a free port of this process, real socket.io-client
 * connections carrying a real session cookie (next-auth JWT encoded with the server's secret), and
 * a live session on an open round's meeting, made through the domain functions.
 */
import { randomBytes } from "node:crypto";
import { type Server as HttpServer, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { type Socket, io as connect } from "socket.io-client";
import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/session";
import { startLiveSession } from "@/lib/live/start-live-session";
import { selectLiveItem } from "@/lib/live/select-live-item";
import { type LiveServer, attachLiveServer } from "@/lib/live/live-socket-server";
import type { LiveAck } from "@/lib/live/live-socket-protocol";
import { signedInUser } from "./auth-factory";
import { createMeeting } from "./participation-factory";
import { createRound, measureId } from "./round-factory";

/**
 * The cookie secret and no PUBLIC_URL for this file's tests (restored afterwards). Call at the top
 * of the file, before anything reads the secret (lib/auth/secret.ts keeps the first one it reads).
 */
export function liveTestEnvironment(): void {
  const saved = { NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET, PUBLIC_URL: process.env.PUBLIC_URL };
  beforeAll(() => {
    process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64");
    delete process.env.PUBLIC_URL;
  });
  afterAll(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });
}

export interface LiveTestServer {
  /** http://127.0.0.1:<port> — also the origin browsers would send. */
  base: string;
  live: LiveServer;
  pool: pg.Pool;
  close(): Promise<void>;
}

/** An HTTP server on a free port with attachLiveServer on it; its adapter pool on `databaseUrl`. */
export async function startLiveTestServer(db: PrismaClient, databaseUrl: string, { publicOrigin }: { publicOrigin?: string | null } = {}): Promise<LiveTestServer> {
  const http: HttpServer = createServer((_request, response) => response.writeHead(404).end());
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  pool.on("error", () => undefined); // a connection the database ends while the test tears down
  // null: no configured origin, the Host fallback decides.
  const live = attachLiveServer(http, { db, pool, publicOrigin: publicOrigin === null ? undefined : (publicOrigin ?? base) });
  return {
    base,
    live,
    pool,
    async close() {
      await live.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await pool.end();
    },
  };
}

/** Waits until the instances' adapters know each other (heartbeats through PostgreSQL), so fetchSockets counts them all. */
export async function untilInstancesMeet(servers: LiveTestServer[], timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const counts = await Promise.all(servers.map((server) => server.live.io.of("/live").adapter.serverCount()));
    if (counts.every((count) => count === servers.length)) return;
    if (Date.now() > deadline) throw new Error(`instances did not meet: ${counts.join(", ")}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The session cookie the sign-in would set for this UserSession (`secret`: another process's NEXTAUTH_SECRET). */
export async function sessionCookie(sessionId: string, secret = process.env.NEXTAUTH_SECRET): Promise<string> {
  if (!secret) throw new Error("liveTestEnvironment() first");
  return `theme=dark; next-auth.session-token=${await encode({ token: { sid: sessionId }, secret, maxAge: 3600 })}`;
}

export interface ConnectOptions {
  cookie?: string;
  /** Default: the server's own origin. null: no Origin header. */
  origin?: string | null;
  /** Default "/live". */
  namespace?: string;
}

/** A connected "/live" socket, or a rejection with the handshake's refusal (connect_error message). */
export function connectLive(base: string, { cookie, origin = base, namespace = "/live" }: ConnectOptions = {}): Promise<Socket> {
  const headers: Record<string, string> = {};
  if (cookie) headers.cookie = cookie;
  if (origin !== null) headers.origin = origin;
  const socket = connect(`${base}${namespace}`, { transports: ["websocket"], extraHeaders: headers, reconnection: false, forceNew: true, timeout: 10_000 });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** A signed-in person's connected socket (cookie encoded with `secret`, by default this process's). */
export async function connectAs(base: string, actor: Actor, secret?: string): Promise<Socket> {
  return connectLive(base, { cookie: await sessionCookie(actor.sessionId, secret) });
}

/** Sends a command and waits for its acknowledgement. */
export function command<T extends object = Record<string, unknown>>(socket: Socket, event: string, payload: unknown, timeoutMs = 10_000): Promise<LiveAck<T>> {
  return socket.timeout(timeoutMs).emitWithAck(event, payload) as Promise<LiveAck<T>>;
}

/** The first `event` the socket receives that matches, within timeoutMs. */
export function nextMessage<T>(socket: Socket, event: string, matches: (value: T) => boolean = () => true, timeoutMs = 5_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`no matching "${event}" within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (value: T) => {
      if (!matches(value)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(value);
    };
    socket.on(event, listener);
  });
}

/** Everything the socket receives as `event`, from now on. */
export function collect<T>(socket: Socket, event: string): T[] {
  const received: T[] = [];
  socket.on(event, (value: T) => received.push(value));
  return received;
}

export interface LiveFixture {
  roundId: string;
  planId: string;
  meetingId: string;
  measureId: string;
  host: Actor;
  sessionId: string;
  joinCode: string;
  itemId: string;
}

/** An open round, a meeting, a facilitator who started its live session and put measure `code` under discussion. */
export async function liveFixture(db: PrismaClient, code = "1.1"): Promise<LiveFixture> {
  const round = await createRound(db);
  const meetingId = await createMeeting(db, round.id);
  const measure = await measureId(db, round.planId, code);
  const host = await signedInUser(db, "FACILITATOR");
  const { result } = await startLiveSession(db, host, { meetingId });
  const selected = await selectLiveItem(db, host, { sessionId: result.sessionId, measureId: measure });
  return { roundId: round.id, planId: round.planId, meetingId, measureId: measure, host, sessionId: result.sessionId, joinCode: result.joinCode, itemId: selected.result.id };
}

let bulk = 0;

/**
 * `count` confirmed stakeholders with a profile and a live UserSession each, written in three
 * statements (signedInUser hashes a password each: too slow for hundreds). Returns their actors' ids.
 */
export async function manyStakeholders(db: PrismaClient, count: number): Promise<{ userId: string; sessionId: string }[]> {
  bulk += 1;
  const prefix = `live-bulk-${bulk}-${Date.now()}-`;
  await db.$executeRaw`
    INSERT INTO "User" ("id", "email", "emailVerified", "role", "updatedAt")
    SELECT gen_random_uuid(), ${prefix} || i || '@example.it', now(), 'STAKEHOLDER', now() FROM generate_series(1, ${count}::int) AS i`;
  await db.$executeRaw`
    INSERT INTO "StakeholderProfile" ("userId", "displayName", "category", "updatedAt")
    SELECT "id", 'Partecipante ' || "email", 'CITIZEN', now() FROM "User" WHERE "email" LIKE ${prefix + "%"}`;
  return db.$queryRaw<{ userId: string; sessionId: string }[]>`
    INSERT INTO "UserSession" ("id", "userId", "expiresAt")
    SELECT gen_random_uuid(), "id", now() + interval '1 day' FROM "User" WHERE "email" LIKE ${prefix + "%"}
    RETURNING "userId"::text AS "userId", "id"::text AS "sessionId"`;
}
