/**
 * Notification delivery against PostgreSQL and a real SMTP server: immediate mails go to the outbox
 * with the change that caused them, in the recipient's language; NONE gets nothing; the daily digest
 * sends one mail per person, once a day after 07:00 in Rome, exactly once even when two instances
 * run it together; what people wrote is escaped in the HTML part.
 */
import type { Actor } from "@/lib/auth/session";
import type { NotificationFrequency } from "@/lib/db/generated/enums";
import { createMailTransport } from "@/lib/mail/mail-transport";
import { startOutboxWorker } from "@/lib/mail/outbox-worker";
import { hideContribution } from "@/lib/moderation/hide-contribution";
import { deliverDailyDigests, romeClock } from "@/lib/notifications/deliver-daily-digests";
import { notify } from "@/lib/notifications/notify";
import { getNotificationFrequency, setNotificationFrequency } from "@/lib/notifications/set-notification-frequency";
import { logger } from "@/lib/observability/logger";
import { signedInUser } from "../support/auth-factory";
import { createComment } from "../support/moderation-factory";
import { linksIn, startTestSmtpServer } from "../support/smtp-server";
import { databaseForThisFile } from "../support/test-database";

jest.setTimeout(120_000);
const db = databaseForThisFile();
const BASE = "https://consulta.example.org";

const previousPublicUrl = process.env.PUBLIC_URL;
beforeAll(() => {
  process.env.PUBLIC_URL = `${BASE}/`;
});
afterAll(() => {
  if (previousPublicUrl === undefined) delete process.env.PUBLIC_URL;
  else process.env.PUBLIC_URL = previousPublicUrl;
});
beforeEach(async () => {
  await db.prisma.emailOutbox.deleteMany();
  await db.prisma.notification.deleteMany();
  await db.prisma.setting.deleteMany({ where: { key: "notifications.digestSentOn" } });
});

async function person(frequency: NotificationFrequency, locale: "it" | "en" = "it"): Promise<Actor & { email: string }> {
  const actor = await signedInUser(db.prisma, "STAKEHOLDER");
  await db.prisma.user.update({ where: { id: actor.userId }, data: { notificationFrequency: frequency, locale } });
  return { ...actor, email: actor.email! };
}

const closed = (roundTitle: string) => ({ roundId: "8d3c7c36-5c1b-4d55-9d8f-6a2f7d0b7a11", roundTitle, path: "/consultazioni/8d3c7c36-5c1b-4d55-9d8f-6a2f7d0b7a11" });
const outboxTo = (email: string) => db.prisma.emailOutbox.findMany({ where: { to: email }, orderBy: { createdAt: "asc" } });
/** 07:10 and 06:50 in Rome on 2026-11-28 (UTC+1 in winter). */
const after7 = new Date("2026-11-28T06:10:00Z");
const before7 = new Date("2026-11-28T05:50:00Z");

describe("immediate notifications", () => {
  test("are mailed through the outbox in the recipient's language, in the caller's transaction, and marked mailed", async () => {
    const english = await person("IMMEDIATE", "en");
    const italian = await person("IMMEDIATE", "it");
    await db.prisma.$transaction(async (tx) => {
      expect(await notify(tx, [english.userId, italian.userId, english.userId], "ROUND_CLOSED", closed("Consultazione di primavera"))).toBe(2);
    });
    const [en] = await outboxTo(english.email);
    const [it] = await outboxTo(italian.email);
    expect(en).toMatchObject({ template: "notification", locale: "en", status: "PENDING", subject: "The consultation “Consultazione di primavera” has closed" });
    expect(it).toMatchObject({ template: "notification", locale: "it", subject: "Si è chiusa la consultazione «Consultazione di primavera»" });
    // Links: the public address (PUBLIC_URL, trailing slash dropped) + the language prefix + the path.
    expect(en!.text).toContain(`${BASE}/en/consultazioni/8d3c7c36-5c1b-4d55-9d8f-6a2f7d0b7a11`);
    expect(en!.text).toContain(`${BASE}/en/account/notifiche`);
    expect(it!.text).toContain(`${BASE}/consultazioni/8d3c7c36-5c1b-4d55-9d8f-6a2f7d0b7a11`);
    const rows = await db.prisma.notification.findMany({ where: { userId: { in: [english.userId, italian.userId] } } });
    expect(rows).toHaveLength(2);
    expect(rows.every((row) => row.mailedAt instanceof Date && row.kind === "ROUND_CLOSED")).toBe(true);
  });

  test("roll back with the change that caused them: neither the notification nor the mail remains", async () => {
    const someone = await person("IMMEDIATE");
    await expect(
      db.prisma.$transaction(async (tx) => {
        await notify(tx, [someone.userId], "COMMENT_REPLY", { roundId: "r", commentId: "c", replyId: "d", path: "/consultazioni/r#comment-d" });
        throw new Error("the reply failed");
      }),
    ).rejects.toThrow("the reply failed");
    expect(await db.prisma.notification.count({ where: { userId: someone.userId } })).toBe(0);
    expect(await outboxTo(someone.email)).toEqual([]);
  });

  test("NONE and disabled accounts get nothing; DAILY_DIGEST waits without a mail", async () => {
    const none = await person("NONE");
    const disabled = await person("IMMEDIATE");
    await db.prisma.user.update({ where: { id: disabled.userId }, data: { disabledAt: new Date() } });
    const digest = await person("DAILY_DIGEST");
    // The plain client works too: notify opens its own transaction.
    expect(await notify(db.prisma, [none.userId, disabled.userId, digest.userId], "ROUND_CLOSED", closed("Autunno"))).toBe(1);
    expect(await db.prisma.notification.findMany({ where: { userId: { in: [none.userId, disabled.userId] } } })).toEqual([]);
    expect(await db.prisma.notification.findFirstOrThrow({ where: { userId: digest.userId } })).toMatchObject({ mailedAt: null });
    expect(await db.prisma.emailOutbox.count()).toBe(0);
  });

  test("a hidden contribution's author gets the reason, escaped in the HTML part and harmless in the text part", async () => {
    const author = await person("IMMEDIATE", "en");
    const facilitator = await signedInUser(db.prisma, "FACILITATOR");
    const comment = await createComment(db.prisma, author.userId);
    const reason = `Offensive <script>alert("x")</script> <img src=x onerror=alert(1)> \u202Egnp.exe`;
    await hideContribution(db.prisma, facilitator, { type: "comment", id: comment.id, reason });
    const [mail] = await outboxTo(author.email);
    expect(mail).toMatchObject({ subject: "One of your contributions was hidden", locale: "en" });
    expect(mail!.html).not.toMatch(/<script|<img/);
    expect(mail!.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;");
    expect(mail!.text).toContain(`The moderators' reason: “Offensive <script>alert("x")</script> <img src=x onerror=alert(1)> gnp.exe”`);
    expect(mail!.text).not.toContain("\u202E");
    expect(mail!.text).toContain(`${BASE}/en/piani/${comment.planSlug}/misure/1.1#comment-${comment.id}`);
  });

  test("the mail reaches a real SMTP server through the outbox worker", async () => {
    const someone = await person("IMMEDIATE", "it");
    await notify(db.prisma, [someone.userId], "PROPOSAL_ANSWERED", { roundId: "r", proposalId: "p", proposalTitle: "Più piste ciclabili", status: "PARTLY_ACCEPTED", path: "/consultazioni/r/proposte/p" });
    const server = await startTestSmtpServer();
    const transport = createMailTransport({ SMTP_URL: server.url, MAIL_FROM: "Consulta <consulta@test.invalid>", DATA_DIR: "/nonexistent" });
    jest.spyOn(logger, "info").mockImplementation(() => undefined);
    const worker = startOutboxWorker({ db: db.prisma, transport, intervalMs: 60_000 });
    try {
      await worker.drain();
      const mail = await server.waitForMessage(someone.email, 5_000);
      expect(mail.subject).toBe("Risposta alla tua proposta «Più piste ciclabili»");
      expect(mail.text).toContain("I facilitatori hanno risposto alla tua proposta «Più piste ciclabili»: accolta in parte.");
      expect(linksIn(mail)).toEqual([`${BASE}/consultazioni/r/proposte/p`, `${BASE}/account/notifiche`]);
    } finally {
      await worker.stop();
      transport.close();
      await server.stop();
      jest.restoreAllMocks();
    }
  });

  test("a round opening for 2,000 people fits in one transaction: one mail per IMMEDIATE person, none for the others", async () => {
    const stamp = Date.now().toString(36);
    const frequencies: NotificationFrequency[] = ["IMMEDIATE", "IMMEDIATE", "IMMEDIATE", "DAILY_DIGEST", "NONE"];
    await db.prisma.user.createMany({
      data: Array.from({ length: 2_000 }, (_, i) => ({ email: `crowd-${stamp}-${i}@example.it`, emailVerified: new Date(), notificationFrequency: frequencies[i % frequencies.length]!, locale: i % 2 ? "en" : "it" })),
    });
    const crowd = await db.prisma.user.findMany({ where: { email: { startsWith: `crowd-${stamp}-` } }, select: { id: true, email: true, notificationFrequency: true } });
    expect(crowd).toHaveLength(2_000);
    const immediate = crowd.filter((user) => user.notificationFrequency === "IMMEDIATE");
    const started = performance.now();
    // Prisma's default interactive-transaction timeout (5 s): a statement per mail risked it.
    const recorded = await db.prisma.$transaction(async (tx) =>
      notify(tx, crowd.map((user) => user.id), "ROUND_OPENED", { roundId: "r", roundTitle: "Consultazione d'autunno", closesAt: "2026-12-20T23:00:00.000Z", path: "/consultazioni/r" }),
    );
    console.log(`notify 2,000 users in one transaction: ${Math.round(performance.now() - started)} ms`);
    expect(recorded).toBe(1_600);
    const mails = await db.prisma.emailOutbox.groupBy({ by: ["to"], where: { to: { startsWith: `crowd-${stamp}-` } }, _count: { _all: true } });
    expect(mails).toHaveLength(immediate.length);
    expect(new Set(mails.map((mail) => mail.to))).toEqual(new Set(immediate.map((user) => user.email)));
    expect(mails.every((mail) => mail._count._all === 1)).toBe(true);
    const english = await db.prisma.emailOutbox.findFirstOrThrow({ where: { to: immediate.find((user) => user.email!.endsWith("-1@example.it"))!.email! } });
    expect(english).toMatchObject({ template: "notification", locale: "en", status: "PENDING" });
    expect(english.subject).toContain("Consultazione d'autunno");
    const rows = await db.prisma.notification.groupBy({ by: ["mailedAt"], where: { userId: { in: crowd.map((user) => user.id) } }, _count: { _all: true } });
    expect(rows.find((row) => row.mailedAt === null)?._count._all).toBe(400);
    expect(rows.filter((row) => row.mailedAt !== null).reduce((sum, row) => sum + row._count._all, 0)).toBe(1_200);
  });
});

describe("the daily digest", () => {
  test("waits until 07:00 in Rome", async () => {
    expect(romeClock(before7)).toEqual({ day: "2026-11-28", hour: 6 });
    expect(romeClock(new Date("2026-07-01T05:10:00Z"))).toEqual({ day: "2026-07-01", hour: 7 }); // summer time: UTC+2
    const digest = await person("DAILY_DIGEST");
    await notify(db.prisma, [digest.userId], "ROUND_CLOSED", closed("Inverno"));
    expect(await deliverDailyDigests(db.prisma, { now: before7 })).toMatchObject({ status: "too-early", mails: 0 });
    expect(await db.prisma.emailOutbox.count()).toBe(0);
    expect(await db.prisma.notification.findFirstOrThrow({ where: { userId: digest.userId } })).toMatchObject({ mailedAt: null });
  });

  test("sends one mail per person with all their unmailed notifications, marks them mailed, and only once that day", async () => {
    const anna = await person("DAILY_DIGEST", "it");
    const bob = await person("DAILY_DIGEST", "en");
    const immediate = await person("IMMEDIATE");
    await notify(db.prisma, [anna.userId, bob.userId, immediate.userId], "ROUND_CLOSED", closed("Prima <b>tornata</b>"));
    await notify(db.prisma, [anna.userId], "CONTRIBUTION_HIDDEN", { contribution: "proposal", reason: "Dati <script>personali</script>", path: "/consultazioni/r/proposte/p" });
    await notify(db.prisma, [bob.userId], "COMMENT_REPLY", { roundId: "r", commentId: "c", replyId: "d", path: "/consultazioni/r#comment-d" });
    const immediateMails = (await outboxTo(immediate.email)).length;

    const run = await deliverDailyDigests(db.prisma, { now: after7, baseUrl: BASE });
    expect(run).toEqual({ status: "sent", day: "2026-11-28", mails: 2, notifications: 4 });
    const [annaMail, ...annaMore] = await outboxTo(anna.email);
    const [bobMail, ...bobMore] = await outboxTo(bob.email);
    expect([annaMore, bobMore]).toEqual([[], []]);
    expect(annaMail).toMatchObject({ template: "notification-digest", locale: "it", subject: "Il tuo riepilogo di Consulta: 2 novità" });
    expect(annaMail!.text).toContain("Chiusa la consultazione «Prima <b>tornata</b>»");
    expect(annaMail!.text).toContain("Nascosto un tuo contributo (proposta): «Dati <script>personali</script>»");
    expect(annaMail!.html).not.toMatch(/<script|<b>/);
    expect(annaMail!.html).toContain("«Dati &lt;script&gt;personali&lt;/script&gt;»");
    expect(annaMail!.html).toContain(`href="${BASE}/consultazioni/r/proposte/p"`);
    expect(bobMail).toMatchObject({ locale: "en", subject: "Your Consulta digest: 2 updates" });
    expect(bobMail!.text).toContain(`${BASE}/en/consultazioni/r#comment-d`);
    // The immediate person's mail was sent at once, not again in a digest.
    expect(await outboxTo(immediate.email)).toHaveLength(immediateMails);
    expect(await db.prisma.notification.count({ where: { userId: { in: [anna.userId, bob.userId] }, mailedAt: null } })).toBe(0);

    // Later that day: nothing more, even with something new waiting; the next day it goes out.
    await notify(db.prisma, [anna.userId], "ROUND_CLOSED", closed("Seconda"));
    expect(await deliverDailyDigests(db.prisma, { now: new Date("2026-11-28T20:00:00Z"), baseUrl: BASE })).toMatchObject({ status: "already-sent" });
    expect(await outboxTo(anna.email)).toHaveLength(1);
    expect(await deliverDailyDigests(db.prisma, { now: new Date("2026-11-29T06:05:00Z"), baseUrl: BASE })).toEqual({ status: "sent", day: "2026-11-29", mails: 1, notifications: 1 });
    expect(await outboxTo(anna.email)).toHaveLength(2);
  });

  test("two instances running it at the same moment send each digest exactly once", async () => {
    const people = await Promise.all(Array.from({ length: 5 }, () => person("DAILY_DIGEST")));
    for (const round of ["A", "B"]) await notify(db.prisma, people.map((p) => p.userId), "ROUND_CLOSED", closed(round));
    const runs = await Promise.all([deliverDailyDigests(db.prisma, { now: after7 }), deliverDailyDigests(db.prisma, { now: after7 }), deliverDailyDigests(db.prisma, { now: after7 })]);
    expect(runs.filter((run) => run.status === "sent")).toEqual([{ status: "sent", day: "2026-11-28", mails: 5, notifications: 10 }]);
    expect(runs.filter((run) => run.status !== "sent").every((run) => run.status === "busy" || run.status === "already-sent")).toBe(true);
    for (const p of people) expect(await outboxTo(p.email)).toHaveLength(1);
    expect(await db.prisma.emailOutbox.count()).toBe(5);
  });

  test("people who switched to NONE get no digest, and what waited for them is dropped", async () => {
    const quitter = await person("DAILY_DIGEST");
    await notify(db.prisma, [quitter.userId], "ROUND_CLOSED", closed("C"));
    expect(await getNotificationFrequency(db.prisma, quitter)).toEqual({ frequency: "DAILY_DIGEST", pending: 1 });
    await setNotificationFrequency(db.prisma, quitter, { frequency: "NONE" });
    expect(await getNotificationFrequency(db.prisma, quitter)).toEqual({ frequency: "NONE", pending: 0 });
    expect(await deliverDailyDigests(db.prisma, { now: after7 })).toMatchObject({ status: "sent", mails: 0 });
    expect(await outboxTo(quitter.email)).toEqual([]);
  });
});

describe("the preference", () => {
  test("each person sets their own, with a valid value only", async () => {
    const someone = await person("IMMEDIATE");
    const other = await person("IMMEDIATE");
    await expect(setNotificationFrequency(db.prisma, someone, { frequency: "DAILY_DIGEST" })).resolves.toEqual({ frequency: "DAILY_DIGEST" });
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: someone.userId } })).notificationFrequency).toBe("DAILY_DIGEST");
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: other.userId } })).notificationFrequency).toBe("IMMEDIATE");
    await expect(setNotificationFrequency(db.prisma, someone, { frequency: "HOURLY" })).rejects.toMatchObject({ code: "VALIDATION", details: { frequency: "notifications.preferences.invalid" } });
    await expect(setNotificationFrequency(db.prisma, someone, { frequency: "NONE", userId: other.userId })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(setNotificationFrequency(db.prisma, null, { frequency: "NONE" })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: other.userId } })).notificationFrequency).toBe("IMMEDIATE");
  });
});
