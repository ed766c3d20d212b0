/**
 * The round scheduler against PostgreSQL: rounds open and close at their times, each transition
 * exactly once — also with several app instances (separate connection pools) running it at the same
 * moment, and with a facilitator's button pressed meanwhile — with its notifications recorded once.
 */
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { changeRoundStatus } from "@/lib/rounds/change-round-status";
import { runRoundScheduler, startRoundScheduler } from "@/lib/rounds/run-round-scheduler";
import { scheduleRound } from "@/lib/rounds/schedule-round";
import { signedInUser } from "../support/auth-factory";
import { DAY, HOUR, facilitator, freshPlan, fromNow, scheduledRound, settle, takePart } from "../support/scheduling-factory";
import { databaseForThisFile } from "../support/test-database";

jest.setTimeout(120_000);
const db = databaseForThisFile();

/** Three "app instances": each its own client and pool on the same database. */
let instances: PrismaClient[] = [];
beforeAll(() => {
  instances = [0, 1, 2].map(() => createPrismaClient(db.url, { maxConnections: 3 }));
});
afterAll(async () => {
  await Promise.all(instances.map((client) => client.$disconnect()));
});

const runEverywhere = (now: Date) => Promise.all(instances.flatMap((client) => [runRoundScheduler(client, now), runRoundScheduler(client, now)]));

test("opens once and closes once with six schedulers racing; each notification recorded once", async () => {
  const plan = await freshPlan(db.prisma);
  const actor = await facilitator(db.prisma);
  const earlier = await scheduledRound(db.prisma, actor, plan.id, { opensIn: HOUR, closesIn: 2 * HOUR, title: "Primo giro" });
  const [veteran, newcomer] = [await signedInUser(db.prisma, "STAKEHOLDER"), await signedInUser(db.prisma, "STAKEHOLDER")];
  await takePart(db.prisma, earlier, veteran.userId, "swot");
  const id = await scheduledRound(db.prisma, actor, plan.id, { opensIn: DAY, closesIn: 3 * DAY, title: "Secondo giro" });

  // Before its time nothing happens to it.
  const early = await runEverywhere(fromNow(DAY - HOUR));
  expect(early.flatMap((run) => run.opened)).not.toContain(id);
  expect((await db.prisma.round.findUniqueOrThrow({ where: { id } })).status).toBe("SCHEDULED");

  const opening = await runEverywhere(fromNow(DAY + 60_000));
  expect(opening.flatMap((run) => run.opened).filter((opened) => opened === id)).toHaveLength(1);
  expect((await db.prisma.round.findUniqueOrThrow({ where: { id } })).status).toBe("OPEN");
  expect(await db.prisma.auditEvent.count({ where: { action: "round.opened", entityId: id, actorId: null } })).toBe(1);
  const opened = await db.prisma.notification.findMany({ where: { kind: "ROUND_OPENED", data: { path: ["roundId"], equals: id } } });
  expect(opened.map((notification) => notification.userId)).toEqual([veteran.userId]);

  await takePart(db.prisma, id, newcomer.userId, "vote");
  await takePart(db.prisma, id, veteran.userId, "comment");
  const closing = await runEverywhere(fromNow(3 * DAY + 60_000));
  expect(closing.flatMap((run) => run.closed).filter((closed) => closed === id)).toHaveLength(1);
  expect((await db.prisma.round.findUniqueOrThrow({ where: { id } })).status).toBe("CLOSED");
  const closed = await db.prisma.notification.findMany({ where: { kind: "ROUND_CLOSED", data: { path: ["roundId"], equals: id } }, orderBy: { userId: "asc" } });
  expect(closed.map((notification) => notification.userId).sort()).toEqual([newcomer.userId, veteran.userId].sort());
  expect(closed[0]!.data).toEqual({ roundId: id, roundTitle: "Secondo giro", path: `/consultazioni/${id}` });
  // Mails of the immediate notifications went into the outbox with them, once each: the veteran heard
  // of the first round closing, this one opening and closing; the newcomer of this one closing.
  expect(await db.prisma.emailOutbox.count({ where: { template: "notification", to: veteran.email! } })).toBe(3);
  expect(await db.prisma.emailOutbox.count({ where: { template: "notification", to: newcomer.email! } })).toBe(1);

  // Later runs find nothing more to do for it.
  const again = await runEverywhere(fromNow(4 * DAY));
  expect(again.flatMap((run) => [...run.opened, ...run.closed])).not.toContain(id);
});

test("a round whose whole window passed while no scheduler ran is closed, never announced as opening", async () => {
  const plan = await freshPlan(db.prisma);
  const actor = await facilitator(db.prisma);
  const id = await scheduledRound(db.prisma, actor, plan.id, { opensIn: HOUR, closesIn: 2 * HOUR });
  await runRoundScheduler(db.prisma, fromNow(3 * HOUR));
  expect((await db.prisma.round.findUniqueOrThrow({ where: { id } })).status).toBe("CLOSED");
  expect(await db.prisma.auditEvent.count({ where: { action: "round.opened", entityId: id } })).toBe(0);
  expect(await db.prisma.auditEvent.count({ where: { action: "round.closed", entityId: id } })).toBe(1);
});

test("a facilitator closing while the schedulers close it too: one transition, one set of notifications", async () => {
  const plan = await freshPlan(db.prisma);
  const actor = await facilitator(db.prisma);
  const id = await scheduledRound(db.prisma, actor, plan.id, { opensIn: HOUR, closesIn: 2 * HOUR });
  await runRoundScheduler(db.prisma, fromNow(90 * 60_000));
  const voter = await signedInUser(db.prisma, "STAKEHOLDER");
  await takePart(db.prisma, id, voter.userId, "vote");
  const now = fromNow(2 * HOUR + 60_000);
  // The button sees a round that is effectively closed already: it may only start the synthesis.
  const [button] = await Promise.all([settle([changeRoundStatus(db.prisma, actor, id, { status: "SYNTHESIS" }, now)]), runEverywhere(now)]);
  expect(button).toEqual({ fulfilled: 1, codes: [] });
  expect((await db.prisma.round.findUniqueOrThrow({ where: { id } })).status).toBe("SYNTHESIS");
  expect(await db.prisma.auditEvent.count({ where: { action: "round.closed", entityId: id } })).toBe(1);
  expect(await db.prisma.notification.count({ where: { kind: "ROUND_CLOSED", userId: voter.userId } })).toBe(1);
});

test("startRoundScheduler runs at once and on its interval, reports errors instead of throwing, and stops", async () => {
  const plan = await freshPlan(db.prisma);
  const actor = await facilitator(db.prisma);
  // Opening a minute ago: due at the first run.
  const { id } = await scheduleRound(db.prisma, actor, { planId: plan.id, title: "Subito", description: "x", opensAt: fromNow(-60_000), closesAt: fromNow(DAY) });
  const runs: string[][] = [];
  const scheduler = startRoundScheduler(db.prisma, { intervalMs: 50, onError: (error) => { throw error; }, onRun: (run) => runs.push(run.opened) });
  for (let i = 0; i < 100 && (await db.prisma.round.findUniqueOrThrow({ where: { id } })).status !== "OPEN"; i++) await new Promise((resolve) => setTimeout(resolve, 50));
  await scheduler.stop();
  expect((await db.prisma.round.findUniqueOrThrow({ where: { id } })).status).toBe("OPEN");
  expect(runs.flat()).toContain(id);

  const broken = createPrismaClient("postgresql://nobody:wrong@127.0.0.1:1/none");
  const errors: unknown[] = [];
  const failing = startRoundScheduler(broken, { intervalMs: 50, onError: (error) => errors.push(error) });
  for (let i = 0; i < 100 && errors.length < 2; i++) await new Promise((resolve) => setTimeout(resolve, 50));
  await failing.stop();
  await broken.$disconnect();
  expect(errors.length).toBeGreaterThanOrEqual(2);
});
