/**
 * Upgrading from the previous release: a database holding the previous release's data (seeded with
 * that release's own code, tests/fixtures/previous-release/) gets the current migrations, and the
 * current server works on it — pages of the plan and its rounds, readiness, a vote through the API —
 * with every row preserved.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { encode } from "next-auth/jwt";

import { createSession } from "@/lib/auth/session";
import { createPrismaClient } from "@/lib/db/client";
import { applyMigrations, listMigrations, migrationChecksum, migrationStatus, projectRoot } from "@/lib/db/migrate";
import { locateTool, runTool, toolConnection } from "@/lib/db/postgres-tools";
import { databaseFingerprint, rowCounts } from "../support/database-fingerprint";
import { startServer } from "../support/e2e-server";
import { type OpsDatabase, startOpsDatabase } from "../support/ops-database";
import { sql } from "../support/pg-sql";

jest.setTimeout(300_000);

interface Manifest {
  release: string;
  openRound: { id: string; planSlug: string; planId: string };
  publishedRoundId: string;
  closedRoundId: string;
  migrations: { name: string; checksum: string }[];
  counts: Record<string, number>;
}

const root = projectRoot();
const fixtureDir = path.join(root, "tests", "fixtures", "previous-release");
const manifest = JSON.parse(fs.readFileSync(path.join(fixtureDir, "manifest.json"), "utf8")) as Manifest;
const migrationsDir = path.join(root, "prisma", "migrations");
const currentMigrations = listMigrations(migrationsDir).migrationDirectories.map((m) => m.path);
const secret = "upgrade-test-secret-0123456789abcdef0123456789";

let database: OpsDatabase | undefined;
let server: Awaited<ReturnType<typeof startServer>> | undefined;
let tmp: string;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "consulta-upgrade-"));
  fs.chmodSync(tmp, 0o755);
  database = await startOpsDatabase("upgrade");
});

afterAll(async () => {
  await server?.stop();
  await database?.destroy();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function counts(url: string): Promise<Record<string, number>> {
  const all = rowCounts(await databaseFingerprint(url));
  return Object.fromEntries(Object.keys(manifest.counts).map((table) => [table, all[table] ?? -1]));
}

describe(`upgrade from the previous release`, () => {
  it("applies the new migrations to the previous release's data, and the current server works on it", async () => {
    const url = database!.url;

    // 1. The previous release's schema: its migrations, unchanged since (an applied migration is never edited).
    const previousDir = path.join(tmp, "previous-migrations");
    fs.mkdirSync(previousDir);
    fs.copyFileSync(path.join(migrationsDir, "migration_lock.toml"), path.join(previousDir, "migration_lock.toml"));
    for (const { name, checksum } of manifest.migrations) {
      const script = fs.readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8");
      expect({ name, checksum: migrationChecksum(script) }).toEqual({ name, checksum });
      fs.cpSync(path.join(migrationsDir, name), path.join(previousDir, name), { recursive: true });
    }
    expect((await applyMigrations(url, { migrationsDir: previousDir })).applied).toEqual(manifest.migrations.map((m) => m.name));

    // 2. Its data, as that release left it: the dump holds every table's full contents, also the rows the
    //    migrations themselves insert (reference data such as decision options), so those are emptied first.
    const tables = await sql<{ tablename: string }>(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'");
    await sql(url, `TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(", ")}`);
    const connection = toolConnection(url);
    const restore = await runTool(
      locateTool("pg_restore", 15),
      ["--data-only", "--disable-triggers", "--single-transaction", "--exit-on-error", "--no-owner", "--no-privileges", `--dbname=${connection.uri}`, path.join(fixtureDir, "data.dump")],
      connection.env,
    );
    expect(restore).toMatchObject({ code: 0, stderr: "" });
    expect(await counts(url)).toEqual(manifest.counts);

    // 3. The current migrations: exactly the ones added since, with every row kept.
    const newMigrations = currentMigrations.filter((name) => !manifest.migrations.some((m) => m.name === name));
    expect(newMigrations.length).toBeGreaterThan(0);
    expect((await migrationStatus(url)).pending).toEqual(newMigrations);
    expect((await applyMigrations(url)).applied).toEqual(newMigrations);
    expect(await migrationStatus(url)).toMatchObject({ pending: [], failed: [], unknown: [] });
    const afterMigrations = await databaseFingerprint(url);
    expect(await counts(url)).toEqual(manifest.counts);

    // 4. The current server on it.
    server = await startServer(url, path.join(tmp, "data"), { logName: "operations-upgrade.log", env: { NEXTAUTH_SECRET: secret } });
    const get = (pathname: string, init: RequestInit = {}) => fetch(`${server!.baseUrl}${pathname}`, { redirect: "manual", ...init, signal: AbortSignal.timeout(30_000) });

    // Ready: database up, no pending migration, not draining.
    const ready = await get("/api/ready");
    expect({ status: ready.status, body: await ready.json() }).toMatchObject({ status: 200, body: { status: "ready" } });
    for (const page of [
      `/piani/${manifest.openRound.planSlug}`,
      `/en/piani/${manifest.openRound.planSlug}`,
      `/consultazioni/${manifest.openRound.id}`,
      `/consultazioni/${manifest.publishedRoundId}`,
      `/consultazioni/${manifest.publishedRoundId}/esiti`,
      `/consultazioni/${manifest.closedRoundId}`,
    ]) {
      const response = await get(page);
      expect({ page, status: response.status }).toEqual({ page, status: 200 });
      await response.text();
    }
    const roundPage = await (await get(`/consultazioni/${manifest.openRound.id}`)).text();
    const [round] = await sql<{ title: string }>(url, `SELECT title FROM "Round" WHERE id = $1`, [manifest.openRound.id]);
    expect(roundPage).toContain(round!.title);

    // 5. A vote through the API, by a participant of the previous release, on a measure they had not voted on.
    const [voter] = await sql<{ userId: string }>(url, `SELECT DISTINCT "userId" FROM "Vote" WHERE "roundId" = $1 AND channel = 'WEB' ORDER BY "userId" LIMIT 1`, [manifest.openRound.id]);
    const [measure] = await sql<{ id: string }>(
      url,
      `SELECT m.id FROM "Measure" m JOIN "MeasureVersion" v ON v."measureId" = m.id JOIN "Round" r ON r."revisionId" = v."revisionId"
        WHERE r.id = $1 AND NOT EXISTS (SELECT 1 FROM "Vote" x WHERE x."roundId" = r.id AND x."measureId" = m.id AND x."userId" = $2)
        ORDER BY m.code LIMIT 1`,
      [manifest.openRound.id, voter!.userId],
    );
    const prisma = createPrismaClient(url, { maxConnections: 2 });
    let sessionId: string;
    try {
      ({ sessionId } = await createSession(prisma, voter!.userId, { ipAddress: "192.0.2.7", userAgent: "upgrade test" }));
    } finally {
      await prisma.$disconnect();
    }
    const cookie = `next-auth.session-token=${await encode({ token: { sid: sessionId }, secret, maxAge: 3600 })}`;
    const vote = await get(`/api/v1/rounds/${manifest.openRound.id}/votes`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: server.baseUrl, cookie },
      body: JSON.stringify({ measureId: measure!.id, choice: "SUPPORT", priority: 2 }),
    });
    const body = (await vote.json()) as { vote?: { id: string; outcome: string } };
    expect({ status: vote.status, body }).toMatchObject({ status: 200, body: { vote: { outcome: "created" } } });
    expect(await sql(url, `SELECT "userId", choice, priority, channel FROM "Vote" WHERE id = $1`, [body.vote!.id])).toEqual([
      { userId: voter!.userId, choice: "SUPPORT", priority: 2, channel: "WEB" },
    ]);

    // 6. Everything the previous release stored is still there, unchanged: the vote and its session are the only new rows
    //    (besides the runtime's own bookkeeping: rate-limit counters).
    const now = await databaseFingerprint(url);
    const changed = Object.keys(manifest.counts).filter((table) => now[table]?.checksum !== afterMigrations[table]?.checksum);
    expect(changed.sort()).toEqual(expect.arrayContaining(["UserSession", "Vote"]));
    expect(changed.filter((table) => !["UserSession", "Vote", "RateLimitCounter"].includes(table))).toEqual([]);
    expect(await counts(url)).toEqual({ ...manifest.counts, Vote: manifest.counts.Vote! + 1, UserSession: manifest.counts.UserSession! + 1, RateLimitCounter: now.RateLimitCounter!.rows });
  });
});
