import type { PrismaClient } from "@/lib/db/client";
import type { NotificationKind } from "@/lib/db/generated/enums";
import { isLocale } from "@/lib/i18n/locales";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import { logger } from "@/lib/observability/logger";
import { mailBaseUrl } from "./mail-links";
import type { NotificationData, NotificationItem } from "./notify";
import { DIGEST_HOUR, DIGEST_MAX_ITEMS, DIGEST_SENT_ON_KEY, DIGEST_TIME_ZONE } from "./notifications.schemas";

export type DigestRun =
  | { status: "sent"; day: string; mails: number; notifications: number }
  | { status: "too-early" | "already-sent" | "busy"; day: string; mails: 0; notifications: 0 };

interface PendingRow {
  id: string;
  userId: string;
  kind: NotificationKind;
  data: unknown;
  createdAt: Date;
  email: string;
  locale: string;
}

/** The date (YYYY-MM-DD) and hour on the authority's clock. */
export function romeClock(now: Date): { day: string; hour: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", { timeZone: DIGEST_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", hourCycle: "h23" })
      .formatToParts(now)
      .map((part) => [part.type, part.value]),
  );
  return { day: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) };
}

/**
 * Once a day, from 07:00 in Rome: one digest mail per person with every notification not yet
 * mailed, and those notifications marked mailed — in one transaction, so a crash leaves both or
 * neither. Exactly once per day even with several app instances: the run holds a transaction-level
 * advisory lock (a second instance at the same moment answers "busy"), and the Rome date of the
 * last run is stored in Setting (a later run that day answers "already-sent"); the rows themselves
 * are taken FOR UPDATE SKIP LOCKED.
 */
export async function deliverDailyDigests(db: PrismaClient, options: { now?: Date; baseUrl?: string } = {}): Promise<DigestRun> {
  const { day, hour } = romeClock(options.now ?? new Date());
  if (hour < DIGEST_HOUR) return { status: "too-early", day, mails: 0, notifications: 0 };
  const baseUrl = options.baseUrl ?? mailBaseUrl();
  return db.$transaction(
    async (tx): Promise<DigestRun> => {
      const [{ locked }] = (await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtext(${DIGEST_SENT_ON_KEY})::bigint) AS locked`) as [{ locked: boolean }];
      if (!locked) return { status: "busy", day, mails: 0, notifications: 0 };
      const last = await tx.setting.findUnique({ where: { key: DIGEST_SENT_ON_KEY }, select: { value: true } });
      if (last?.value === day) return { status: "already-sent", day, mails: 0, notifications: 0 };

      const rows = await tx.$queryRaw<PendingRow[]>`
        SELECT n.id, n."userId", n.kind::text AS kind, n.data, n."createdAt", u.email, u.locale
        FROM "Notification" n JOIN "User" u ON u.id = n."userId"
        WHERE n."mailedAt" IS NULL AND u."notificationFrequency" <> 'NONE'
          AND u."disabledAt" IS NULL AND u."erasedAt" IS NULL AND u.email IS NOT NULL
        ORDER BY n."userId", n."createdAt", n.id
        FOR UPDATE OF n SKIP LOCKED`;
      const byUser = new Map<string, PendingRow[]>();
      for (const row of rows) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row]);

      for (const pending of byUser.values()) {
        const [first] = pending as [PendingRow];
        // Newest first in the mail; beyond the cap, a count.
        const items = pending
          .slice()
          .reverse()
          .slice(0, DIGEST_MAX_ITEMS)
          .map((row) => ({ kind: row.kind, data: row.data as NotificationData[typeof row.kind], createdAt: row.createdAt }) as NotificationItem & { createdAt: Date });
        await enqueueMail(tx, {
          to: first.email,
          template: "notification-digest",
          locale: isLocale(first.locale) ? first.locale : "it",
          params: { baseUrl, items, more: pending.length - items.length },
        });
      }
      if (rows.length > 0) {
        await tx.notification.updateMany({ where: { id: { in: rows.map((row) => row.id) } }, data: { mailedAt: new Date() } });
      }
      await tx.setting.upsert({ where: { key: DIGEST_SENT_ON_KEY }, create: { key: DIGEST_SENT_ON_KEY, value: day }, update: { value: day } });
      return { status: "sent", day, mails: byUser.size, notifications: rows.length };
    },
    // A digest day with many people is one longer transaction; the default 5 s would cut it short.
    { timeout: 120_000, maxWait: 10_000 },
  );
}

/**
 * Runs deliverDailyDigests every `intervalMs` (default 10 minutes) and once shortly after start;
 * it does something only on the first run after 07:00 each day. The timer does not keep the
 * process alive.
 */
export function startDailyDigests(options: { db: PrismaClient; intervalMs?: number }): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = running
      .then(() => deliverDailyDigests(options.db))
      .then((run) => {
        if (run.status === "sent") logger.info("daily digests queued", { day: run.day, mails: run.mails, notifications: run.notifications });
      })
      .catch((error: unknown) => logger.warn("daily digest run failed", { error }));
  };
  const first = setTimeout(tick, 30_000);
  first.unref();
  const timer = setInterval(tick, options.intervalMs ?? 10 * 60_000);
  timer.unref();
  return {
    async stop() {
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
