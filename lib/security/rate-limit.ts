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

  // One statement: read the previous window's count, derive the cap, and count the attempt when under it.
  // (Tiny epsilon: 0.1 + 0.2 style float noise must not cost a legitimate attempt. The current window's
  // row is also the next window's "previous": it lives two windows.)
  const [row] = await db.$queryRaw<{ previous: number; admitted: number | null; cap: number }[]>`
    WITH previous AS (
      SELECT coalesce((SELECT "count" FROM "RateLimitCounter" WHERE "key" = ${key} AND "windowStart" = ${iso(previousStart)}::timestamptz), 0) AS "count"
    ), cap AS (
      SELECT "count" AS "previous", floor(${policy.limit}::float8 - "count" * (1 - ${elapsed}::float8) + 1e-9)::int AS "cap" FROM previous
    ), admitted AS (
      INSERT INTO "RateLimitCounter" ("key", "windowStart", "count", "expiresAt")
      SELECT ${key}, ${iso(currentStart)}::timestamptz, 1, ${iso(currentStart + 2 * windowMs)}::timestamptz FROM cap WHERE cap."cap" >= 1
      ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitCounter"."count" + 1
      WHERE "RateLimitCounter"."count" < (SELECT "cap" FROM cap)
      RETURNING "count"
    )
    SELECT cap."previous", cap."cap", (SELECT "count" FROM admitted) AS "admitted" FROM cap`;
  const { previous, cap, admitted } = row!;
  if (admitted !== null) return { remaining: cap - admitted };

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
