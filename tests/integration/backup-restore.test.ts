/**
 * npm run db:backup / db:restore / db:migrate -- --status, run as an operator runs them (the npm
 * scripts, real pg_dump/pg_restore) on a database holding a realistic round: restored into an empty
 * database, every table has the same rows (count and content checksum); with DATABASE_URL and with
 * the embedded cluster under DATA_DIR (also while it is running); a non-empty target is refused
 * unless --replace.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";


import { createPrismaClient } from "@/lib/db/client";
import { createDatabaseIfMissing } from "@/lib/db/database";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { applyMigrations, listMigrations, projectRoot } from "@/lib/db/migrate";
import { toolConnection } from "@/lib/db/postgres-tools";
import { databaseFingerprint, runNpmScript, type DatabaseFingerprint } from "../support/database-fingerprint";
import { seedRealisticRound } from "../support/realistic-round";
import { createEmptyDatabase, databaseForThisFile } from "../support/test-database";
import { sql } from "../support/pg-sql";

jest.setTimeout(240_000);

const db = databaseForThisFile();
const root = projectRoot();
let tmp: string;
let source: DatabaseFingerprint;
let backupFile: string;

/** The environment of an operator's shell: no DATABASE_URL unless given. */
function shellEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  if (!extra.DATABASE_URL) delete env.DATABASE_URL;
  return env;
}

const passwordOf = (url: string): string => decodeURIComponent(new URL(url).password);

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "consulta-backup-"));
  fs.chmodSync(tmp, 0o755); // as root, the embedded server's user must reach its cluster
  await seedRealisticRound(db.prisma);
  source = await databaseFingerprint(db.url);
  backupFile = path.join(tmp, "consulta.dump");
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

function expectSeeded(fingerprint: DatabaseFingerprint): void {
  // Every kind of row a consultation leaves behind is really there (else the comparison proves little).
  const kinds = ["User", "UserSession", "Plan", "Revision", "MeasureVersion", "Round", "Vote", "VoteHistory", "Comment", "Proposal", "ProposalSupport", "SwotEntry", "PaperTally", "Meeting", "LiveSession", "LiveItem", "LiveVoteReceipt", "Decision", "RevisionChange", "RevisionChangeLink", "StakeholderProfile", "AuditEvent", "_prisma_migrations"];
  expect(kinds.filter((table) => !fingerprint[table]?.rows)).toEqual([]);
}

describe("with DATABASE_URL", () => {
  it("backs up a seeded round and restores it into an empty database with identical tables", async () => {
    expectSeeded(source);
    const backup = await runNpmScript(root, "db:backup", [backupFile], shellEnv({ DATABASE_URL: db.url }));
    expect(backup).toMatchObject({ code: 0, stderr: "" });
    expect(backup.stdout).toMatch(/^Backed up DATABASE_URL postgresql:\/\/[^:@]+@127\.0\.0\.1:\d+\/\S+ to .*consulta\.dump: [\d.]+ [KM]?B in [\d.]+ s \(pg_dump 15\.\d+\)\.\n$/);
    expect(backup.stdout).not.toContain(passwordOf(db.url));
    expect(fs.readFileSync(backupFile).subarray(0, 5).toString("latin1")).toBe("PGDMP");
    expect(fs.statSync(backupFile).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(tmp).filter((name) => name.includes(".partial"))).toEqual([]);

    const empty = await createEmptyDatabase();
    try {
      const restore = await runNpmScript(root, "db:restore", [backupFile], shellEnv({ DATABASE_URL: empty.url }));
      expect(restore).toMatchObject({ code: 0, stderr: "" });
      expect(restore.stdout).toContain(`Restored ${backupFile} into DATABASE_URL`);
      expect(restore.stdout).not.toContain(passwordOf(empty.url));
      const restored = await databaseFingerprint(empty.url);
      expect(Object.keys(restored)).toEqual(Object.keys(source));
      expect(restored).toEqual(source);

      // A non-empty database is refused, and left untouched.
      await sql(empty.url, `DELETE FROM "Comment"`);
      await sql(empty.url, `CREATE TABLE "Leftover" (id int PRIMARY KEY)`);
      const tampered = await databaseFingerprint(empty.url);
      expect(tampered).not.toEqual(source);
      const refused = await runNpmScript(root, "db:restore", [backupFile], shellEnv({ DATABASE_URL: empty.url }));
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/^db:restore failed: The database "[^"]+" is not empty \(\d+ objects, e\.g\. .*\)\. .*add --replace to drop everything in it first\.\n$/);
      expect(refused.stdout).toBe("");
      expect(await databaseFingerprint(empty.url)).toEqual(tampered);

      // --replace: exactly the backup again, nothing of what was there before.
      const replaced = await runNpmScript(root, "db:restore", ["--replace", backupFile], shellEnv({ DATABASE_URL: empty.url }));
      expect(replaced).toMatchObject({ code: 0, stderr: "" });
      expect(replaced.stdout).toMatch(/after dropping its \d+ existing objects/);
      expect(await databaseFingerprint(empty.url)).toEqual(source);
    } finally {
      await empty.drop();
    }
  });

  it("says what is missing or wrong, without a stack trace", async () => {
    const env = shellEnv({ DATABASE_URL: db.url });
    expect(await runNpmScript(root, "db:backup", [], env)).toMatchObject({ code: 1, stderr: expect.stringMatching(/^db:backup failed: The backup file is missing\.\nUsage: npm run db:backup -- <file>/) });
    const missing = path.join(tmp, "no-such.dump");
    expect(await runNpmScript(root, "db:restore", [missing], env)).toMatchObject({ code: 1, stderr: `db:restore failed: The backup file ${missing} does not exist.\n` });
    const notAnArchive = path.join(tmp, "notes.txt");
    fs.writeFileSync(notAnArchive, "SELECT 1;\n");
    expect(await runNpmScript(root, "db:restore", [notAnArchive], env)).toMatchObject({ code: 1, stderr: expect.stringContaining("is not a pg_dump custom-format archive") });
    expect(await runNpmScript(root, "db:backup", [path.join(tmp, "no-dir", "x.dump")], env)).toMatchObject({ code: 1, stderr: expect.stringContaining(`The directory ${path.join(tmp, "no-dir")} does not exist.`) });
    const noCluster = path.join(tmp, "never-started");
    const embedded = await runNpmScript(root, "db:backup", [path.join(tmp, "x.dump")], shellEnv({ DATA_DIR: noCluster }));
    expect(embedded.code).toBe(1);
    expect(embedded.stderr).toContain(`No DATABASE_URL is set and there is no embedded PostgreSQL cluster in ${path.join(noCluster, "postgres")}`);
    const wrongPassword = new URL(db.url);
    wrongPassword.password = "not-the-password-xyz";
    const denied = await runNpmScript(root, "db:backup", [path.join(tmp, "y.dump")], shellEnv({ DATABASE_URL: wrongPassword.toString() }));
    expect(denied.code).toBe(1);
    expect(denied.stderr).toMatch(/^db:backup failed: .*password authentication failed/);
    expect(denied.stderr).not.toContain("not-the-password-xyz");
    expect(denied.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("pg_dump/pg_restore connection", () => {
  it("passes the password in the child's environment only, and drops what libpq does not know", () => {
    const connection = toolConnection("postgresql://consulta:s%40cret%2Fpw@db.example.org:6432/consulta?schema=public&connection_limit=5&sslmode=require", {});
    expect(connection.uri).toBe("postgresql://consulta@db.example.org:6432/consulta?sslmode=require");
    expect(connection.env.PGPASSWORD).toBe("s@cret/pw");
    expect(connection).toMatchObject({ database: "consulta", where: "db.example.org:6432" });
    expect(toolConnection("postgresql://consulta@db/consulta", { PGPASSWORD: "inherited" }).env.PGPASSWORD).toBeUndefined();
    expect(() => toolConnection("mysql://x@y/z")).toThrow("DATABASE_URL must start with postgresql://");
  });
});

describe("db:migrate -- --status", () => {
  it("lists applied and pending migrations and applied ones edited since", async () => {
    const names = listMigrations(path.join(root, "prisma", "migrations")).migrationDirectories.map((m) => m.path);
    const current = await runNpmScript(root, "db:migrate", ["--status"], shellEnv({ DATABASE_URL: db.url }));
    expect(current).toMatchObject({ code: 0, stderr: "" });
    for (const name of names) expect(current.stdout).toMatch(new RegExp(`^  applied  ${name}  \\d{4}-\\d\\d-\\d\\dT[\\d:]+Z$`, "m"));
    expect(current.stdout).toContain(`${names.length} applied, 0 pending. The database is up to date.`);
    expect(current.stdout).not.toContain(passwordOf(db.url));

    const empty = await createEmptyDatabase();
    try {
      const fresh = await runNpmScript(root, "db:migrate", ["--status"], shellEnv({ DATABASE_URL: empty.url }));
      expect(fresh.code).toBe(0);
      for (const name of names) expect(fresh.stdout).toContain(`  pending  ${name}\n`);
      expect(fresh.stdout).toContain(`0 applied, ${names.length} pending. Run npm run db:migrate (or start the app) to apply the pending ones.`);

      // All but the last applied, and the first edited afterwards.
      const partial = path.join(tmp, "migrations-partial");
      fs.cpSync(path.join(root, "prisma", "migrations"), partial, { recursive: true });
      fs.rmSync(path.join(partial, names.at(-1)!), { recursive: true });
      await applyMigrations(empty.url, { migrationsDir: partial });
      await sql(empty.url, `UPDATE _prisma_migrations SET checksum = repeat('0', 64) WHERE migration_name = '${names[0]}'`);
      const behind = await runNpmScript(root, "db:migrate", ["--status"], shellEnv({ DATABASE_URL: empty.url }));
      expect(behind.code).toBe(0);
      expect(behind.stdout).toMatch(new RegExp(`^  applied  ${names[0]}  \\S+  CHECKSUM MISMATCH: migration.sql was edited after it was applied$`, "m"));
      expect(behind.stdout).toContain(`  pending  ${names.at(-1)}\n`);
      expect(behind.stdout).toContain(`${names.length - 1} applied, 1 pending, 1 checksum mismatch.`);
    } finally {
      await empty.drop();
    }
  });
});

describe("with the embedded PostgreSQL under DATA_DIR", () => {
  let server: EmbeddedPostgres | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it("backs up the cluster the app is running on, and restores into a new data directory", async () => {
    // The app's data directory, its cluster running (as while the app serves).
    const appDir = path.join(tmp, "app-data");
    server = await startEmbeddedPostgres({ dataDir: path.join(appDir, "postgres") });
    await createDatabaseIfMissing(server.url, "consulta");
    const url = server.urlFor("consulta");
    await applyMigrations(url);
    const prisma = createPrismaClient(url, { maxConnections: 3, connectTimeoutMs: 30_000 });
    try {
      await seedRealisticRound(prisma);
    } finally {
      await prisma.$disconnect();
    }
    const original = await databaseFingerprint(url);
    expectSeeded(original);

    const file = path.join(tmp, "embedded.dump");
    const backup = await runNpmScript(root, "db:backup", [file], shellEnv({ DATA_DIR: appDir }));
    expect(backup).toMatchObject({ code: 0, stderr: "" });
    expect(backup.stdout).toContain(`Backed up embedded PostgreSQL in ${path.join(appDir, "postgres")} (running, port ${server.port}) to ${file}`);
    expect(backup.stdout).not.toContain(server.password);
    await server.stop();
    server = undefined;

    // A new data directory with no cluster yet: the restore creates it.
    const newDir = path.join(tmp, "new-data");
    const restore = await runNpmScript(root, "db:restore", [file], shellEnv({ DATA_DIR: newDir }));
    expect(restore).toMatchObject({ code: 0, stderr: "" });
    expect(restore.stdout).toContain(`Restored ${file} into embedded PostgreSQL in ${path.join(newDir, "postgres")} (started for this command)`);
    // The command stopped the server it started.
    expect(fs.existsSync(path.join(newDir, "postgres", "postmaster.pid"))).toBe(false);

    server = await startEmbeddedPostgres({ dataDir: path.join(newDir, "postgres") });
    expect(await databaseFingerprint(server.urlFor("consulta"))).toEqual(original);
    await server.stop();
    server = undefined;

    // Not running: the backup command starts the cluster for itself, and stops it again.
    const again = await runNpmScript(root, "db:backup", [path.join(tmp, "again.dump")], shellEnv({ DATA_DIR: newDir }));
    expect(again).toMatchObject({ code: 0, stderr: "" });
    expect(again.stdout).toContain("(started for this command)");
    expect(fs.existsSync(path.join(newDir, "postgres", "postmaster.pid"))).toBe(false);
    const status = await runNpmScript(root, "db:migrate", ["--status"], shellEnv({ DATA_DIR: newDir }));
    expect(status.code).toBe(0);
    expect(status.stdout).toContain("0 pending. The database is up to date.");
  });
});
