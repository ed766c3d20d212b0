/**
 * The WebAssembly migrate runner against real PostgreSQL: the migrations produce exactly
 * schema.prisma (no drift), record the standard `_prisma_migrations` rows, and are idempotent.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";


import { applyMigrations, createMigration, diffMigrationsAgainstSchema, migrationChecksum, projectRoot } from "@/lib/db/migrate";
import { createEmptyDatabase, onServer, testServer } from "@/tests/support/test-database";
import { sql } from "../support/pg-sql";

jest.setTimeout(120_000);

const root = projectRoot();
const migrationsDir = path.join(root, "prisma", "migrations");
const schemaPath = path.join(root, "prisma", "schema.prisma");

function migrationNames(dir = migrationsDir): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

async function shadowDatabases(): Promise<string[]> {
  return onServer(testServer().serverUrl, async (c) =>
    (await c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'")).rows.map(
      (r) => r.datname,
    ),
  );
}

describe("prisma/migrations", () => {
  it("produce exactly the schema in schema.prisma (no drift)", async () => {
    const drift = await diffMigrationsAgainstSchema(testServer().serverUrl);
    if (drift) {
      throw new Error(
        `schema.prisma differs from what prisma/migrations produce. Create a migration with\n` +
          `  npm run db:migration -- <name>\nMissing SQL:\n${drift}`,
      );
    }
    expect(drift).toBe("");
    // The shadow database is dropped after its pool is closed: nothing left behind.
    expect(await shadowDatabases()).toEqual([]);
  });

  it("detect drift when schema.prisma changes without a migration", async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "consulta-schema-"));
    try {
      const edited = path.join(tmp, "schema.prisma");
      fs.writeFileSync(edited, `${fs.readFileSync(schemaPath, "utf8")}\nmodel DriftProbe {\n  id Int @id\n}\n`);
      const drift = await diffMigrationsAgainstSchema(testServer().serverUrl, { schemaPath: edited });
      expect(drift).toContain('CREATE TABLE "DriftProbe"');
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it("apply to an empty database with the standard _prisma_migrations rows and checksums", async () => {
    const db = await createEmptyDatabase();
    try {
      const { applied } = await applyMigrations(db.url);
      expect(applied).toEqual(migrationNames());

      const rows = await sql<{
        migration_name: string;
        checksum: string;
        finished_at: Date | null;
        rolled_back_at: Date | null;
        logs: string | null;
        applied_steps_count: number;
      }>(db.url, "SELECT migration_name, checksum, finished_at, rolled_back_at, logs, applied_steps_count FROM _prisma_migrations ORDER BY migration_name");
      expect(rows.map((r) => r.migration_name)).toEqual(migrationNames());
      for (const row of rows) {
        const sql = fs.readFileSync(path.join(migrationsDir, row.migration_name, "migration.sql"), "utf8");
        // What `prisma migrate deploy` stores, so the native CLI accepts this history.
        expect(row.checksum).toBe(migrationChecksum(sql));
        expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
        expect(row.finished_at).toBeInstanceOf(Date);
        expect(row.rolled_back_at).toBeNull();
        expect(row.logs).toBeNull();
        expect(row.applied_steps_count).toBe(1);
      }

      // The domain tables exist.
      const tables = await sql<{ table_name: string }>(db.url, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
      expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(["Plan", "Revision", "Measure", "MeasureVersion", "_prisma_migrations"]));
    } finally {
      await db.drop();
    }
  });

  it("applying twice is a no-op", async () => {
    const db = await createEmptyDatabase();
    try {
      await applyMigrations(db.url);
      const before = await sql(db.url, "SELECT id, checksum, finished_at FROM _prisma_migrations ORDER BY id");
      const again = await applyMigrations(db.url);
      expect(again.applied).toEqual([]);
      expect(await sql(db.url, "SELECT id, checksum, finished_at FROM _prisma_migrations ORDER BY id")).toEqual(before);
    } finally {
      await db.drop();
    }
  });

  it("never re-run an applied migration that was edited afterwards", async () => {
    const db = await createEmptyDatabase();
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "consulta-migrations-"));
    try {
      await applyMigrations(db.url);
      fs.cpSync(migrationsDir, tmp, { recursive: true });
      const first = migrationNames(tmp)[0] as string;
      fs.appendFileSync(path.join(tmp, first, "migration.sql"), "\n-- edited after being applied\nSELECT 1;\n");
      fs.mkdirSync(path.join(tmp, "99990101000000_later"));
      fs.writeFileSync(path.join(tmp, "99990101000000_later", "migration.sql"), 'CREATE TABLE "Later" (id int);\n');
      const { applied } = await applyMigrations(db.url, { migrationsDir: tmp });
      expect(applied).toEqual(["99990101000000_later"]);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
      await db.drop();
    }
  });

  it("report a failing migration, then refuse to continue past it (like migrate deploy)", async () => {
    const db = await createEmptyDatabase();
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "consulta-migrations-"));
    try {
      fs.cpSync(migrationsDir, tmp, { recursive: true });
      fs.mkdirSync(path.join(tmp, "99990101000000_broken"));
      fs.writeFileSync(path.join(tmp, "99990101000000_broken", "migration.sql"), 'ALTER TABLE "NoSuchTable" ADD COLUMN x int;\n');
      await expect(applyMigrations(db.url, { migrationsDir: tmp })).rejects.toThrow(/^Migration 99990101000000_broken failed: .*NoSuchTable/);
      await expect(applyMigrations(db.url, { migrationsDir: tmp })).rejects.toThrow(/failed migrations/i);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
      await db.drop();
    }
  });

  it("createMigration writes the SQL for schema changes, after which there is no drift", async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "consulta-newmig-"));
    try {
      const tmpMigrations = path.join(tmp, "migrations");
      fs.cpSync(migrationsDir, tmpMigrations, { recursive: true });
      const edited = path.join(tmp, "schema.prisma");
      fs.writeFileSync(edited, `${fs.readFileSync(schemaPath, "utf8")}\nmodel DriftProbe {\n  id   Int    @id\n  note String\n}\n`);
      const url = testServer().serverUrl;

      const created = await createMigration("Add drift probe!", { databaseUrl: url, migrationsDir: tmpMigrations, schemaPath: edited });
      expect(created).not.toBeNull();
      expect(created?.name).toMatch(/^\d{14}_add_drift_probe$/);
      const sql = fs.readFileSync(path.join(tmpMigrations, created?.name ?? "", "migration.sql"), "utf8");
      expect(sql).toContain('CREATE TABLE "DriftProbe"');
      expect(fs.readFileSync(path.join(tmpMigrations, "migration_lock.toml"), "utf8")).toContain('provider = "postgresql"');

      expect(await diffMigrationsAgainstSchema(url, { migrationsDir: tmpMigrations, schemaPath: edited })).toBe("");
      expect(await createMigration("again", { databaseUrl: url, migrationsDir: tmpMigrations, schemaPath: edited })).toBeNull();
      expect(await shadowDatabases()).toEqual([]);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
