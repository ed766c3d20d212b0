/**
 * npm run db:migration -- <name>
 * Writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that brings the existing
 * migrations to prisma/schema.prisma. Needs a PostgreSQL server for the temporary shadow database:
 * DATABASE_URL when set, otherwise the embedded server under DATA_DIR (default .data).
 */
import path from "node:path";

import { startEmbeddedPostgres, stopOnProcessExit } from "@/lib/db/embedded-postgres";
import { createMigration } from "@/lib/db/migrate";

async function main(): Promise<void> {
  const name = process.argv.slice(2).find((a) => !a.startsWith("-"));
  const draft = process.argv.includes("--draft");
  if (!name) {
    console.error("Usage: npm run db:migration -- <name> [--draft]\n  e.g. npm run db:migration -- add_meeting_notes");
    process.exit(2);
  }
  let databaseUrl = process.env.DATABASE_URL;
  let stop = async (): Promise<void> => undefined;
  if (!databaseUrl) {
    const server = await startEmbeddedPostgres({ dataDir: path.join(process.env.DATA_DIR ?? ".data", "postgres") });
    stopOnProcessExit(server);
    databaseUrl = server.url;
    stop = () => server.stop();
  }
  try {
    const created = await createMigration(name, { databaseUrl, draft });
    if (created) {
      console.log(`Created ${path.relative(process.cwd(), path.join(created.dir, "migration.sql"))}`);
    } else {
      console.log("schema.prisma matches the migrations: nothing to generate (use --draft for an empty migration).");
    }
  } finally {
    await stop();
  }
}

main().catch((err: unknown) => {
  console.error(`db:migration failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
