/**
 * npm run db:backup -- <file>
 * A pg_dump custom-format backup of DATABASE_URL, or of the embedded database under DATA_DIR
 * (default .data) — also while the app is running on it. Restore with npm run db:restore.
 */
import { loadDotEnv } from "@/lib/config/env";
import { backupDatabase, formatBytes } from "@/lib/db/backup";
import { openDatabaseTarget } from "@/lib/db/backup-target";

const USAGE = "Usage: npm run db:backup -- <file>   (e.g. npm run db:backup -- backups/consulta-$(date +%F).dump)";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes("--help") || args.includes("-h")) {
    console.log(USAGE);
    return;
  }
  const unknown = args.filter((arg) => arg.startsWith("-"));
  if (unknown.length) throw new Error(`Unknown option ${unknown.join(", ")}.\n${USAGE}`);
  if (args.length !== 1) throw new Error(`${args.length === 0 ? "The backup file is missing" : "Give exactly one backup file"}.\n${USAGE}`);
  const [file] = args as [string];
  loadDotEnv();
  const target = await openDatabaseTarget();
  try {
    const result = await backupDatabase(target.url, file);
    console.log(`Backed up ${target.label} to ${result.file}: ${formatBytes(result.bytes)} in ${(result.ms / 1000).toFixed(1)} s (pg_dump ${result.tool.version}).`);
  } finally {
    await target.release();
  }
}

main().catch((error: unknown) => {
  console.error(`db:backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
