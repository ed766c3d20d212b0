// `npm start`: builds the production bundle when there is none (or the sources
// are newer than it), then runs the custom server in production mode.
import { spawn } from "node:child_process";
import path from "node:path";
import { buildIfNeeded, root } from "./build-if-needed.mjs";

try {
  buildIfNeeded();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(error?.exitCode ?? 1);
}

// server.ts runs in this child itself (tsx as a loader, not its CLI wrapper): a stop signal reaches it
// directly, so it shuts down gracefully. The tsx CLI answers a SIGTERM sent to the whole process group
// (systemd, Ctrl-C) by SIGKILLing the server mid-shutdown.
const server = spawn(process.execPath, ["--import", "tsx", path.join(root, "server.ts")], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
