/**
 * Background work runs once across instances: two production server processes on one PostgreSQL
 * of this file's own, each running the round scheduler and the mail outbox worker (every 200 ms and
 * 100 ms here), sending to a real SMTP server.
 *
 * - Rounds on four plans scheduled to open and close a few seconds from now: both instances see
 *   them due at the same moments; each round opens once and closes once (one audit event each),
 *   its people are notified once, and each notification's mail reaches the SMTP server once.
 * - Many mails enqueued at once: both workers claim from the same outbox; every mail arrives once
 *   (one attempt each).
 * - The SMTP server down while mails are enqueued: they wait in the outbox (a failed attempt,
 *   rescheduled); the server back on the same address: every mail arrives, once.
 */
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { enqueueMails } from "@/lib/mail/enqueue-mail";
import type { NotificationItem } from "@/lib/notifications/notify";
import { signedInUser } from "../support/auth-factory";
import { type AppInstances, startAppInstances } from "../support/e2e-instances";
import { type OpsDatabase, startOpsDatabase } from "../support/ops-database";
import { roundOnOwnPlan } from "../support/scheduling-factory";
import { type TestSmtpServer, startTestSmtpServer } from "../support/smtp-server";

jest.setTimeout(240_000);

let database: OpsDatabase | undefined;
let smtp: TestSmtpServer | undefined;
let app: AppInstances | undefined;
let prisma: PrismaClient | undefined;
/** The SMTP servers stopped before the current one (their messages still count). */
const earlierServers: TestSmtpServer[] = [];

beforeAll(async () => {
  database = await startOpsDatabase("background");
  smtp = await startTestSmtpServer();
  app = await startAppInstances(2, "background", {
    maintenanceUrl: database.serverUrl,
    env: { ROUND_SCHEDULER_INTERVAL_MS: "200", OUTBOX_INTERVAL_MS: "100", SMTP_URL: smtp.url, MAIL_FROM: "Consulta <consulta@example.it>" },
  });
  prisma = createPrismaClient(app.databaseUrl, { maxConnections: 4 });
});

afterAll(async () => {
  await prisma?.$disconnect();
  await app?.stop();
  await smtp?.stop();
  await database?.destroy();
});

const allMessages = () => [...earlierServers.flatMap((server) => server.messages), ...(smtp?.messages ?? [])].map((message) => ({ to: message.envelopeTo, subject: message.subject }));

/** How many messages each of `recipients` received. */
function receivedBy(recipients: string[]): Record<string, number> {
  const counts = Object.fromEntries(recipients.map((recipient) => [recipient, 0]));
  for (const message of allMessages()) for (const to of message.to) if (to in counts) counts[to]! += 1;
  return counts;
}

async function until(what: string, condition: () => Promise<boolean> | boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let people = 0;
/** A confirmed stakeholder with a distinct address (IMMEDIATE notifications, the default). */
async function person(label: string): Promise<{ userId: string; email: string }> {
  people += 1;
  const actor = await signedInUser(prisma!, "STAKEHOLDER");
  const email = `${label}-${people}-${Date.now()}@example.it`;
  await prisma!.user.update({ where: { id: actor.userId }, data: { email } });
  return { userId: actor.userId, email };
}

function notificationMails(recipients: string[], title: string) {
  const item: NotificationItem = { kind: "ROUND_OPENED", data: { roundId: "00000000-0000-4000-8000-000000000000", roundTitle: title, closesAt: new Date().toISOString(), path: "/consultazioni" } };
  return recipients.map((to) => ({ to, template: "notification" as const, locale: "it" as const, params: { baseUrl: "https://consulta.example.it", item } }));
}

describe("background work on two instances sharing one PostgreSQL", () => {
  test("rounds scheduled to open and close: each transition once, its notifications and mails once", async () => {
    const db = prisma!;
    const opensAt = new Date(Date.now() + 8_000);
    const closesAt = new Date(opensAt.getTime() + 3_000);
    const plans: { roundId: string; earlier: { userId: string; email: string }[]; during: { userId: string; email: string } }[] = [];
    for (let index = 0; index < 4; index++) {
      // A plan of its own each: an earlier round with two people (told when the next one opens),
      // and the scheduled round with one person of its own (told when it closes).
      const previous = await roundOnOwnPlan(db, { status: "CLOSED", opensAt: new Date(Date.now() - 10 * 86_400_000), closesAt: new Date(Date.now() - 9 * 86_400_000) });
      const round = await db.round.create({
        data: { planId: previous.planId, revisionId: (await db.round.findUniqueOrThrow({ where: { id: previous.id } })).revisionId, title: `Giro pianificato ${index + 1}`, description: "x", status: "SCHEDULED", opensAt, closesAt },
        select: { id: true },
      });
      const earlier = [await person(`earlier-${index}`), await person(`earlier-${index}`)];
      const during = await person(`during-${index}`);
      for (const { userId } of earlier) await db.swotEntry.create({ data: { roundId: previous.id, authorId: userId, kind: "STRENGTH", body: "Una forza" } });
      await db.swotEntry.create({ data: { roundId: round.id, authorId: during.userId, kind: "OPPORTUNITY", body: "Un'opportunità" } });
      plans.push({ roundId: round.id, earlier, during });
    }
    expect(Date.now()).toBeLessThan(opensAt.getTime()); // arranged before either instance could move anything
    const roundIds = plans.map((plan) => plan.roundId);

    await until("the rounds to open", async () => (await db.round.count({ where: { id: { in: roundIds }, status: "OPEN" } })) === 4, 20_000);
    await until("the rounds to close", async () => (await db.round.count({ where: { id: { in: roundIds }, status: "CLOSED" } })) === 4, 20_000);
    const recipients = plans.flatMap((plan) => [...plan.earlier, plan.during].map((who) => who.email));
    await until("the notification mails", () => Object.values(receivedBy(recipients)).every((count) => count >= 1), 20_000);
    // Several more rounds of both schedulers and workers: nothing happens twice.
    await sleep(2_000);

    const events = await db.auditEvent.findMany({ where: { entityId: { in: roundIds }, action: { in: ["round.opened", "round.closed"] } }, select: { entityId: true, action: true, actorId: true, data: true } });
    expect(events).toHaveLength(8);
    for (const plan of plans) {
      const of = events.filter((event) => event.entityId === plan.roundId).sort((x, y) => x.action.localeCompare(y.action));
      expect(of).toEqual([
        { entityId: plan.roundId, action: "round.closed", actorId: null, data: { by: "scheduler", notified: 1 } },
        { entityId: plan.roundId, action: "round.opened", actorId: null, data: { by: "scheduler", notified: 2 } },
      ]);
      const notifications = await db.notification.findMany({ where: { userId: { in: [...plan.earlier, plan.during].map((who) => who.userId) } }, select: { userId: true, kind: true } });
      expect(notifications.sort((x, y) => x.userId.localeCompare(y.userId))).toEqual(
        [...plan.earlier.map((who) => ({ userId: who.userId, kind: "ROUND_OPENED" })), { userId: plan.during.userId, kind: "ROUND_CLOSED" }].sort((x, y) => x.userId.localeCompare(y.userId)),
      );
    }
    expect(receivedBy(recipients)).toEqual(Object.fromEntries(recipients.map((recipient) => [recipient, 1])));
    const outbox = await db.emailOutbox.findMany({ where: { to: { in: recipients } }, select: { status: true, attempts: true } });
    expect(outbox).toEqual(recipients.map(() => ({ status: "SENT", attempts: 1 })));
  });

  test("many mails enqueued at once: while both workers poll: each mail arrives exactly once (one attempt each)", async () => {
    const db = prisma!;
    const stamp = Date.now();
    const recipients = Array.from({ length: 60 }, (_, index) => `bulk-${stamp}-${index}@example.it`);
    expect(await enqueueMails(db, notificationMails(recipients, "Consultazione di massa"))).toBe(60);

    await until("60 mails", () => Object.values(receivedBy(recipients)).every((count) => count >= 1), 30_000);
    await sleep(1_500);
    expect(receivedBy(recipients)).toEqual(Object.fromEntries(recipients.map((recipient) => [recipient, 1])));
    const outbox = await db.emailOutbox.groupBy({ by: ["status", "attempts"], where: { to: { in: recipients } }, _count: { _all: true } });
    expect(outbox.map((row) => ({ status: row.status, attempts: row.attempts, count: row._count._all }))).toEqual([{ status: "SENT", attempts: 1, count: 60 }]);
  });

  test("the SMTP server down: mails wait in the outbox; back up on the same address: each arrives once", async () => {
    const db = prisma!;
    const port = smtp!.port;
    await smtp!.stop();
    earlierServers.push(smtp!);

    const stamp = Date.now();
    const recipients = Array.from({ length: 12 }, (_, index) => `outage-${stamp}-${index}@example.it`);
    await enqueueMails(db, notificationMails(recipients, "Consultazione durante il guasto"));
    // Every mail tried and failed (connection refused), rescheduled for later, none lost or failed for good.
    await until(
      "the failed attempts",
      async () => (await db.emailOutbox.count({ where: { to: { in: recipients }, status: "PENDING", attempts: 1, lastError: { not: null } } })) === recipients.length,
      20_000,
    );
    expect(receivedBy(recipients)).toEqual(Object.fromEntries(recipients.map((recipient) => [recipient, 0])));

    smtp = await startTestSmtpServer({ port });
    // The retry comes after the backoff (30 s after the first failure).
    await until("the mails after the outage", () => Object.values(receivedBy(recipients)).every((count) => count >= 1), 90_000);
    await sleep(1_500);
    expect(receivedBy(recipients)).toEqual(Object.fromEntries(recipients.map((recipient) => [recipient, 1])));
    const outbox = await db.emailOutbox.findMany({ where: { to: { in: recipients } }, select: { status: true, attempts: true, lastError: true } });
    expect(outbox).toEqual(recipients.map(() => ({ status: "SENT", attempts: 2, lastError: null })));
  });
});
