// `npm run bench -- <name> [args]`: runs bench/<name>.ts (see bench/ for what each measures).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const [name, ...args] = process.argv.slice(2);
const available = fs.readdirSync(path.join(root, "bench")).filter((file) => file.endsWith(".ts") && file !== "support.ts").map((file) => file.slice(0, -3));
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <name> [args]\navailable: ${available.join(", ")}`);
  process.exit(2);
}
const result = spawnSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), path.join(root, "bench", `${name}.ts`), ...args], { cwd: root, stdio: "inherit" });
process.exit(result.status ?? 1);
