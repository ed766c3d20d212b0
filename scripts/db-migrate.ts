/**
 * npm run db:migrate [-- --status]
 * Applies prisma/migrations/* (like `prisma migrate deploy`, without the native engine) to
 * DATABASE_URL, or to the embedded server under DATA_DIR (default .data), which is stopped after.
 * With --status: lists applied and pending migrations (and applied ones edited since), changes nothing.
 */
import { loadDotEnv } from "@/lib/config/env";
import { openDatabaseTarget } from "@/lib/db/backup-target";
import { applyMigrations, migrationStatus } from "@/lib/db/migrate";

const USAGE = "Usage: npm run db:migrate [-- --status]";

async function apply(): Promise<void> {
  const started = Date.now();
  // Also while the app runs on the embedded cluster (then through its port).
  const target = await openDatabaseTarget({ create: true });
  try {
    const { applied } = await applyMigrations(target.url);
    if (applied.length === 0) console.log(`${target.label}: up to date.`);
    for (const name of applied) console.log(`Applied ${name}`);
    console.log(`Done in ${Date.now() - started} ms.`);
  } finally {
    await target.release();
  }
}

async function status(): Promise<void> {
  const target = await openDatabaseTarget();
  try {
    const result = await migrationStatus(target.url);
    console.log(`Migrations of ${target.label}:`);
    for (const m of result.applied) {
      const when = m.finishedAt ? m.finishedAt.toISOString().replace(/\.\d+Z$/, "Z") : "";
      const note = m.checksumMismatch ? "  CHECKSUM MISMATCH: migration.sql was edited after it was applied" : "";
      const unknown = result.unknown.includes(m.name) ? "  (not in prisma/migrations: the database is newer than this code)" : "";
      console.log(`  applied  ${m.name}  ${when}${note}${unknown}`);
    }
    for (const name of result.failed) console.log(`  FAILED   ${name}  (started, never finished: fix it by hand, then mark it rolled back)`);
    for (const name of result.pending) console.log(`  pending  ${name}`);
    const mismatches = result.applied.filter((m) => m.checksumMismatch).length;
    console.log(
      `${result.applied.length} applied, ${result.pending.length} pending` +
        (mismatches ? `, ${mismatches} checksum mismatch${mismatches > 1 ? "es" : ""}` : "") +
        (result.failed.length ? `, ${result.failed.length} failed` : "") +
        (result.pending.length ? ". Run npm run db:migrate (or start the app) to apply the pending ones." : ". The database is up to date."),
    );
  } finally {
    await target.release();
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes("--help") || args.includes("-h")) {
    console.log(USAGE);
    return;
  }
  const unknown = args.filter((arg) => arg !== "--status");
  if (unknown.length) throw new Error(`Unknown argument ${unknown.join(", ")}.\n${USAGE}`);
  loadDotEnv();
  await (args.includes("--status") ? status() : apply());
}

main().catch((err: unknown) => {
  console.error(`db:migrate failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
