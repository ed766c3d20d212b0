/**
 * The live-assembly Socket.IO server against PostgreSQL: a real HTTP server running
 * attachLiveServer on a free port, real socket.io-client connections with real session cookies.
 * Handshake (Origin, session), authorization and validation of commands, events after commit,
 * coalesced tallies, presence, replay of missed events on reconnect, one vote per person across
 * web and live.
 */
import { randomUUID } from "node:crypto";
import type { Socket } from "socket.io-client";
import { castVote } from "@/lib/participation/cast-vote";
import { createTranslator } from "@/lib/i18n/translate";
import type { LiveEvent, LiveGuestRequestView, LiveSnapshot, LiveTally } from "@/lib/live/live.types";
import { checkLiveGuestAdmission } from "@/lib/live/check-live-guest-admission";
import { requestLiveBroadcast } from "@/lib/live/live-broadcast-requests";
import { requestLiveGuestAdmission } from "@/lib/live/request-live-guest-admission";
import type { LivePresence } from "@/lib/live/live-socket-protocol";
import { signedInUser } from "../support/auth-factory";
import { stakeholder } from "../support/round-factory";
import {
  type LiveTestServer,
  collect,
  command,
  connectAs,
  connectLive,
  liveFixture,
  manyStakeholders,
  nextMessage,
  sessionCookie,
  startLiveTestServer,
  liveTestEnvironment,
} from "../support/live-socket";
import { databaseForThisFile } from "../support/test-database";

jest.setTimeout(120_000);
let server: LiveTestServer;
// Declared before the database's hooks: afterAll hooks run in declaration order, the server must stop before the database is dropped.
afterAll(async () => {
  await server?.close();
});
const db = databaseForThisFile();
liveTestEnvironment();

const sockets: Socket[] = [];
beforeAll(async () => {
  server = await startLiveTestServer(db.prisma, db.url);
});
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.close();
});

/** A connected socket, closed after the test. */
async function as(actor: Parameters<typeof connectAs>[1], base = server.base): Promise<Socket> {
  const socket = await connectAs(base, actor);
  sockets.push(socket);
  return socket;
}

const it = createTranslator("it");
const vote = (sessionId: string, itemId: string, choice = "SUPPORT", extra: Record<string, unknown> = {}) => ({ sessionId, itemId, choice, clientVoteId: randomUUID(), ...extra });

describe("handshake", () => {
  test("refused without a session cookie, with a foreign or missing Origin, with an expired or revoked session, or a forged cookie", async () => {
    const person = await stakeholder(db.prisma);
    const cookie = await sessionCookie(person.sessionId);

    await expect(connectLive(server.base)).rejects.toThrow("unauthenticated");
    await expect(connectLive(server.base, { cookie: "next-auth.session-token=not-a-jwt" })).rejects.toThrow("unauthenticated");
    await expect(connectLive(server.base, { cookie, origin: "https://evil.example" })).rejects.toThrow("origin");
    await expect(connectLive(server.base, { cookie, origin: null })).rejects.toThrow("origin");
    // Same host, other port or scheme: another origin.
    await expect(connectLive(server.base, { cookie, origin: server.base.replace("http:", "https:") })).rejects.toThrow("origin");

    const expired = await stakeholder(db.prisma);
    await db.prisma.userSession.update({ where: { id: expired.sessionId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(connectLive(server.base, { cookie: await sessionCookie(expired.sessionId) })).rejects.toThrow("unauthenticated");

    const revoked = await stakeholder(db.prisma);
    await db.prisma.userSession.update({ where: { id: revoked.sessionId }, data: { revokedAt: new Date() } });
    await expect(connectLive(server.base, { cookie: await sessionCookie(revoked.sessionId) })).rejects.toThrow("unauthenticated");

    // The main namespace serves nothing.
    await expect(connectLive(server.base, { cookie, namespace: "/" })).rejects.toThrow("not found");
    const accepted = await connectLive(server.base, { cookie });
    sockets.push(accepted);
    expect(accepted.connected).toBe(true);
  });

  test("without PUBLIC_URL the expected origin is the address the client used (Host)", async () => {
    const hostBased = await startLiveTestServer(db.prisma, db.url, { publicOrigin: null });
    try {
      const person = await stakeholder(db.prisma);
      const cookie = await sessionCookie(person.sessionId);
      const accepted = await connectLive(hostBased.base, { cookie });
      accepted.close();
      await expect(connectLive(hostBased.base, { cookie, origin: "http://localhost:1" })).rejects.toThrow("origin");
    } finally {
      await hostBased.close();
    }
  });

  test("a session revoked while connected stops working at its next command", async () => {
    const { sessionId, joinCode } = await liveFixture(db.prisma);
    const person = await stakeholder(db.prisma);
    const socket = await as(person);
    expect(await command(socket, "session:join", { code: joinCode.toLowerCase() })).toMatchObject({ ok: true, snapshot: { session: { id: sessionId } } });

    await db.prisma.userSession.update({ where: { id: person.sessionId }, data: { revokedAt: new Date() } });
    const disconnected = new Promise((resolve) => socket.once("disconnect", resolve));
    expect(await command(socket, "session:join", { sessionId })).toEqual({ ok: false, error: { code: "UNAUTHENTICATED", message: it("auth.errors.unauthenticated") } });
    await disconnected;
  });
});

describe("commands", () => {
  test("a participant may not run the session: FORBIDDEN in their language, nothing changes", async () => {
    const { sessionId, measureId } = await liveFixture(db.prisma);
    const person = await stakeholder(db.prisma);
    await db.prisma.user.update({ where: { id: person.userId }, data: { locale: "en" } });
    const socket = await as(person);
    await command(socket, "session:join", { sessionId });
    const before = await db.prisma.liveSession.findUniqueOrThrow({ where: { id: sessionId }, select: { lastSeq: true } });

    for (const [event, payload] of [
      ["voting:open", { sessionId }],
      ["voting:close", { sessionId }],
      ["results:show", { sessionId }],
      ["session:pause", { sessionId }],
      ["session:end", { sessionId }],
      ["item:select", { sessionId, measureId }],
    ] as const) {
      expect(await command(socket, event, payload)).toEqual({ ok: false, error: { code: "FORBIDDEN", message: createTranslator("en")("live.errors.hostsOnly") } });
    }
    expect(await db.prisma.liveSession.findUniqueOrThrow({ where: { id: sessionId }, select: { lastSeq: true, status: true } })).toEqual({ ...before, status: "RUNNING" });
    expect(await db.prisma.liveItem.count({ where: { sessionId, votingOpenedAt: { not: null } } })).toBe(0);
  });

  test("invalid payloads are answered VALIDATION with the fields; calls without an ack are ignored; the server keeps working", async () => {
    const { sessionId, itemId, host } = await liveFixture(db.prisma);
    const person = await stakeholder(db.prisma);
    const socket = await as(person);
    const hostSocket = await as(host);

    const validation = { ok: false, error: { code: "VALIDATION", message: it("live.errors.validation") } };
    expect(await command(socket, "vote:cast", "SUPPORT")).toEqual(validation);
    expect(await command(socket, "vote:cast", null)).toEqual(validation);
    expect(await command(socket, "vote:cast", [sessionId, itemId])).toEqual(validation);
    expect(await socket.timeout(5000).emitWithAck("vote:cast")).toEqual(validation);
    expect(await command(socket, "vote:cast", { sessionId, itemId, choice: "MAYBE", clientVoteId: "x" })).toEqual({
      ...validation,
      error: { ...validation.error, fields: { choice: it("live.errors.choiceRequired"), clientVoteId: it("live.errors.clientVoteIdInvalid") } },
    });
    expect(await command(socket, "vote:cast", { ...vote(sessionId, itemId), userId: person.userId })).toEqual({
      ...validation,
      error: { ...validation.error, fields: { userId: it("live.errors.unknownField") } },
    });
    expect(await command(socket, "session:join", { code: "0O1IL0" })).toMatchObject({ ok: false, error: { code: "VALIDATION", fields: { code: it("live.errors.codeInvalid") } } });
    expect(await command(socket, "session:join", { sessionId, lastSeq: -1 })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await command(hostSocket, "voting:open", { sessionId: "not-a-uuid" })).toMatchObject({ ok: false, error: { code: "VALIDATION", fields: { sessionId: it("live.errors.sessionInvalid") } } });
    expect(await command(hostSocket, "paper:tally", { sessionId, itemId, support: -3, oppose: 0, abstain: 0 })).toMatchObject({ ok: false, error: { code: "VALIDATION", fields: { support: it("live.errors.countInvalid") } } });
    // No acknowledgement callback, odd arguments, unknown events: nothing to answer, nothing breaks.
    socket.emit("vote:cast", vote(sessionId, itemId));
    socket.emit("voting:open");
    socket.emit("no:such:event", { sessionId }, () => undefined);
    hostSocket.emit("voting:open", { sessionId });

    // Still serving both.
    expect(await command(socket, "session:join", { sessionId })).toMatchObject({ ok: true, snapshot: { session: { id: sessionId } } });
    expect(await command(hostSocket, "results:show", { sessionId })).toMatchObject({ ok: true });
    // The ack-less voting:open was not applied (nobody would have learnt of a failure): voting is not open.
    expect(await command(socket, "vote:cast", vote(sessionId, itemId))).toMatchObject({ ok: false, error: { code: "CONFLICT", message: it("live.errors.votingClosed") } });
    expect(await db.prisma.liveItem.findUniqueOrThrow({ where: { id: itemId }, select: { votingOpenedAt: true, resultsShownAt: true } })).toEqual({ votingOpenedAt: null, resultsShownAt: expect.any(Date) });
  });

  test("a host's change reaches the room as events after the commit, in order; presence counts people", async () => {
    const { sessionId, host, itemId } = await liveFixture(db.prisma);
    const person = await stakeholder(db.prisma);
    const hostSocket = await as(host);
    const joined = await command<{ snapshot: LiveSnapshot }>(hostSocket, "session:join", { sessionId });
    if (!joined.ok) throw new Error(joined.error.message);
    expect(joined.snapshot.currentItem).toMatchObject({ id: itemId, votingOpen: false });

    const socket = await as(person);
    const presence = nextMessage<LivePresence>(hostSocket, "presence", (value) => value.connected === 2);
    const participant = await command<{ snapshot: LiveSnapshot }>(socket, "session:join", { sessionId });
    if (!participant.ok) throw new Error(participant.error.message);
    await presence;
    // A second tab of the same person is the same person.
    const secondTab = await as(person);
    await command(secondTab, "session:join", { sessionId });

    const events = collect<LiveEvent>(socket, "event");
    const opened = await command<{ events: LiveEvent[] }>(hostSocket, "voting:open", { sessionId });
    expect(opened).toMatchObject({ ok: true, events: [{ type: "voting.opened", seq: participant.snapshot.session.lastSeq + 1 }] });
    // When the event arrives, the change is in the database.
    const received = await nextMessage<LiveEvent>(socket, "event", (event) => event.type === "voting.opened");
    expect(received).toEqual(opened.ok && opened.events[0]);
    expect(await db.prisma.liveItem.findUniqueOrThrow({ where: { id: itemId }, select: { votingOpenedAt: true } })).toEqual({ votingOpenedAt: expect.any(Date) });
    await command(hostSocket, "voting:close", { sessionId });
    await nextMessage<LiveEvent>(socket, "event", (event) => event.type === "voting.closed");
    expect(events.map((event) => event.seq)).toEqual([participant.snapshot.session.lastSeq + 1, participant.snapshot.session.lastSeq + 2]);

    const left = nextMessage<LivePresence>(hostSocket, "presence", (value) => value.connected === 1);
    socket.close();
    secondTab.close();
    await left;
  });
});

describe("tallies", () => {
  test("a participant's vote reaches the host as a tally within a second; the room sees tallies once results are shown", async () => {
    const { sessionId, host, itemId } = await liveFixture(db.prisma);
    const hostSocket = await as(host);
    await command(hostSocket, "session:join", { sessionId });
    await command(hostSocket, "voting:open", { sessionId });
    const voter = await stakeholder(db.prisma);
    const socket = await as(voter);
    await command(socket, "session:join", { sessionId });
    const roomTallies = collect<LiveTally>(socket, "tally");

    const tally = nextMessage<LiveTally>(hostSocket, "tally", (value) => value.live.total === 1, 1000);
    const started = Date.now();
    expect(await command(socket, "vote:cast", vote(sessionId, itemId, "OPPOSE", { priority: 4 }))).toEqual({
      ok: true,
      vote: { itemId, choice: "OPPOSE", priority: 4, outcome: "created" },
    });
    expect(await tally).toMatchObject({ itemId, live: { support: 0, oppose: 1, abstain: 0, priorityMean: 4, total: 1 } });
    expect(Date.now() - started).toBeLessThan(1000);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(roomTallies).toEqual([]);

    const shown = nextMessage<LiveTally>(socket, "tally", (value) => value.live.total === 1);
    await command(hostSocket, "results:show", { sessionId });
    await shown;
  });

  test("200 votes in one burst: far fewer tally broadcasts, the last one counts them all", async () => {
    const { sessionId, host, itemId, measureId, roundId } = await liveFixture(db.prisma, "2.1");
    const hostSocket = await as(host);
    await command(hostSocket, "session:join", { sessionId });
    await command(hostSocket, "voting:open", { sessionId });
    const people = await manyStakeholders(db.prisma, 200);
    const voters = await Promise.all(people.map(async ({ sessionId: userSession }) => {
      const socket = await connectLive(server.base, { cookie: await sessionCookie(userSession) });
      sockets.push(socket);
      return socket;
    }));
    const tallies = collect<LiveTally>(hostSocket, "tally");
    const all = nextMessage<LiveTally>(hostSocket, "tally", (value) => value.live.total === 200, 30_000);

    const acks = await Promise.all(voters.map((socket, index) => command(socket, "vote:cast", vote(sessionId, itemId, ["SUPPORT", "OPPOSE", "ABSTAIN"][index % 3]!), 30_000)));
    expect(acks.filter((ack) => ack.ok)).toHaveLength(200);
    const last = await all;
    expect(last.live).toMatchObject({ support: 67, oppose: 67, abstain: 66, total: 200 });
    // Nothing later contradicts it (a trailing broadcast may repeat it).
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(tallies.slice(tallies.indexOf(last)).map((tally) => tally.live)).toEqual(tallies.slice(tallies.indexOf(last)).map(() => last.live));
    expect(tallies.length).toBeGreaterThanOrEqual(2);
    expect(tallies.length).toBeLessThanOrEqual(20);
    expect(await db.prisma.vote.count({ where: { roundId, measureId, channel: "LIVE" } })).toBe(200);
  });
  test("votes arriving steadily: at most one tally every 150 ms, each newer than the last, the last one complete", async () => {
    const { sessionId, host, itemId } = await liveFixture(db.prisma, "2.2");
    const hostSocket = await as(host);
    await command(hostSocket, "session:join", { sessionId });
    await command(hostSocket, "voting:open", { sessionId });
    const people = await manyStakeholders(db.prisma, 24);
    const voters = await Promise.all(people.map(async ({ sessionId: userSession }) => {
      const socket = await connectLive(server.base, { cookie: await sessionCookie(userSession) });
      sockets.push(socket);
      return socket;
    }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const received: { at: number; total: number }[] = [];
    hostSocket.on("tally", (tally: LiveTally) => received.push({ at: Date.now(), total: tally.live.total }));

    // One vote every 50 ms for about 1.2 s.
    const started = Date.now();
    const acks = [];
    for (const socket of voters) {
      acks.push(command(socket, "vote:cast", vote(sessionId, itemId)));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect((await Promise.all(acks)).every((ack) => ack.ok)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 500));

    expect(received.at(-1)?.total).toBe(24);
    // Without coalescing there would be one per vote (24 in about 1.2 s); with it, at most one per
    // 150 ms of the time the tallies took to arrive — a bound that holds however slow the machine is
    // (timing gaps measured at the receiver would not: a busy event loop delivers two at once).
    const spanMs = received.at(-1)!.at - started;
    expect(received.length).toBeGreaterThanOrEqual(2);
    expect(received.length).toBeLessThanOrEqual(Math.ceil(spanMs / 150) + 1);
    expect(received.map((tally) => tally.total)).toEqual([...received.map((tally) => tally.total)].sort((x, y) => x - y));
  });
});

describe("reconnection", () => {
  test("a client disconnected by the server reconnects with lastSeq and receives exactly the 3 events it missed, in order", async () => {
    const { sessionId, host } = await liveFixture(db.prisma);
    const hostSocket = await as(host);
    const person = await stakeholder(db.prisma);
    const socket = await as(person);
    const joined = await command<{ snapshot: LiveSnapshot }>(socket, "session:join", { sessionId });
    if (!joined.ok) throw new Error(joined.error.message);
    const lastSeq = joined.snapshot.session.lastSeq;

    const gone = new Promise((resolve) => socket.once("disconnect", resolve));
    server.live.io.of("/live").sockets.get(socket.id!)?.disconnect(true);
    await gone;
    for (const event of ["voting:open", "voting:close", "results:show"]) expect(await command(hostSocket, event, { sessionId })).toMatchObject({ ok: true });

    socket.connect();
    await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
    const replay = await command<{ events: LiveEvent[] }>(socket, "session:join", { sessionId, lastSeq });
    if (!replay.ok) throw new Error(replay.error.message);
    expect(replay.events.map((event) => [event.seq, event.type])).toEqual([
      [lastSeq + 1, "voting.opened"],
      [lastSeq + 2, "voting.closed"],
      [lastSeq + 3, "results.shown"],
    ]);
    // Back in the room: the next change arrives live.
    const next = nextMessage<LiveEvent>(socket, "event");
    await command(hostSocket, "session:pause", { sessionId });
    expect(await next).toMatchObject({ seq: lastSeq + 4, type: "session.paused" });

    // Too far behind (more than 500 events missed): the snapshot instead.
    await db.prisma.$executeRaw`
      INSERT INTO "LiveSessionEvent" ("sessionId", "seq", "type", "payload")
      SELECT ${sessionId}::uuid, ${lastSeq + 4} + i, 'session.resumed', '{}'::jsonb FROM generate_series(1, 501) AS i`;
    await db.prisma.liveSession.update({ where: { id: sessionId }, data: { lastSeq: lastSeq + 505 } });
    expect(await command(socket, "session:join", { sessionId, lastSeq })).toMatchObject({ ok: true, snapshot: { session: { id: sessionId, lastSeq: lastSeq + 505, status: "PAUSED" } } });
  });
});

describe("one vote per person across web and live", () => {
  test("a web vote and a live vote at the same instant leave one Vote row per person", async () => {
    const { sessionId, host, itemId, measureId, roundId } = await liveFixture(db.prisma, "3.1");
    const hostSocket = await as(host);
    await command(hostSocket, "voting:open", { sessionId });
    const people = await Promise.all(Array.from({ length: 5 }, () => stakeholder(db.prisma)));
    const voters = await Promise.all(people.map((person) => as(person)));

    const outcomes = await Promise.all(
      people.map((person, index) =>
        Promise.allSettled([
          castVote(db.prisma, person, { roundId, measureId, choice: "SUPPORT", priority: 2 }),
          command(voters[index]!, "vote:cast", vote(sessionId, itemId, "OPPOSE", { priority: 5 })),
        ]),
      ),
    );
    for (const [web, live] of outcomes) {
      expect(web.status).toBe("fulfilled");
      expect(live).toMatchObject({ status: "fulfilled", value: { ok: true } });
    }
    const rows = await db.prisma.vote.findMany({ where: { roundId, measureId }, select: { userId: true } });
    expect(rows.map((row) => row.userId).sort()).toEqual(people.map((person) => person.userId).sort());
  });

  test("a retried vote (same clientVoteId) is acknowledged as a duplicate and applied once", async () => {
    const { sessionId, host, itemId, measureId, roundId } = await liveFixture(db.prisma, "3.2");
    const hostSocket = await as(host);
    await command(hostSocket, "voting:open", { sessionId });
    const person = await signedInUser(db.prisma, "STAKEHOLDER");
    const socket = await as(person);
    const payload = vote(sessionId, itemId, "ABSTAIN");
    expect(await command(socket, "vote:cast", payload)).toMatchObject({ ok: true, vote: { outcome: "created" } });
    expect(await command(socket, "vote:cast", payload)).toMatchObject({ ok: true, vote: { outcome: "duplicate", choice: "ABSTAIN" } });
    expect(await db.prisma.vote.count({ where: { roundId, measureId, userId: person.userId } })).toBe(1);
    expect(await db.prisma.voteHistory.count({ where: { vote: { roundId, measureId, userId: person.userId } } })).toBe(0);
  });
});

describe("guests", () => {
  test("hosts get the waiting guests when they join and whenever the list changes; a host admits; the admitted guest connects and votes; participants cannot decide", async () => {
    const fixture = await liveFixture(db.prisma);
    await command(await as(fixture.host), "voting:open", { sessionId: fixture.sessionId });
    const host = await as(fixture.host);
    const otherHost = await as(await signedInUser(db.prisma, "FACILITATOR"));
    const first = nextMessage<LiveGuestRequestView[]>(host, "guests");
    expect(await command(host, "session:join", { sessionId: fixture.sessionId })).toMatchObject({ ok: true });
    expect(await first).toEqual([]);
    await command(otherHost, "session:join", { sessionId: fixture.sessionId });

    // The join page's server action asks the socket server for the broadcast (same process here).
    const arrived = nextMessage<LiveGuestRequestView[]>(otherHost, "guests", (list) => list.length === 1);
    const request = await requestLiveGuestAdmission(db.prisma, { code: fixture.joinCode, displayName: "Ospite Socket", category: "BUSINESS" }, { ipAddress: "192.0.2.44" });
    requestLiveBroadcast("guests", fixture.sessionId);
    const [waiting] = await arrived;
    expect(waiting).toMatchObject({ displayName: "Ospite Socket", category: "BUSINESS" });

    const participant = await as(await stakeholder(db.prisma));
    await command(participant, "session:join", { sessionId: fixture.sessionId });
    const denied = await command(participant, "guest:decide", { sessionId: fixture.sessionId, requestId: waiting!.id, admit: true });
    expect(denied).toEqual({ ok: false, error: { code: "FORBIDDEN", message: it("live.errors.hostsOnly") } });

    const emptied = nextMessage<LiveGuestRequestView[]>(otherHost, "guests", (list) => list.length === 0);
    expect(await command(host, "guest:decide", { sessionId: fixture.sessionId, requestId: waiting!.id, admit: true })).toEqual({ ok: true, guests: [] });
    await emptied;

    const admission = await checkLiveGuestAdmission(db.prisma, request.credential, { ipAddress: "192.0.2.44", userAgent: null });
    if (admission?.status !== "ADMITTED") throw new Error("not admitted");
    const guest = await connectLive(server.base, { cookie: await sessionCookie(admission.userSession.sessionId) });
    sockets.push(guest);
    expect(await command(guest, "session:join", { code: fixture.joinCode })).toMatchObject({ ok: true });
    const ack = await command<{ vote: { outcome: string } }>(guest, "vote:cast", vote(fixture.sessionId, fixture.itemId, "OPPOSE"));
    expect(ack).toMatchObject({ ok: true, vote: { outcome: "created" } });
    const tally = await nextMessage<LiveTally>(host, "tally", (value) => value.live.oppose === 1);
    expect(tally.live).toMatchObject({ support: 0, oppose: 1, total: 1 });
    expect(await db.prisma.vote.findFirstOrThrow({ where: { roundId: fixture.roundId, measureId: fixture.measureId }, select: { category: true, channel: true } })).toEqual({ category: "BUSINESS", channel: "LIVE" });
  });
});
