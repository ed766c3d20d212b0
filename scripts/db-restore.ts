/**
 * npm run db:restore -- [--replace] <file>
 * Restores a backup made by npm run db:backup into DATABASE_URL, or into the embedded database
 * under DATA_DIR (default .data; created when missing). A database that already holds tables is
 * refused unless --replace, which drops everything in it first. Stop the app before restoring.
 */
import { loadDotEnv } from "@/lib/config/env";
import { restoreDatabase } from "@/lib/db/backup";
import { openDatabaseTarget } from "@/lib/db/backup-target";

const USAGE = "Usage: npm run db:restore -- [--replace] <file>";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes("--help") || args.includes("-h")) {
    console.log(USAGE);
    return;
  }
  const replace = args.includes("--replace");
  const unknown = args.filter((arg) => arg.startsWith("-") && arg !== "--replace");
  if (unknown.length) throw new Error(`Unknown option ${unknown.join(", ")}.\n${USAGE}`);
  const files = args.filter((arg) => !arg.startsWith("-"));
  if (files.length !== 1) throw new Error(`${files.length === 0 ? "The backup file is missing" : "Give exactly one backup file"}.\n${USAGE}`);
  const [file] = files as [string];
  loadDotEnv();
  const target = await openDatabaseTarget({ create: true });
  try {
    const result = await restoreDatabase(target.url, file, { replace });
    const dropped = result.dropped ? ` after dropping its ${result.dropped} existing objects` : "";
    console.log(`Restored ${file} into ${target.label}${dropped} in ${(result.ms / 1000).toFixed(1)} s (pg_restore ${result.tool.version}).`);
    console.log("Start the app (or run npm run db:migrate) to apply migrations newer than the backup.");
  } finally {
    await target.release();
  }
}

main().catch((error: unknown) => {
  console.error(`db:restore failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
