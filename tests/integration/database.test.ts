/** ensureDatabase(): DATABASE_URL when set, otherwise the embedded server; migrations applied either way. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import pg from "pg";

import { ensureDatabase } from "@/lib/db/database";
import { createPrismaClient } from "@/lib/db/client";
import { createEmptyDatabase } from "@/tests/support/test-database";

jest.setTimeout(120_000);

async function appliedMigrations(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ migration_name: string }>("SELECT migration_name FROM _prisma_migrations ORDER BY 1")).rows.map(
      (r) => r.migration_name,
    );
  } finally {
    await client.end();
  }
}

const migrationCount = fs
  .readdirSync(path.join(__dirname, "..", "..", "prisma", "migrations"), { withFileTypes: true })
  .filter((e) => e.isDirectory()).length;

describe("ensureDatabase", () => {
  const savedUrl = process.env.DATABASE_URL;
  afterEach(() => {
    if (savedUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = savedUrl;
  });

  it("uses DATABASE_URL when set (no embedded server, nothing written to the data dir)", async () => {
    const target = await createEmptyDatabase();
    const dataDir = path.join(os.tmpdir(), `consulta-unused-${process.pid}-${Date.now()}`);
    try {
      process.env.DATABASE_URL = target.url;
      const db = await ensureDatabase({ dataDir });
      expect(db.url).toBe(target.url);
      expect(db.embedded).toBe(false);
      expect(db.appliedMigrations).toHaveLength(migrationCount);
      expect(await appliedMigrations(target.url)).toEqual(db.appliedMigrations);
      expect(fs.existsSync(dataDir)).toBe(false);
      await db.stop(); // a no-op: the server is not ours

      const again = await ensureDatabase({ dataDir });
      expect(again.appliedMigrations).toEqual([]);
    } finally {
      await target.drop();
    }
  });

  it("starts the embedded server under dataDir when DATABASE_URL is unset, and keeps data across runs", async () => {
    delete process.env.DATABASE_URL;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "consulta-ensure-"));
    fs.chmodSync(dataDir, 0o755);
    try {
      const first = await ensureDatabase({ dataDir });
      try {
        expect(first.embedded).toBe(true);
        expect(new URL(first.url).pathname).toBe("/consulta");
        expect(first.appliedMigrations).toHaveLength(migrationCount);
        const prisma = createPrismaClient(first.url);
        try {
          await prisma.plan.create({ data: { slug: "kept", title: "Kept", issuer: "Test" } });
        } finally {
          await prisma.$disconnect();
        }
      } finally {
        await first.stop();
      }
      expect(fs.existsSync(path.join(dataDir, "postgres", "PG_VERSION"))).toBe(true);

      const second = await ensureDatabase({ dataDir });
      try {
        expect(second.appliedMigrations).toEqual([]);
        const prisma = createPrismaClient(second.url);
        try {
          expect(await prisma.plan.findMany({ select: { slug: true } })).toEqual([{ slug: "kept" }]);
        } finally {
          await prisma.$disconnect();
        }
      } finally {
        await second.stop();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
