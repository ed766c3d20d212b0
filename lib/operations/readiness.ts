import path from "node:path";
import type { PrismaClient } from "@/lib/db/client";
import { listMigrations, projectRoot } from "@/lib/db/migrate";
import { isDatabaseUp } from "./database-availability";

/**
 * /api/ready: whether this instance should get traffic — the database answers, every migration
 * this version ships is applied, and the process is not shutting down.
 */
export interface ReadinessReport {
  ready: boolean;
  database: "up" | "down";
  pendingMigrations: string[];
  draining: boolean;
}

/** The migration directories this version ships (prisma/migrations), read once. */
export function shippedMigrations(migrationsDir = path.join(projectRoot(), "prisma", "migrations")): string[] {
  return listMigrations(migrationsDir).migrationDirectories.map((directory) => directory.path);
}

/** Shipped migrations the database has not finished applying (all of them when it has none). */
export async function pendingMigrations(db: PrismaClient, shipped: readonly string[], timeoutMs = 2000): Promise<string[]> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("migration check timed out")), timeoutMs);
  });
  try {
    const applied = await Promise.race([
      db.$queryRaw<{ migration_name: string }[]>`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      timeout,
    ]);
    const done = new Set(applied.map((row) => row.migration_name));
    return shipped.filter((name) => !done.has(name));
  } finally {
    clearTimeout(timer);
  }
}

export async function readiness(db: PrismaClient, shipped: readonly string[], draining: boolean): Promise<ReadinessReport> {
  let database: "up" | "down" = isDatabaseUp() ? "up" : "down";
  let pending: string[] = [];
  if (database === "up") {
    try {
      pending = await pendingMigrations(db, shipped);
    } catch {
      database = "down";
    }
  }
  return { ready: database === "up" && pending.length === 0 && !draining, database, pendingMigrations: pending, draining };
}
