/**
 * Two server processes, one database (issue 5): the production server (server.ts, as `npm start`
 * runs it) started twice, on two ports, against one fresh database, with one NEXTAUTH_SECRET
 * and no PUBLIC_URL. Real socket.io-client connections carry session cookies encoded with that
 * secret and each instance's own origin. A facilitator connected to A drives a session (started with
 * the domain function, as the console's form does): a participant connected to B gets A's events; B's
 * vote reaches the host on A as a tally; presence counts the people on both; SIGTERM stops each
 * process with its sockets open, exit code 0 within seconds, without touching the other's sockets.
 *
 * In the e2e project rather than the integration one: it needs the production bundle, which the e2e
 * global setup builds (under the same lock as every other e2e run), and its server helpers.
 */
import { randomUUID } from "node:crypto";
import type { Socket } from "socket.io-client";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import type { LiveEvent, LiveSnapshot, LiveTally } from "@/lib/live/live.types";
import type { LivePresence } from "@/lib/live/live-socket-protocol";
import { describeE2E } from "../support/e2e-server";
import { type AppInstance, type AppInstances, startAppInstances, terminate } from "../support/e2e-instances";
import { type TestLiveSession, startedLiveSession } from "../support/live-factory";
import { command, connectAs, nextMessage } from "../support/live-socket";
import { measureId as measureIdOf, stakeholder } from "../support/round-factory";

jest.setTimeout(180_000);

/** A graceful stop: the live sockets closed, the HTTP server, workers and database connections ended. */
const SHUTDOWN_LIMIT_MS = 5_000;

describeE2E("live assemblies on two server processes", () => {
  let app: AppInstances | undefined;
  let prisma: PrismaClient | undefined;
  const sockets: Socket[] = [];
  // Set by the first test, used by the shutdown test: who is connected where.
  let live: TestLiveSession | undefined;
  let hostOnA: Socket | undefined;
  let brunoOnA: Socket | undefined;
  let annaOnB: Socket | undefined;

  beforeAll(async () => {
    app = await startAppInstances(2, "live");
    prisma = createPrismaClient(app.databaseUrl, { maxConnections: 2 });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await prisma?.$disconnect();
    await app?.stop();
  });

  const instance = (index: 0 | 1): AppInstance => app!.instances[index]!;

  async function on(index: 0 | 1, actor: TestLiveSession["host"]): Promise<Socket> {
    const socket = await connectAs(instance(index).baseUrl, actor, app!.secret);
    sockets.push(socket);
    return socket;
  }

  test("a host on A drives the session; a participant on B gets its events, B's vote reaches A as a tally, presence counts both", async () => {
    const [a, b] = [instance(0), instance(1)];
    expect(new URL(a.baseUrl).port).not.toBe(new URL(b.baseUrl).port);
    const db = prisma!;
    live = await startedLiveSession(db);
    const { sessionId } = live;
    const measureId = await measureIdOf(db, live.round.planId, "1.1");

    hostOnA = await on(0, live.host);
    expect(await command(hostOnA, "session:join", { sessionId })).toMatchObject({ ok: true, snapshot: { session: { id: sessionId, status: "RUNNING" }, currentItem: null } });
    const anna = await stakeholder(db);
    annaOnB = await on(1, anna);
    expect(await command(annaOnB, "session:join", { sessionId })).toMatchObject({ ok: true, snapshot: { session: { id: sessionId } } });

    // The host on A puts the measure under discussion and opens voting: the participant on B hears both.
    const selectedOnB = nextMessage<LiveEvent>(annaOnB, "event", (event) => event.type === "item.selected");
    const selected = await command<{ result: { id: string }; events: LiveEvent[] }>(hostOnA, "item:select", { sessionId, measureId });
    if (!selected.ok) throw new Error(selected.error.message);
    const itemId = selected.result.id;
    expect(await selectedOnB).toEqual(selected.events.find((event) => event.type === "item.selected"));
    expect((await selectedOnB).payload).toMatchObject({ item: { id: itemId, code: "1.1", votingOpen: false } });

    const openedOnB = nextMessage<LiveEvent>(annaOnB, "event", (event) => event.type === "voting.opened");
    const opened = await command<{ events: LiveEvent[] }>(hostOnA, "voting:open", { sessionId });
    expect(opened).toMatchObject({ ok: true, events: [{ type: "voting.opened", payload: { itemId } }] });
    expect(await openedOnB).toEqual(opened.ok && opened.events[0]);

    // The participant votes through B: B computes the tally and broadcasts it; the host on A gets it.
    const tallyOnA = nextMessage<LiveTally>(hostOnA, "tally", (tally) => tally.live.total === 1);
    const vote = await command(annaOnB, "vote:cast", { sessionId, itemId, choice: "SUPPORT", priority: 4, clientVoteId: randomUUID() });
    expect(vote).toMatchObject({ ok: true, vote: { outcome: "created", itemId } });
    expect(await tallyOnA).toMatchObject({ itemId, live: { support: 1, oppose: 0, abstain: 0, total: 1, priorityMean: 4 } });
    // One ordinary vote of the round, cast through the live channel, in the one database.
    expect(await db.vote.findMany({ where: { roundId: live.round.id, measureId }, select: { userId: true, choice: true, channel: true } })).toEqual([
      { userId: anna.userId, choice: "SUPPORT", channel: "LIVE" },
    ]);

    // Results shown on A: now the room gets the tally too, on B.
    const shownOnB = nextMessage<LiveEvent>(annaOnB, "event", (event) => event.type === "results.shown");
    const roomTallyOnB = nextMessage<LiveTally>(annaOnB, "tally", (tally) => tally.live.total === 1);
    expect(await command(hostOnA, "results:show", { sessionId })).toMatchObject({ ok: true });
    expect((await shownOnB).payload).toEqual({ itemId });
    expect(await roomTallyOnB).toMatchObject({ itemId, live: { support: 1, total: 1 } });

    // A second participant joins on A: both participants, on either instance, see 3 people (host + 2).
    const bruno = await stakeholder(db, "BUSINESS");
    brunoOnA = await on(0, bruno);
    const threeOnB = nextMessage<LivePresence>(annaOnB, "presence", (presence) => presence.connected === 3);
    const threeOnA = nextMessage<LivePresence>(brunoOnA, "presence", (presence) => presence.connected === 3);
    const joined = await command<{ snapshot: LiveSnapshot }>(brunoOnA, "session:join", { sessionId });
    expect(joined).toMatchObject({ ok: true, snapshot: { currentItem: { id: itemId, votingOpen: true, resultsShown: true } } });
    await Promise.all([threeOnB, threeOnA]);
  });

  // SIGTERM to the server process, as scripts/start.mjs relays a stop: see terminate().
  test("SIGTERM with live sockets open: each process exits 0 within seconds, closing only its own sockets", async () => {
    const [a, b] = [instance(0), instance(1)];
    const connected = [hostOnA, brunoOnA, annaOnB];
    expect(connected.map((socket) => socket?.connected)).toEqual([true, true, true]);
    const [host, bruno, anna] = connected as [Socket, Socket, Socket];
    const reason = (socket: Socket) => new Promise<string>((resolve) => socket.once("disconnect", (why) => resolve(why)));

    const toldOnA = Promise.all([nextMessage(host, "shutdown"), nextMessage(bruno, "shutdown")]);
    const closedOnA = Promise.all([reason(host), reason(bruno)]);
    const stoppedA = await terminate(a);
    expect({ exit: stoppedA.exit, withinLimit: stoppedA.ms < SHUTDOWN_LIMIT_MS }).toEqual({ exit: "exit code 0", withinLimit: true });
    // Told by the server before it went away, then the connection closed as a dropped one, which a
    // client reconnects after by itself (a server-side disconnect would stop it from reconnecting).
    expect(await toldOnA).toEqual([{ reconnect: true }, { reconnect: true }]);
    expect(await closedOnA).toEqual(["transport close", "transport close"]);

    // B goes on: its participant is still connected and served.
    expect(anna.connected).toBe(true);
    expect(await command(anna, "session:join", { sessionId: live!.sessionId })).toMatchObject({ ok: true });

    const closedOnB = reason(anna);
    const stoppedB = await terminate(b);
    expect({ exit: stoppedB.exit, withinLimit: stoppedB.ms < SHUTDOWN_LIMIT_MS }).toEqual({ exit: "exit code 0", withinLimit: true });
    expect(await closedOnB).toBe("transport close");
  });
});
