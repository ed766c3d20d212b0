import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { RateLimitPolicy } from "@/lib/security/rate-limit-policies";
import { consumeRateLimit, deleteExpiredRateLimitCounters, rateLimitKey, resetRateLimit } from "@/lib/security/rate-limit";
import { databaseForThisFile } from "@/tests/support/test-database";

const db = databaseForThisFile();

const policy: RateLimitPolicy = { name: "test", limit: 5, windowSeconds: 60 };
/** Window boundaries are aligned on the epoch: this is the start of one. */
const windowStart = Date.UTC(2026, 10, 28, 10, 0, 0);
const at = (seconds: number) => new Date(windowStart + seconds * 1000);

async function attempt(subject: string, now: Date, client: PrismaClient = db.prisma): Promise<number | AppError> {
  try {
    return (await consumeRateLimit(client, policy, subject, now)).remaining;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

describe("PostgreSQL rate limiter", () => {
  test("admits `limit` attempts, then refuses with RATE_LIMITED and a Retry-After", async () => {
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await attempt("alice", at(30)));
    expect(results.slice(0, 5)).toEqual([4, 3, 2, 1, 0]);
    const refusal = results[5];
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: "RATE_LIMITED", messageKey: "security.rateLimited" });
    // 30 s left of this window; next window: 5·(1−g)+1 ≤ 5 ⇒ g ≥ 0.2 ⇒ 12 s more.
    expect((refusal as AppError).params.retryAfter).toBe(42);
    // Other subjects and other policies have their own counters.
    expect(await attempt("bob", at(30))).toBe(4);
    expect(await consumeRateLimit(db.prisma, { ...policy, name: "other" }, "alice", at(30))).toEqual({ remaining: 4 });
  });

  test("refused attempts do not count, and the window slides: admitted again exactly when Retry-After said", async () => {
    for (let i = 0; i < 5; i++) await attempt("carol", at(0));
    for (let i = 0; i < 10; i++) expect(await attempt("carol", at(10))).toBeInstanceOf(AppError);
    const retryAfter = ((await attempt("carol", at(10))) as AppError).params.retryAfter as number;
    expect(retryAfter).toBe(62); // 50 s to the next window + 12 s of decay
    // One second early: still refused (the previous window still weighs too much).
    expect(await attempt("carol", at(10 + retryAfter - 1))).toBeInstanceOf(AppError);
    expect(await attempt("carol", at(10 + retryAfter))).toBe(0);
    // That attempt (at 72 s) still weighs fully at the start of the next window, not a window later.
    expect(await attempt("carol", at(120))).toBe(3);
    // After a whole idle window nothing weighs any more.
    expect(await attempt("carol", at(240))).toBe(4);
  });

  test("50 concurrent attempts from two app instances never exceed the limit", async () => {
    const second = createPrismaClient(db.url, { maxConnections: 10 });
    try {
      const concurrentPolicy: RateLimitPolicy = { name: "concurrent", limit: 7, windowSeconds: 60 };
      const results = await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) => consumeRateLimit(i % 2 ? second : db.prisma, concurrentPolicy, "dave", at(5))),
      );
      const admitted = results.filter((result) => result.status === "fulfilled");
      const refused = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
      expect(admitted).toHaveLength(7);
      expect(refused).toHaveLength(43);
      for (const { reason } of refused) expect(reason).toMatchObject({ code: "RATE_LIMITED" });
      const rows = await db.prisma.rateLimitCounter.findMany({ where: { key: rateLimitKey(concurrentPolicy, "dave") } });
      expect(rows.map((row) => row.count)).toEqual([7]);
    } finally {
      await second.$disconnect();
    }
  });

  test("cleanup deletes counters no window can read any more, and keeps the rest", async () => {
    const cleanupPolicy: RateLimitPolicy = { name: "cleanup", limit: 5, windowSeconds: 60 };
    await consumeRateLimit(db.prisma, cleanupPolicy, "old", at(0));
    await consumeRateLimit(db.prisma, cleanupPolicy, "new", at(90));
    const keys = async () =>
      (await db.prisma.rateLimitCounter.findMany({ where: { key: { startsWith: "cleanup:" } } })).map((row) => row.key).sort();
    // At 100 s the first window's row is still the "previous" window of the current one.
    await deleteExpiredRateLimitCounters(db.prisma, at(100));
    expect(await keys()).toHaveLength(2);
    const deleted = await deleteExpiredRateLimitCounters(db.prisma, at(125));
    expect(deleted).toBeGreaterThanOrEqual(1);
    expect(await keys()).toEqual([rateLimitKey(cleanupPolicy, "new")]);
  });

  test("reset forgets a subject's attempts", async () => {
    for (let i = 0; i < 5; i++) await attempt("erin", at(0));
    expect(await attempt("erin", at(1))).toBeInstanceOf(AppError);
    await resetRateLimit(db.prisma, policy, "erin");
    expect(await attempt("erin", at(2))).toBe(4);
  });
});
