import { createServer, type AddressInfo } from "node:net";

import { createPrismaClient } from "@/lib/db/client";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import { createMailTransport, type MailTransport } from "@/lib/mail/mail-transport";
import { startOutboxWorker, type OutboxWorker, type OutboxWorkerOptions } from "@/lib/mail/outbox-worker";
import { logger } from "@/lib/observability/logger";
import { linksIn, startTestSmtpServer, type TestSmtpServer } from "@/tests/support/smtp-server";
import { databaseForThisFile } from "@/tests/support/test-database";

const db = databaseForThisFile();
const MAIL_FROM = "Consulta Test <consulta@test.invalid>";

/** A port nobody listens on (yet): "the mail server is down". */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

const smtpTo = (url: string) => createMailTransport({ SMTP_URL: url, MAIL_FROM, DATA_DIR: "/nonexistent" });

const cleanup: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
  jest.restoreAllMocks();
});
beforeEach(async () => {
  await db.prisma.emailOutbox.deleteMany();
  // Retries and failures are logged on purpose here; keep the test output readable.
  for (const level of ["info", "warn", "error"] as const) jest.spyOn(logger, level).mockImplementation(() => undefined);
});

function worker(transport: MailTransport, options: Partial<OutboxWorkerOptions> = {}): OutboxWorker {
  const started = startOutboxWorker({ db: db.prisma, transport, intervalMs: 60_000, ...options });
  cleanup.push(() => started.stop());
  return started;
}

async function smtpServer(port?: number): Promise<TestSmtpServer> {
  const server = await startTestSmtpServer({ port });
  cleanup.push(() => server.stop());
  return server;
}

const signInLink = (to: string, locale: "it" | "en" = "en") =>
  ({ to, template: "sign-in-link", locale, params: { url: `https://consulta.test/auth/link?to=${encodeURIComponent(to)}`, expiresInMinutes: 15 } }) as const;

describe("outgoing mail through the outbox", () => {
  test("an enqueued mail reaches the SMTP server with its recipient, subject and body, and is marked SENT", async () => {
    const server = await smtpServer();
    const transport = smtpTo(server.url);
    cleanup.push(() => transport.close());
    const { id } = await enqueueMail(db.prisma, signInLink("ada@example.org", "it"));
    expect(await db.prisma.emailOutbox.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "PENDING", attempts: 0, template: "sign-in-link", locale: "it" });

    await worker(transport).drain();

    const mail = await server.waitForMessage("ada@example.org", 5_000);
    expect(mail.envelopeFrom).toBe("consulta@test.invalid");
    expect(mail.headers.get("to")).toBe("ada@example.org");
    expect(mail.subject).toBe("Il tuo link per accedere a Consulta");
    expect(mail.text).toContain("scade tra 15 minuti");
    expect(linksIn(mail)).toEqual(["https://consulta.test/auth/link?to=ada%40example.org"]);
    expect(mail.html).toContain('<html lang="it"');
    const row = await db.prisma.emailOutbox.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "SENT", attempts: 1, lockedUntil: null, lastError: null });
    expect(row.sentAt).toBeInstanceOf(Date);
  });

  test("a mail enqueued in a transaction that rolls back is never written", async () => {
    await expect(
      db.prisma.$transaction(async (tx) => {
        await enqueueMail(tx, signInLink("rolled-back@example.org"));
        throw new Error("the caller's change failed");
      }),
    ).rejects.toThrow("the caller's change failed");
    expect(await db.prisma.emailOutbox.count()).toBe(0);
  });

  test("with the mail server down the mail waits and is retried, then delivered once the server is back", async () => {
    const port = await freePort();
    const transport = smtpTo(`smtp://127.0.0.1:${port}`);
    cleanup.push(() => transport.close());
    const { id } = await enqueueMail(db.prisma, signInLink("bruno@example.org"));
    const outbox = worker(transport, { intervalMs: 50, backoffBaseMs: 300 });

    await outbox.drain();
    const waiting = await db.prisma.emailOutbox.findUniqueOrThrow({ where: { id } });
    expect(waiting).toMatchObject({ status: "PENDING", attempts: 1, lockedUntil: null });
    expect(waiting.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(waiting.sendAfter.getTime()).toBeGreaterThan(Date.now() - 1_000);

    const server = await smtpServer(port);
    const mail = await server.waitForMessage("bruno@example.org", 10_000); // the polling worker retries on its own
    expect(mail.subject).toBe("Your sign-in link for Consulta");
    await outbox.stop();
    expect(await db.prisma.emailOutbox.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENT", attempts: 2, lastError: null });
    expect(server.messages).toHaveLength(1);
  });

  test("after maxAttempts failures the mail is FAILED and the failure is logged", async () => {
    const transport = smtpTo(`smtp://127.0.0.1:${await freePort()}`);
    cleanup.push(() => transport.close());
    const { id } = await enqueueMail(db.prisma, signInLink("carla@example.org"));
    const outbox = worker(transport, { maxAttempts: 2, backoffBaseMs: 0 });

    await outbox.drain();
    expect(await db.prisma.emailOutbox.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "PENDING", attempts: 1 });
    await outbox.drain();
    const failed = await db.prisma.emailOutbox.findUniqueOrThrow({ where: { id } });
    expect(failed).toMatchObject({ status: "FAILED", attempts: 2, lockedUntil: null });
    expect(failed.lastError).toBeTruthy();
    expect(logger.error).toHaveBeenCalledWith("mail failed permanently", expect.objectContaining({ id, attempts: 2 }));

    await outbox.drain(); // a FAILED mail is not picked up again
    expect(await db.prisma.emailOutbox.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "FAILED", attempts: 2 });
  });

  test("two workers on two database clients send each of 20 mails exactly once", async () => {
    const server = await smtpServer();
    const recipients = Array.from({ length: 20 }, (_, i) => `person${i}@example.org`);
    for (const to of recipients) await enqueueMail(db.prisma, signInLink(to));

    const sentBy = new Map<string, string[]>();
    const instances = ["a", "b"].map((name) => {
      const client = createPrismaClient(db.url, { maxConnections: 2 });
      cleanup.push(() => client.$disconnect());
      const smtp = smtpTo(server.url);
      cleanup.push(() => smtp.close());
      const counting: MailTransport = {
        ...smtp,
        async send(mail) {
          sentBy.set(mail.to, [...(sentBy.get(mail.to) ?? []), name]);
          await smtp.send(mail);
        },
      };
      return worker(counting, { db: client, batchSize: 3, intervalMs: 10 });
    });
    await Promise.all(instances.map((instance) => instance.drain()));
    await Promise.all(instances.map((instance) => instance.stop()));

    expect(new Set([...sentBy.values()].flat())).toEqual(new Set(["a", "b"])); // they really shared the work
    expect([...sentBy.keys()].sort()).toEqual([...recipients].sort());
    expect([...sentBy.values()].filter((senders) => senders.length !== 1)).toEqual([]);
    const received = server.messages.flatMap((message) => message.envelopeTo).sort();
    expect(received).toEqual([...recipients].sort());
    expect(await db.prisma.emailOutbox.groupBy({ by: ["status", "attempts"], _count: true })).toEqual([{ status: "SENT", attempts: 1, _count: 20 }]);
  });

  test("a mail another worker is claiming right now is skipped, not waited for", async () => {
    const server = await smtpServer();
    const transport = smtpTo(server.url);
    cleanup.push(() => transport.close());
    const busy = await enqueueMail(db.prisma, signInLink("busy@example.org"));
    await enqueueMail(db.prisma, signInLink("free@example.org"));
    const outbox = worker(transport);

    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = db.prisma.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM "EmailOutbox" WHERE id = ${busy.id}::uuid FOR UPDATE`;
        locked();
        await released;
      },
      { timeout: 20_000 },
    );
    await isLocked;
    await outbox.drain(); // would hang until the transaction ends without SKIP LOCKED
    expect(server.messages.map((message) => message.envelopeTo[0])).toEqual(["free@example.org"]);
    release();
    await holder;

    await outbox.drain();
    expect(server.messages.map((message) => message.envelopeTo[0])).toEqual(["free@example.org", "busy@example.org"]);
  });
});
