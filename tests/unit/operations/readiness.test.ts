import type { PrismaClient } from "@/lib/db/client";
import { readiness } from "@/lib/operations/readiness";
import { startDatabaseMonitor } from "@/lib/operations/database-availability";

/** A stand-in for the one query readiness makes: the applied migrations. */
function appliedMigrations(names: string[] | Error): PrismaClient {
  return { $queryRaw: async () => (names instanceof Error ? Promise.reject(names) : names.map((migration_name) => ({ migration_name }))) } as unknown as PrismaClient;
}

describe("readiness", () => {
  const shipped = ["20260101000000_init", "20260201000000_more"];

  test("ready only with the database up, every shipped migration applied and no shutdown under way", async () => {
    expect(await readiness(appliedMigrations(shipped), shipped, false)).toEqual({ ready: true, database: "up", pendingMigrations: [], draining: false });
    expect(await readiness(appliedMigrations(shipped.slice(0, 1)), shipped, false)).toEqual({ ready: false, database: "up", pendingMigrations: ["20260201000000_more"], draining: false });
    expect(await readiness(appliedMigrations(shipped), shipped, true)).toEqual({ ready: false, database: "up", pendingMigrations: [], draining: true });
    expect(await readiness(appliedMigrations(new Error("Connection terminated")), shipped, false)).toMatchObject({ ready: false, database: "down" });
  });

  test("not ready while the monitor sees the database down (no query made)", async () => {
    const quiet = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
    const monitor = startDatabaseMonitor("postgresql://unused", { probe: async () => false, intervalMs: 60_000, downIntervalMs: 60_000 });
    try {
      await monitor.check();
      const db = { $queryRaw: jest.fn() } as unknown as PrismaClient;
      expect(await readiness(db, shipped, false)).toEqual({ ready: false, database: "down", pendingMigrations: [], draining: false });
      expect((db as unknown as { $queryRaw: jest.Mock }).$queryRaw).not.toHaveBeenCalled();
    } finally {
      monitor.stop();
      // Back to "up" for whatever runs next in this module registry.
      const up = startDatabaseMonitor("postgresql://unused", { probe: async () => true, intervalMs: 60_000 });
      await up.check();
      up.stop();
      quiet.mockRestore();
    }
  });
});
