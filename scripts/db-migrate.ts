/**
 * npm run db:migrate
 * Applies prisma/migrations/* (like `prisma migrate deploy`, without the native engine) to
 * DATABASE_URL, or to the embedded server under DATA_DIR (default .data), which is stopped after.
 */
import { ensureDatabase } from "@/lib/db/database";
import { stopOnProcessExit } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/migrate";

async function main(): Promise<void> {
  const started = Date.now();
  const db = await ensureDatabase({ dataDir: process.env.DATA_DIR ?? ".data", migrate: false });
  const unregister = stopOnProcessExit(db);
  try {
    const { applied } = await applyMigrations(db.url);
    const where = db.embedded ? "embedded PostgreSQL" : "DATABASE_URL";
    if (applied.length === 0) console.log(`Database (${where}) is up to date.`);
    for (const name of applied) console.log(`Applied ${name}`);
    console.log(`Done in ${Date.now() - started} ms.`);
  } finally {
    await db.stop();
    unregister();
  }
}

main().catch((err: unknown) => {
  console.error(`db:migrate failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
