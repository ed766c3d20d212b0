/**
 * Sends what enqueueMail() wrote. Every app instance runs one worker; rows are claimed with a lease
 * (lockedUntil) taken under FOR UPDATE SKIP LOCKED, so two workers never send the same mail, and a
 * worker that dies mid-send only delays its rows until the lease runs out. A failed send is retried
 * with exponential backoff: a mail server that is down delays mail, it does not lose it.
 */
import type { PrismaClient } from "@/lib/db/generated/client";
import { logger } from "@/lib/observability/logger";

import type { MailTransport } from "./mail-transport";

export interface OutboxWorkerOptions {
  db: Pick<PrismaClient, "$queryRaw" | "$executeRaw">;
  transport: Pick<MailTransport, "send">;
  /** Pause between polls when nothing is due (default 5 s). */
  intervalMs?: number;
  /** Rows claimed per query (default 10). */
  batchSize?: number;
  /** Attempts before a mail is marked FAILED (default 10: about 3 hours of retries with the default backoff). */
  maxAttempts?: number;
  /** Delay after the first failure, doubled after each next one (default 30 s). */
  backoffBaseMs?: number;
  /** Longest delay between attempts (default 1 hour). */
  backoffMaxMs?: number;
  /** How long a claimed row stays reserved for this worker (default 5 min, well above the SMTP timeouts). */
  leaseMs?: number;
}

export interface OutboxWorker {
  /** Stops polling and waits for the batch in flight. */
  stop(): Promise<void>;
  /** Processes every mail due now (tests, shutdown); failures are rescheduled, not retried here. */
  drain(): Promise<void>;
}

interface ClaimedMail {
  id: string;
  to: string;
  template: string;
  subject: string;
  text: string;
  html: string | null;
  attempts: number;
}

/** Delay before attempt n+1 after n failed attempts (n ≥ 1). */
export function retryDelayMs(failedAttempts: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, failedAttempts - 1));
}

export function startOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { db, transport } = options;
  const intervalMs = options.intervalMs ?? 5_000;
  const batchSize = options.batchSize ?? 10;
  const maxAttempts = options.maxAttempts ?? 10;
  const backoffBaseMs = options.backoffBaseMs ?? 30_000;
  const backoffMaxMs = options.backoffMaxMs ?? 3_600_000;
  const leaseMs = options.leaseMs ?? 300_000;

  async function claim(dueBy: Date | null): Promise<ClaimedMail[]> {
    return db.$queryRaw<ClaimedMail[]>`
      UPDATE "EmailOutbox" SET "lockedUntil" = now() + make_interval(secs => ${leaseMs / 1000}::float8)
      WHERE id IN (
        SELECT id FROM "EmailOutbox"
        WHERE status = 'PENDING' AND "sendAfter" <= LEAST(now(), COALESCE(${dueBy}::timestamptz, now()))
          AND ("lockedUntil" IS NULL OR "lockedUntil" < now())
        ORDER BY "sendAfter"
        LIMIT ${batchSize}
        FOR UPDATE SKIP LOCKED
      )
      RETURNING id, "to", template, subject, text, html, attempts`;
  }

  async function deliver(mail: ClaimedMail): Promise<void> {
    try {
      await transport.send(mail);
    } catch (error) {
      await recordFailure(mail, error);
      return;
    }
    await db.$executeRaw`
      UPDATE "EmailOutbox" SET status = 'SENT', "sentAt" = now(), attempts = attempts + 1, "lockedUntil" = NULL, "lastError" = NULL
      WHERE id = ${mail.id}::uuid`;
    logger.info("mail sent", { id: mail.id, template: mail.template });
  }

  async function recordFailure(mail: ClaimedMail, error: unknown): Promise<void> {
    const attempts = mail.attempts + 1;
    const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
    if (attempts >= maxAttempts) {
      await db.$executeRaw`
        UPDATE "EmailOutbox" SET status = 'FAILED', attempts = ${attempts}, "lastError" = ${lastError}, "lockedUntil" = NULL
        WHERE id = ${mail.id}::uuid`;
      // The recipient address is personal data: the id leads to it for whoever may look.
      logger.error("mail failed permanently", { id: mail.id, template: mail.template, attempts, error: lastError });
      return;
    }
    const delayMs = retryDelayMs(attempts, backoffBaseMs, backoffMaxMs);
    await db.$executeRaw`
      UPDATE "EmailOutbox"
      SET attempts = ${attempts}, "lastError" = ${lastError}, "lockedUntil" = NULL,
          "sendAfter" = now() + make_interval(secs => ${delayMs / 1000}::float8)
      WHERE id = ${mail.id}::uuid`;
    logger.warn("mail send failed, will retry", { id: mail.id, template: mail.template, attempts, retryInMs: delayMs, error: lastError });
  }

  /** Claims and sends batches until nothing due by `dueBy` (null: now) is left; returns rows handled. */
  async function processDue(dueBy: Date | null): Promise<number> {
    let handled = 0;
    for (;;) {
      const batch = await claim(dueBy);
      for (const mail of batch) await deliver(mail);
      handled += batch.length;
      if (batch.length < batchSize) return handled;
    }
  }

  // One pass at a time per worker: polls and drain() calls queue behind each other.
  let running: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(task: () => Promise<T>): Promise<T> => {
    const result = running.then(task);
    running = result.catch(() => undefined);
    return result;
  };

  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      exclusive(() => processDue(null))
        .catch((error: unknown) => logger.warn("mail outbox poll failed", { error }))
        .finally(schedule);
    }, intervalMs);
    timer.unref();
  };
  schedule();

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
    async drain() {
      // A cutoff taken from the database clock: rows rescheduled during the drain (backoff) are
      // left for later, so a drain always ends even when every send fails.
      const [{ now }] = (await db.$queryRaw<{ now: Date }[]>`SELECT now() AS now`) as [{ now: Date }];
      await exclusive(() => processDue(now));
    },
  };
}
