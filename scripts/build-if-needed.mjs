// Builds the production bundle when there is none, or when the sources are newer than it.
// Shared by `npm start` (scripts/start.mjs) and the e2e tests' global setup.
//
//   node scripts/build-if-needed.mjs           build when needed (exit 0 when up to date or built)
//   node scripts/build-if-needed.mjs --check   print why a build is needed; exit 0 up to date, 3 stale
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const buildIdFile = path.join(root, ".next/BUILD_ID");

/** What goes into the bundle: a change to any of these makes the build stale. */
export const buildSources = [
  "app",
  "components",
  "lib",
  "messages",
  "proxy.ts",
  "next.config.ts",
  "tsconfig.json",
  "package-lock.json",
  "prisma/schema.prisma",
];

/** The newest file below `target` as [mtimeMs, path] (skipping node_modules and generated code). */
function newestFile(target) {
  let stat;
  try {
    stat = fs.statSync(target);
  } catch {
    return [0, target];
  }
  if (!stat.isDirectory()) return [stat.mtimeMs, target];
  let newest = [stat.mtimeMs, target];
  for (const entry of fs.readdirSync(target)) {
    if (entry === "node_modules" || entry === "generated") continue;
    const candidate = newestFile(path.join(target, entry));
    if (candidate[0] > newest[0]) newest = candidate;
  }
  return newest;
}

/** Why the bundle must be (re)built, or null when `.next` is up to date. */
export function staleReason() {
  if (!fs.existsSync(buildIdFile)) return "no production build yet";
  const built = fs.statSync(buildIdFile).mtimeMs;
  for (const source of buildSources) {
    const [mtime, file] = newestFile(path.join(root, source));
    if (mtime > built) return `${path.relative(root, file)} changed since the last build`;
  }
  return null;
}

export function needsBuild() {
  return staleReason() !== null;
}

function run(args, options) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit", ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    const error = new Error(`${args.map((arg) => path.relative(root, arg) || arg).join(" ")} failed (exit ${result.status ?? result.signal})`);
    error.exitCode = result.status ?? 1;
    throw error;
  }
}

/** Fonts and icons of Bootstrap Italia into public/vendor (served at runtime, so always refreshed). */
export function copyVendorAssets() {
  run([path.join(root, "scripts/copy-vendor-assets.mjs")]);
}

/**
 * Copies the vendor assets, then runs `next build` (NODE_ENV=production) when needed.
 * Returns { built, reason, ms }. Throws when the build fails.
 */
export function buildIfNeeded({ log = console.log } = {}) {
  copyVendorAssets();
  const reason = staleReason();
  if (!reason) return { built: false, reason: null, ms: 0 };
  log(`Building the production bundle (${reason})…`);
  const started = Date.now();
  // Telemetry off: a public body's server sends nothing to third parties.
  run([path.join(root, "node_modules/next/dist/bin/next"), "build"], { env: { NEXT_TELEMETRY_DISABLED: "1", ...process.env, NODE_ENV: "production" } });
  return { built: true, reason, ms: Date.now() - started };
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  if (process.argv.includes("--check")) {
    const reason = staleReason();
    console.log(reason ?? "up to date");
    process.exit(reason ? 3 : 0);
  }
  try {
    const result = buildIfNeeded();
    console.log(result.built ? `Built in ${(result.ms / 1000).toFixed(1)}s.` : "The production bundle is up to date.");
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(error?.exitCode ?? 1);
  }
}
