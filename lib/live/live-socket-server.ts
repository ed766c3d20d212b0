import type { IncomingMessage, Server as HttpServer } from "node:http";
import { createAdapter } from "@socket.io/postgres-adapter";
import pg from "pg";
import { Server, type Namespace, type Socket } from "socket.io";
import type { z } from "zod";
import { type Actor, getSession } from "@/lib/auth/session";
import { cookieFromHeader, sessionCookieName, sessionIdFromCookie } from "@/lib/auth/session-cookie";
import type { PrismaClient } from "@/lib/db/client";
import { AppError, isAppError } from "@/lib/errors/app-error";
import { localeOrDefault } from "@/lib/i18n/locales";
import { createTranslator } from "@/lib/i18n/translate";
import { logger } from "@/lib/observability/logger";
import { countVote } from "@/lib/observability/metrics";
import { resolveHttps } from "@/lib/security/client-ip";
import { type IpRanges, parseIpRanges } from "@/lib/security/ip-address";
import { castLiveVote } from "./cast-live-vote";
import { decideLiveGuest } from "./decide-live-guest";
import { handleLiveBroadcastRequests } from "./live-broadcast-requests";
import { pendingLiveGuests } from "./list-live-guest-requests";
import { closeLiveVoting } from "./close-live-voting";
import { endLiveSession } from "./end-live-session";
import { getLiveTally } from "./get-live-tally";
import { joinLiveSession } from "./join-live-session";
import { listLiveEvents } from "./list-live-events";
import { isLiveHost, requireLiveHost } from "./live.policy";
import { castLiveVoteSchema, decideLiveGuestSchema, liveJoinSchema, liveSessionCommandSchema, parseLiveInput, recordPaperTallySchema, selectLiveItemSchema } from "./live.schemas";
import type { LiveChange, LiveEvent } from "./live.types";
import { LIVE_NAMESPACE, type LiveAck, type LiveAckError, type LiveHostCommand, type LiveServerToClientEvents } from "./live-socket-protocol";
import { openLiveVoting } from "./open-live-voting";
import { pauseLiveSession } from "./pause-live-session";
import { recordPaperTally } from "./record-paper-tally";
import { resumeLiveSession } from "./resume-live-session";
import { selectLiveItem } from "./select-live-item";
import { showLiveResults } from "./show-live-results";

/**
 * Live assemblies over Socket.IO, on the same HTTP server (and port) as Next (server.ts attaches it).
 *
 * - Handshake (namespace "/live"): the Origin must be the public origin (else `connect_error`
 *   "origin"), and the next-auth session cookie must name a live UserSession (else "unauthenticated").
 * - Every command re-reads the session (one query), so a revoked session stops at its next command;
 *   payloads are validated with lib/live/live.schemas.ts and the domain functions do the rest
 *   (authorization, one transaction per change, the event log). Events are emitted to the room
 *   `live:<sessionId>` only after the domain call returned, i.e. after its commit.
 * - Tallies are coalesced per session (at most one every TALLY_INTERVAL_MS, the last vote always
 *   reflected), read from the database; the hosts' sub-room `live:<id>:hosts` always gets them, the
 *   room once the results are shown.
 * - Several instances: the PostgreSQL adapter (LISTEN/NOTIFY; payloads over 8,000 bytes through the
 *   socket_io_attachments table of migration socket_io_attachments) carries every broadcast to the
 *   sockets of the other instances, and fetchSockets() counts presence across them.
 */
export const TALLY_INTERVAL_MS = 150;
const PRESENCE_INTERVAL_MS = 250;

export interface LiveServerOptions {
  db: PrismaClient;
  /** The origin browsers connect from (PUBLIC_URL's); defaults to PUBLIC_URL, else http(s)://<Host>. */
  publicOrigin?: string;
  /** The pool of the PostgreSQL adapter; by default one on DATABASE_URL, ended by close(). */
  pool?: pg.Pool;
  /** Proxies whose X-Forwarded-Proto is believed (TRUSTED_PROXIES), for the http(s) of the Host fallback. */
  trustedProxies?: IpRanges;
  /** Coalescing interval of tally broadcasts per session (default TALLY_INTERVAL_MS). */
  tallyIntervalMs?: number;
}

export interface LiveServer {
  io: Server<ClientEvents, LiveServerToClientEvents, Record<string, never>, SocketData>;
  /** Sockets connected to this instance's "/live" namespace (metrics). */
  connections(): number;
  /**
   * Shutdown: tells this instance's clients (`shutdown` event) and closes their connections as a
   * dropped connection, so that socket.io-client reconnects by itself — to another instance behind
   * the proxy — then rejoins with its lastSeq and resends its queued votes. (A server-side
   * disconnect() would stop the client from reconnecting.) Then the adapter and its pool.
   */
  close(): Promise<void>;
}

/** How long close() lets the `shutdown` notices reach the clients before cutting the rest. */
const NOTICE_FLUSH_MS = 1000;
/** How long close() waits for the adapter and its pool to end. */
const ADAPTER_CLOSE_MS = 2000;

/** Waits for `work`, at most `ms` (its failure is ignored: close() goes on). */
async function within(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([work.catch(() => undefined), new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

export interface SocketData {
  /** The UserSession id from the cookie: re-checked by every command. */
  userSessionId: string;
  actor: Actor;
  /** The live session this socket joined (one at a time). */
  liveSessionId?: string;
}

/** Client events are checked at run time (payload object, ack function), not trusted by type. */
export type ClientEvents = Record<string, (...args: unknown[]) => void>;
type LiveSocket = Socket<ClientEvents, LiveServerToClientEvents, Record<string, never>, SocketData>;
type LiveNamespace = Namespace<ClientEvents, LiveServerToClientEvents, Record<string, never>, SocketData>;
type Ack = (response: LiveAck) => void;

const room = (sessionId: string) => `live:${sessionId}`;
const hostsRoom = (sessionId: string) => `live:${sessionId}:hosts`;

type HostCommand = (db: PrismaClient, actor: Actor | null, input: unknown) => Promise<LiveChange<unknown>>;

const hostCommands: Record<LiveHostCommand, { schema: z.ZodType<{ sessionId: string }>; run: HostCommand }> = {
  "item:select": { schema: selectLiveItemSchema, run: selectLiveItem },
  "voting:open": { schema: liveSessionCommandSchema, run: openLiveVoting },
  "voting:close": { schema: liveSessionCommandSchema, run: closeLiveVoting },
  "results:show": { schema: liveSessionCommandSchema, run: showLiveResults },
  "session:pause": { schema: liveSessionCommandSchema, run: pauseLiveSession },
  "session:resume": { schema: liveSessionCommandSchema, run: resumeLiveSession },
  "session:end": { schema: liveSessionCommandSchema, run: endLiveSession },
  "paper:tally": { schema: recordPaperTallySchema, run: recordPaperTally },
};

export function attachLiveServer(httpServer: HttpServer, options: LiveServerOptions): LiveServer {
  const { db } = options;
  const ownPool = options.pool ? null : new pg.Pool({ connectionString: requiredDatabaseUrl(), max: 4 });
  const pool = options.pool ?? ownPool!;
  if (ownPool) ownPool.on("error", (error) => logger.warn("live adapter pool error", { error }));
  // The adapter keeps one client checked out for LISTEN and reconnects when it ends, but listens to no
  // "error": without this, a database restart would be an unhandled error (the process would exit).
  pool.on("connect", (client) => client.on("error", (error) => logger.warn("live adapter connection lost", { error })));
  const trusted = options.trustedProxies ?? parseIpRanges(process.env.TRUSTED_PROXIES);

  const io = new Server<ClientEvents, LiveServerToClientEvents, Record<string, never>, SocketData>(httpServer, {
    serveClient: false,
    // Next's own upgrades (development reloads) share the server: leave them alone.
    destroyUpgrade: false,
    // Commands are small JSON objects.
    maxHttpBufferSize: 64 * 1024,
    adapter: createAdapter(pool, { errorHandler: (error: Error) => logger.warn("live adapter error", { error }) }),
  });
  // Nothing is served on the main namespace.
  io.use((_socket, next) => next(new Error("not found")));

  const nsp: LiveNamespace = io.of(LIVE_NAMESPACE);
  // Socket.IO 4.8 never calls the adapter's init(), which announces this instance to the others
  // (they answer, then heartbeats follow): without it, fetchSockets() would not wait for the
  // other instances' sockets until some broadcast happened to introduce them.
  void Promise.resolve(nsp.adapter.init()).catch((error: unknown) => logger.warn("live adapter init failed", { error }));

  nsp.use((socket, next) => {
    void (async () => {
      const request = socket.request;
      if (!originAllowed(request, options.publicOrigin ?? process.env.PUBLIC_URL, trusted)) return next(new Error("origin"));
      const cookie = cookieFromHeader(request.headers.cookie, sessionCookieName());
      const userSessionId = cookie ? await sessionIdFromCookie(cookie) : null;
      const actor = userSessionId ? await getSession(db, userSessionId) : null;
      if (!actor || !userSessionId) return next(new Error("unauthenticated"));
      socket.data.userSessionId = userSessionId;
      socket.data.actor = actor;
      next();
    })().catch((error: unknown) => {
      logger.error("live handshake failed", { error });
      next(new Error("unavailable"));
    });
  });

  const tallies = new Coalescer(options.tallyIntervalMs ?? TALLY_INTERVAL_MS, (sessionId) => broadcastTally(sessionId), "live tally broadcast failed");
  const presence = new Coalescer(PRESENCE_INTERVAL_MS, (sessionId) => broadcastPresence(sessionId), "live presence broadcast failed");
  const guestLists = new Coalescer(PRESENCE_INTERVAL_MS, (sessionId) => broadcastGuests(sessionId), "live guests broadcast failed");
  handleLiveBroadcastRequests((kind, sessionId) => (kind === "tally" ? tallies : guestLists).schedule(sessionId));

  async function broadcastTally(sessionId: string): Promise<void> {
    const tally = await getLiveTally(db, sessionId);
    if (!tally) return;
    const target = tally.resultsShown ? nsp.to([room(sessionId), hostsRoom(sessionId)]) : nsp.to(hostsRoom(sessionId));
    target.emit("tally", tally);
  }

  async function broadcastPresence(sessionId: string): Promise<void> {
    const sockets = await nsp.in(room(sessionId)).fetchSockets();
    const people = new Set(sockets.map((socket) => socket.data.actor?.userId ?? socket.id));
    nsp.to(room(sessionId)).emit("presence", { connected: people.size });
  }

  async function broadcastGuests(sessionId: string): Promise<void> {
    nsp.to(hostsRoom(sessionId)).emit("guests", await pendingLiveGuests(db, sessionId));
  }

  function emitEvents(events: LiveEvent[]): void {
    for (const event of events) nsp.to(room(event.sessionId)).emit("event", event);
  }

  nsp.on("connection", (socket: LiveSocket) => {
    /**
     * One command: the payload must be an object and the last argument a function (else the call
     * is ignored: nobody waits for an answer); the session is read again; errors become the ack.
     */
    const command = (name: string, handle: (actor: Actor, payload: unknown) => Promise<object>) => {
      socket.on(name, async (...args: unknown[]) => {
        const ack = args.at(-1);
        if (typeof ack !== "function") return;
        const reply = ack as Ack;
        let actor: Actor | null = socket.data.actor;
        try {
          actor = await getSession(db, socket.data.userSessionId);
          if (!actor) throw new AppError("UNAUTHENTICATED", "auth.errors.unauthenticated");
          socket.data.actor = actor;
          const payload = args.length > 1 ? args[0] : undefined;
          if (payload === null || typeof payload !== "object" || Array.isArray(payload)) throw new AppError("VALIDATION", "live.errors.validation", {}, {});
          reply({ ok: true, ...(await handle(actor, payload)) });
        } catch (error) {
          reply({ ok: false, error: ackError(error, actor, { event: name, socket: socket.id }) });
          if (isAppError(error) && error.code === "UNAUTHENTICATED") socket.disconnect(true);
        }
      });
    };

    command("session:join", async (actor, payload) => {
      const { lastSeq, ...target } = parseLiveInput(liveJoinSchema, payload);
      // The room first, then the database: a change committed in between arrives through the room
      // and is in the answer too (the client ignores a seq it already has); none falls in a gap.
      const sessionId = target.sessionId ?? (await db.liveSession.findUnique({ where: { joinCode: target.code }, select: { id: true } }))?.id;
      if (!sessionId) throw new AppError("NOT_FOUND", "live.errors.sessionNotFound");
      const previous = enterRoom(socket, actor, sessionId);
      // A host (re)joining gets the waiting guests (with the other hosts: the list is coalesced).
      if (isLiveHost(actor)) guestLists.schedule(sessionId);
      try {
        // A reconnection: only what was missed, when it is not too much.
        if (lastSeq !== undefined) {
          const events = await listLiveEvents(db, sessionId, lastSeq);
          if (events) {
            // Tallies are not events: the newest goes to whoever may see it.
            tallies.schedule(sessionId);
            return { events };
          }
        }
        return { snapshot: await joinLiveSession(db, actor, { sessionId }) };
      } catch (error) {
        leaveRoom(socket, sessionId, previous);
        throw error;
      }
    });

    command("vote:cast", async (actor, payload) => {
      const input = parseLiveInput(castLiveVoteSchema, payload);
      const vote = await castLiveVote(db, actor, input);
      if (vote.outcome !== "duplicate") countVote();
      tallies.schedule(input.sessionId);
      return { vote };
    });

    command("guest:decide", async (actor, payload) => {
      const { sessionId } = parseLiveInput(decideLiveGuestSchema, payload);
      const guests = await decideLiveGuest(db, actor, payload);
      nsp.to(hostsRoom(sessionId)).except(socket.id).emit("guests", guests);
      return { guests };
    });

    for (const [name, { schema, run }] of Object.entries(hostCommands)) {
      command(name, async (actor, payload) => {
        requireLiveHost(actor);
        const { sessionId } = parseLiveInput(schema, payload);
        const change = await run(db, actor, payload);
        emitEvents(change.events);
        tallies.schedule(sessionId);
        return { result: change.result ?? null, events: change.events };
      });
    }

    socket.on("disconnect", () => {
      if (socket.data.liveSessionId) presence.schedule(socket.data.liveSessionId);
    });
  });

  /** Moves the socket to the session's room (and the hosts' one for hosts); returns the room it left, if any. */
  function enterRoom(socket: LiveSocket, actor: Actor, sessionId: string): string | undefined {
    const previous = socket.data.liveSessionId;
    if (previous && previous !== sessionId) {
      void socket.leave(room(previous));
      void socket.leave(hostsRoom(previous));
      presence.schedule(previous);
    }
    socket.data.liveSessionId = sessionId;
    void socket.join(isLiveHost(actor) ? [room(sessionId), hostsRoom(sessionId)] : room(sessionId));
    presence.schedule(sessionId);
    return previous;
  }

  /** Undoes enterRoom after a failed join (an unknown session): the socket stays where it was. */
  function leaveRoom(socket: LiveSocket, sessionId: string, previous: string | undefined): void {
    if (previous === sessionId) return;
    void socket.leave(room(sessionId));
    void socket.leave(hostsRoom(sessionId));
    presence.schedule(sessionId);
    socket.data.liveSessionId = undefined;
  }

  return {
    io,
    connections: () => nsp.sockets.size,
    async close() {
      handleLiveBroadcastRequests(undefined);
      tallies.stop();
      presence.stop();
      guestLists.stop();
      // This instance's sockets only (nsp.local: a broadcast would reach the other instances). Their
      // engine connections are closed after the notice is written (close() without discard waits for
      // the write buffer): the client sees "transport close" and reconnects by itself.
      nsp.local.emit("shutdown", { reconnect: true });
      const connections = [...nsp.sockets.values()].map((socket) => socket.conn);
      await new Promise<void>((resolve) => {
        let open = connections.length;
        if (open === 0) return resolve();
        const timer = setTimeout(resolve, NOTICE_FLUSH_MS);
        for (const connection of connections) {
          connection.once("close", () => {
            if (--open === 0) {
              clearTimeout(timer);
              resolve();
            }
          });
          connection.close();
        }
      });
      // Not io.close(): it would close the HTTP server, which its owner closes (server.ts, tests).
      io.engine.close();
      // Tells the other instances this one is gone, stops heartbeats and the LISTEN connection.
      // Bounded: after a database restart the adapter leaves its dead LISTEN client checked out (it
      // never releases it), so pool.end() would wait for it forever.
      await within(Promise.allSettled([nsp.adapter.close(), io.of("/").adapter.close()]), ADAPTER_CLOSE_MS);
      if (ownPool) await within(ownPool.end(), ADAPTER_CLOSE_MS);
    },
  };
}

/** The AppError in the actor's language; anything else is logged and answered generically. */
function ackError(error: unknown, actor: Actor | null, context: Record<string, unknown>): LiveAckError {
  const t = createTranslator(localeOrDefault(actor?.locale));
  if (!isAppError(error)) {
    logger.error("live command failed", { error, ...context });
    return { code: "INTERNAL", message: t("errors.internal") };
  }
  const answer: LiveAckError = { code: error.code, message: translated(t, error.messageKey, error.params) ?? t("errors.internal") };
  if (error.details && typeof error.details === "object" && !Array.isArray(error.details)) {
    const fields = Object.entries(error.details as Record<string, unknown>).filter((entry): entry is [string, string] => typeof entry[1] === "string");
    if (fields.length) answer.fields = Object.fromEntries(fields.map(([field, key]) => [field, translated(t, key) ?? key]));
  }
  return answer;
}

function translated(t: ReturnType<typeof createTranslator>, key: string, params?: Record<string, string | number>): string | null {
  try {
    return t(key, params);
  } catch {
    return null;
  }
}

/** Origin must be the public origin: PUBLIC_URL's when configured, else the address the client used (Host, http(s)). */
export function originAllowed(request: IncomingMessage, publicOrigin: string | undefined, trusted: IpRanges): boolean {
  const origin = request.headers.origin;
  if (!origin) return false;
  let expected: string;
  try {
    if (publicOrigin) {
      expected = new URL(publicOrigin).origin;
    } else {
      const host = request.headers.host;
      if (!host) return false;
      const encrypted = "encrypted" in request.socket && request.socket.encrypted === true;
      const forwardedProto = request.headers["x-forwarded-proto"];
      const https = resolveHttps(request.socket.remoteAddress ?? "", encrypted, Array.isArray(forwardedProto) ? forwardedProto.join(",") : forwardedProto, trusted);
      expected = new URL(`${https ? "https" : "http"}://${host}`).origin;
    }
    return new URL(origin).origin === expected;
  } catch {
    return false;
  }
}

function requiredDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("attachLiveServer: no pool given and no DATABASE_URL for the Socket.IO PostgreSQL adapter.");
  return url;
}

/**
 * At most one run per key every `intervalMs`: the first request runs at once, later ones within the
 * interval wait for its end; a request arriving while a run reads the database triggers one more run,
 * so the last change is always reflected.
 */
class Coalescer {
  private readonly states = new Map<string, { timer?: NodeJS.Timeout; forget?: NodeJS.Timeout; running: boolean; dirty: boolean; lastRunAt: number }>();
  private stopped = false;

  constructor(
    private readonly intervalMs: number,
    private readonly run: (key: string) => Promise<void>,
    private readonly failure: string,
  ) {}

  schedule(key: string): void {
    if (this.stopped) return;
    let state = this.states.get(key);
    if (!state) this.states.set(key, (state = { running: false, dirty: false, lastRunAt: 0 }));
    state.dirty = true;
    clearTimeout(state.forget);
    if (state.timer || state.running) return;
    state.timer = setTimeout(() => void this.fire(key), Math.max(0, state.lastRunAt + this.intervalMs - Date.now()));
  }

  private async fire(key: string): Promise<void> {
    const state = this.states.get(key);
    if (!state || this.stopped) return;
    state.timer = undefined;
    state.running = true;
    state.dirty = false;
    state.lastRunAt = Date.now();
    try {
      await this.run(key);
    } catch (error) {
      logger.error(this.failure, { error, key });
    } finally {
      state.running = false;
      if (state.dirty) this.schedule(key);
      // Kept for one interval (its lastRunAt spaces the next run), then forgotten: sessions come and go.
      else if (!this.stopped) state.forget = setTimeout(() => this.states.delete(key), this.intervalMs);
    }
  }

  stop(): void {
    this.stopped = true;
    for (const state of this.states.values()) {
      clearTimeout(state.timer);
      clearTimeout(state.forget);
    }
    this.states.clear();
  }
}
