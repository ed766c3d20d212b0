/**
 * Live assemblies across a database restart: two production server processes share one PostgreSQL
 * (this file's own), a host on A and a participant on B. PostgreSQL is stopped and started again
 * (a restart, a failover) while their sockets stay open. Afterwards, without restarting anything,
 * the host's events on A reach the participant on B again and B's vote reaches A as a tally: the
 * Socket.IO PostgreSQL adapter has listened again on a new connection and the pools reconnected.
 */
import { randomUUID } from "node:crypto";
import type { Socket } from "socket.io-client";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import type { LiveEvent, LiveTally } from "@/lib/live/live.types";
import { type AppInstances, startAppInstances } from "../support/e2e-instances";
import { startedLiveSession } from "../support/live-factory";
import { command, connectAs, nextMessage } from "../support/live-socket";
import { type OpsDatabase, startOpsDatabase } from "../support/ops-database";
import { measureId as measureIdOf, stakeholder } from "../support/round-factory";

jest.setTimeout(240_000);

let database: OpsDatabase | undefined;
let app: AppInstances | undefined;
let prisma: PrismaClient | undefined;
const sockets: Socket[] = [];

beforeAll(async () => {
  database = await startOpsDatabase("live-restart");
  app = await startAppInstances(2, "live-restart", { maintenanceUrl: database.serverUrl });
  prisma = createPrismaClient(app.databaseUrl, { maxConnections: 2 });
});
afterAll(async () => {
  for (const socket of sockets) socket.close();
  await prisma?.$disconnect().catch(() => undefined);
  await app?.stop();
  await database?.destroy();
});

async function databaseSeenUp(baseUrl: string): Promise<boolean> {
  try {
    const body = (await (await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) })).json()) as { database: string };
    return body.database === "up";
  } catch {
    return false;
  }
}

test("after PostgreSQL is stopped and started again, a host's events on A reach a participant on B and B's votes reach A, without restarting the app", async () => {
  const [a, b] = app!.instances as [AppInstances["instances"][number], AppInstances["instances"][number]];
  const db = prisma!;
  const live = await startedLiveSession(db);
  const { sessionId } = live;
  const measures = await Promise.all(["1.1", "1.2", "1.3", "2.1", "2.2", "2.3"].map((code) => measureIdOf(db, live.round.planId, code)));

  const hostOnA = await connectAs(a.baseUrl, live.host, app!.secret);
  const anna = await stakeholder(db);
  const annaOnB = await connectAs(b.baseUrl, anna, app!.secret);
  sockets.push(hostOnA, annaOnB);
  expect(await command(hostOnA, "session:join", { sessionId })).toMatchObject({ ok: true });
  expect(await command(annaOnB, "session:join", { sessionId })).toMatchObject({ ok: true });

  // Before: an event crosses from A to B.
  const firstOnB = nextMessage<LiveEvent>(annaOnB, "event", (event) => event.type === "item.selected");
  expect(await command(hostOnA, "item:select", { sessionId, measureId: measures[0] })).toMatchObject({ ok: true });
  await firstOnB;

  // The restart: PostgreSQL down for a few seconds, both instances notice.
  await database!.stop();
  const down = Date.now();
  while (((await databaseSeenUp(a.baseUrl)) || (await databaseSeenUp(b.baseUrl))) && Date.now() - down < 30_000) await new Promise((resolve) => setTimeout(resolve, 250));
  expect(await databaseSeenUp(a.baseUrl)).toBe(false);
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  await database!.start();
  const up = Date.now();
  while (!((await databaseSeenUp(a.baseUrl)) && (await databaseSeenUp(b.baseUrl))) && Date.now() - up < 30_000) await new Promise((resolve) => setTimeout(resolve, 250));

  // After: the host selects the next measures until one selection reaches B (the adapter listens
  // again a moment after the database is back); every selection is one command, acknowledged by A.
  let crossedAfterMs: number | null = null;
  let itemId = "";
  for (const measureId of measures.slice(1)) {
    const onB = nextMessage<LiveEvent>(annaOnB, "event", (event) => event.type === "item.selected", 5_000);
    const selected = await command<{ result: { id: string } }>(hostOnA, "item:select", { sessionId, measureId });
    if (!selected.ok) {
      await onB.catch(() => undefined);
      continue;
    }
    const event = await onB.catch(() => null);
    if (event && (event.payload as { item: { id: string } }).item.id === selected.result.id) {
      crossedAfterMs = Date.now() - up;
      itemId = selected.result.id;
      break;
    }
  }
  expect(crossedAfterMs).not.toBeNull();
  process.stdout.write(`operations: live events cross instances again ${crossedAfterMs} ms after PostgreSQL is back\n`);

  // And the other way: B's vote reaches the host on A as a tally.
  expect(await command(hostOnA, "voting:open", { sessionId })).toMatchObject({ ok: true });
  const tallyOnA = nextMessage<LiveTally>(hostOnA, "tally", (tally) => tally.itemId === itemId && tally.live.total === 1, 10_000);
  expect(await command(annaOnB, "vote:cast", { sessionId, itemId, choice: "OPPOSE", priority: 2, clientVoteId: randomUUID() })).toMatchObject({ ok: true, vote: { outcome: "created" } });
  expect(await tallyOnA).toMatchObject({ itemId, live: { oppose: 1, total: 1 } });
  expect(a.exit()).toBeUndefined();
  expect(b.exit()).toBeUndefined();
});
