/**
 * Bench: latency of the public plan pages and API on a real server and database.
 * Starts its own embedded PostgreSQL and production server, lets the server seed the plan,
 * then times sequential requests. Baseline: a static file served by the same server,
 * so `ratio:` says how much slower a database-backed page is than the server's floor.
 *
 *   npm run bench -- plan-pages [requests]
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
// @ts-expect-error -- plain ESM script shared with `npm start`, no type declarations
import { buildIfNeeded, root } from "../scripts/build-if-needed.mjs";

const requests = Number(process.argv[2] ?? 300);

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function waitForHealth(base: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`server not healthy after ${timeoutMs} ms`);
}

async function timeRequests(url: string, count: number): Promise<{ p50: number; p95: number; bytes: number }> {
  const samples: number[] = [];
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const response = await fetch(url);
    const body = await response.arrayBuffer();
    samples.push(performance.now() - started);
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    bytes = body.byteLength;
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return { p50: at(0.5), p95: at(0.95), bytes };
}

async function main() {
  buildIfNeeded();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "consulta-bench-"));
  fs.chmodSync(work, 0o755); // the embedded server may run as an unprivileged user
  const database = await startEmbeddedPostgres({ dataDir: path.join(work, "postgres"), durable: false });
  const port = await freePort();
  const base = `http://localhost:${port}`;
  const startedAt = performance.now();
  const server = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), path.join(root, "server.ts")], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: database.url, LOG_LEVEL: "warn", NEXTAUTH_SECRET: randomBytes(32).toString("base64") },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    await waitForHealth(base, 120_000);
    console.log(`server-start: ${Math.round(performance.now() - startedAt)} ms`);

    const plans = (await (await fetch(`${base}/api/v1/plans`)).json()) as { plans: Array<{ id: string; slug: string }> };
    const plan = plans.plans[0]!;
    const routes: Array<[string, string]> = [
      ["static-file", "/vendor/bootstrap-italia/svg/sprites.svg"],
      ["home-page", "/"],
      ["plan-page", `/piani/${plan.slug}`],
      ["measure-page", `/en/piani/${plan.slug}/misure/3.12`],
      ["plan-api", `/api/v1/plans/${plan.id}`],
    ];
    const results = new Map<string, { p50: number; p95: number; bytes: number }>();
    for (const [name, route] of routes) {
      await timeRequests(base + route, 20); // warm-up: first renders compile and cache
      const result = await timeRequests(base + route, requests);
      results.set(name, result);
      console.log(`${name}-p50: ${result.p50.toFixed(1)} ms`);
      console.log(`${name}-p95: ${result.p95.toFixed(1)} ms`);
      console.log(`${name}-size: ${(result.bytes / 1024).toFixed(1)} KiB`);
    }
    console.log(`ratio: ${(results.get("plan-page")!.p50 / results.get("static-file")!.p50).toFixed(1)} (plan page p50 / static file p50)`);
  } finally {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
    await database.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
