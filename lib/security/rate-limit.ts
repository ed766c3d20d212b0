import { createHash } from "node:crypto";
import { AppError } from "@/lib/errors/app-error";
import type { PrismaClient } from "@/lib/db/client";
import type { RateLimitPolicy } from "./rate-limit-policies";

/**
 * Rate limiting in PostgreSQL, so that every app instance counts in the same place.
 *
 * Sliding-window approximation: counts live in fixed windows aligned on the epoch; the estimate is
 * the current window's count plus the previous window's count weighted by how much of it still
 * overlaps the sliding window. An attempt is admitted by one atomic upsert that increments the
 * current count only while it stays under the cap left by the previous window, so concurrent
 * attempts on any number of instances can never together exceed the limit, and refused attempts
 * do not count (a refused user's wait is known and does not grow while they retry).
 *
 * Instances must agree on the time (NTP): the window is computed from the app's clock.
 */
type Db = Pick<PrismaClient, "$queryRaw" | "$executeRaw">;

export interface RateLimitResult {
  /** Attempts left in the sliding window after this one. */
  remaining: number;
}

interface CounterRow {
  windowStart: Date;
  count: number;
}

/** Subjects (emails, IPs, user ids) are stored hashed: the table need not hold personal data. */
export function rateLimitKey(policy: RateLimitPolicy, subject: string): string {
  const digest = createHash("sha256").update(subject.trim().toLowerCase()).digest("base64url").slice(0, 32);
  return `${policy.name}:${digest}`;
}

/**
 * Counts one attempt of `subject` under `policy`; throws AppError RATE_LIMITED with
 * params.retryAfter (whole seconds) when the limit is reached.
 */
export async function consumeRateLimit(db: Db, policy: RateLimitPolicy, subject: string, now: Date = new Date()): Promise<RateLimitResult> {
  const windowMs = policy.windowSeconds * 1000;
  const currentStart = Math.floor(now.getTime() / windowMs) * windowMs;
  const previousStart = currentStart - windowMs;
  const key = rateLimitKey(policy, subject);
  const elapsed = (now.getTime() - currentStart) / windowMs;

  const rows = await db.$queryRaw<CounterRow[]>`
    SELECT "windowStart", "count" FROM "RateLimitCounter"
    WHERE "key" = ${key} AND "windowStart" IN (${iso(previousStart)}::timestamptz, ${iso(currentStart)}::timestamptz)`;
  const previous = rows.find((row) => row.windowStart.getTime() === previousStart)?.count ?? 0;
  // Tiny epsilon: 0.1 + 0.2 style float noise must not cost a legitimate attempt.
  const cap = Math.floor(policy.limit - previous * (1 - elapsed) + 1e-9);

  if (cap >= 1) {
    // The current window's row is also the next window's "previous": it lives two windows.
    const admitted = await db.$queryRaw<{ count: number }[]>`
      INSERT INTO "RateLimitCounter" ("key", "windowStart", "count", "expiresAt")
      VALUES (${key}, ${iso(currentStart)}::timestamptz, 1, ${iso(currentStart + 2 * windowMs)}::timestamptz)
      ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitCounter"."count" + 1
      WHERE "RateLimitCounter"."count" < ${cap}::int
      RETURNING "count"`;
    const count = admitted[0]?.count;
    if (count !== undefined) return { remaining: cap - count };
  }

  const current = await currentCount(db, key, currentStart);
  const retryAfter = secondsUntilAdmitted({ limit: policy.limit, windowSeconds: policy.windowSeconds, previous, current, elapsed });
  throw new AppError("RATE_LIMITED", "security.rateLimited", { retryAfter });
}

async function currentCount(db: Db, key: string, currentStart: number): Promise<number> {
  const rows = await db.$queryRaw<{ count: number }[]>`
    SELECT "count" FROM "RateLimitCounter" WHERE "key" = ${key} AND "windowStart" = ${iso(currentStart)}::timestamptz`;
  return rows[0]?.count ?? 0;
}

/**
 * When the next attempt would be admitted, in whole seconds (at least 1): later in this window,
 * once the previous window's weight has decayed enough, or else in the next window, once this
 * window's count (then the previous one) has.
 */
export function secondsUntilAdmitted(state: { limit: number; windowSeconds: number; previous: number; current: number; elapsed: number }): number {
  const { limit, windowSeconds, previous, current, elapsed } = state;
  let windowsToWait: number;
  if (current + 1 <= limit && previous > 0) {
    windowsToWait = 1 - (limit - current - 1) / previous - elapsed;
  } else {
    windowsToWait = 1 - elapsed + Math.max(0, 1 - (limit - 1) / Math.max(current, 1));
  }
  return Math.max(1, Math.ceil(windowsToWait * windowSeconds));
}

/** Forgets a subject's attempts (e.g. the per-account sign-in counter after a successful sign-in). */
export async function resetRateLimit(db: Db, policy: RateLimitPolicy, subject: string): Promise<void> {
  await db.$executeRaw`DELETE FROM "RateLimitCounter" WHERE "key" = ${rateLimitKey(policy, subject)}`;
}

/** Deletes counters no window can read any more; returns how many. */
export async function deleteExpiredRateLimitCounters(db: Db, now: Date = new Date()): Promise<number> {
  return db.$executeRaw`DELETE FROM "RateLimitCounter" WHERE "expiresAt" <= ${now.toISOString()}::timestamptz`;
}

/**
 * Runs deleteExpiredRateLimitCounters every `intervalMs` (the server calls this once at start);
 * returns a function that stops it. Failures are reported, never thrown: cleanup can wait.
 */
export function scheduleRateLimitCleanup(db: Db, onError: (error: unknown) => void, intervalMs = 10 * 60 * 1000): () => void {
  const timer = setInterval(() => {
    deleteExpiredRateLimitCounters(db).catch(onError);
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

const iso = (ms: number) => new Date(ms).toISOString();
