/**
 * Two app instances on one database: two HTTP servers, each with attachLiveServer and the
 * PostgreSQL adapter on its own pool (in this process, on two ports). A vote cast through instance
 * A reaches a host connected to B as a tally; an event a host emits on A reaches a participant on
 * B; presence counts the people connected to either.
 */
import { randomUUID } from "node:crypto";
import type { Socket } from "socket.io-client";
import type { LiveEvent, LiveTally } from "@/lib/live/live.types";
import type { LivePresence } from "@/lib/live/live-socket-protocol";
import { measureId as measureIdOf, stakeholder } from "../support/round-factory";
import { type LiveTestServer, command, connectAs, liveFixture, liveTestEnvironment, nextMessage, startLiveTestServer, untilInstancesMeet } from "../support/live-socket";
import { databaseForThisFile } from "../support/test-database";

jest.setTimeout(120_000);
let a: LiveTestServer | undefined;
let b: LiveTestServer | undefined;
// Before the database's hooks: afterAll hooks run in declaration order, the servers stop before the drop.
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
});
const db = databaseForThisFile();
liveTestEnvironment();

const sockets: Socket[] = [];
beforeAll(async () => {
  a = await startLiveTestServer(db.prisma, db.url);
  b = await startLiveTestServer(db.prisma, db.url);
  await untilInstancesMeet([a, b]);
});
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.close();
});

async function on(server: LiveTestServer | undefined, actor: Parameters<typeof connectAs>[1]): Promise<Socket> {
  const socket = await connectAs(server!.base, actor);
  sockets.push(socket);
  return socket;
}

test("a vote cast through instance A reaches a host on instance B as a tally; a host's event on A reaches a participant on B", async () => {
  const { sessionId, itemId, host } = await liveFixture(db.prisma);
  const hostOnB = await on(b, host);
  await command(hostOnB, "session:join", { sessionId });
  const voter = await stakeholder(db.prisma);
  const voterOnA = await on(a, voter);
  await command(voterOnA, "session:join", { sessionId });
  const watcher = await stakeholder(db.prisma);
  const watcherOnB = await on(b, watcher);
  // Presence is counted across instances (fetchSockets through the adapter).
  const everyone = nextMessage<LivePresence>(hostOnB, "presence", (presence) => presence.connected === 3);
  await command(watcherOnB, "session:join", { sessionId });
  await everyone;

  // The host on B opens voting: the participant on A hears of it.
  const openedOnA = nextMessage<LiveEvent>(voterOnA, "event", (event) => event.type === "voting.opened");
  expect(await command(hostOnB, "voting:open", { sessionId })).toMatchObject({ ok: true });
  await openedOnA;

  // A vote through A: its tally (computed and broadcast by A) reaches the host on B.
  const tallyOnB = nextMessage<LiveTally>(hostOnB, "tally", (tally) => tally.live.total === 1);
  expect(await command(voterOnA, "vote:cast", { sessionId, itemId, choice: "SUPPORT", priority: 5, clientVoteId: randomUUID() })).toMatchObject({ ok: true, vote: { outcome: "created" } });
  expect(await tallyOnB).toMatchObject({ itemId, live: { support: 1, total: 1, priorityMean: 5 } });

  // A host on A: its event reaches the participant on B, in order after the earlier one.
  const hostOnA = await on(a, host);
  await command(hostOnA, "session:join", { sessionId });
  const closedOnB = nextMessage<LiveEvent>(watcherOnB, "event", (event) => event.type === "voting.closed");
  const closed = await command<{ events: LiveEvent[] }>(hostOnA, "voting:close", { sessionId });
  expect(closed).toMatchObject({ ok: true, events: [{ type: "voting.closed" }] });
  expect(await closedOnB).toEqual(closed.ok && closed.events[0]);
});

test("a snapshot-sized event (over PostgreSQL's 8,000-byte NOTIFY limit) travels through the attachments table", async () => {
  const { sessionId, host, planId } = await liveFixture(db.prisma);
  const measureId = await measureIdOf(db.prisma, planId, "1.2");
  // A long measure text makes the item.selected event large.
  await db.prisma.measureVersion.updateMany({ where: { measureId }, data: { text: "Testo lungo della misura. ".repeat(600) } });
  const watcher = await stakeholder(db.prisma);
  const watcherOnB = await on(b, watcher);
  await command(watcherOnB, "session:join", { sessionId });
  const hostOnA = await on(a, host);
  const selectedOnB = nextMessage<LiveEvent>(watcherOnB, "event", (event) => event.type === "item.selected");
  const selected = await command<{ events: LiveEvent[] }>(hostOnA, "item:select", { sessionId, measureId });
  if (!selected.ok) throw new Error(selected.error.message);
  expect(JSON.stringify(selected.events[0]).length).toBeGreaterThan(8_000);
  expect(await selectedOnB).toEqual(selected.events[0]);
  // Through the table, not the NOTIFY payload.
  expect(await db.prisma.socketIoAttachment.count()).toBeGreaterThan(0);
});
