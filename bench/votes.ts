/**
 * Bench: sustained vote throughput and latency of the real endpoint, next to PostgreSQL's own
 * throughput for the same upsert.
 *
 * Starts its own embedded PostgreSQL and production server (which migrates and seeds the plan),
 * seeds an open round and 10,000 confirmed stakeholders with a live UserSession each, and makes
 * their session cookies the way the server does (next-auth/jwt encode with the server's
 * NEXTAUTH_SECRET). Then:
 *   1. HTTP: `concurrency` clients POST /api/v1/rounds/{id}/votes for `seconds` (after a warm-up),
 *      each request a random stakeholder, measure, choice and priority: throughput, p50/p95/p99.
 *   2. pgbench (/usr/bin/pgbench, or PGBENCH) with bench/votes.pgbench.sql — the transaction
 *      castVote runs (upsert that inserts or locks, then history + update when the vote changed) —
 *      with as many clients, for as long, on the same database.
 * Also one client alone (latency without queueing). Prints `name: value unit` lines and `ratio:` (HTTP throughput / pgbench throughput).
 *
 *   npm run bench -- votes [seconds=20] [concurrency=32] [stakeholders=10000]
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { percentile, projectRoot, runBench, startBenchEnvironment } from "./support";

const seconds = Number(process.argv[2] ?? 20);
const concurrency = Number(process.argv[3] ?? 32);
const stakeholders = Number(process.argv[4] ?? 10_000);
const pgbenchPath = process.env.PGBENCH ?? "/usr/bin/pgbench";
const choices = ["SUPPORT", "OPPOSE", "ABSTAIN"] as const;

const line = (name: string, value: number | string, unit = "") => console.log(`${name}: ${typeof value === "number" ? (Number.isInteger(value) ? value : value.toFixed(1)) : value}${unit ? ` ${unit}` : ""}`);

interface Seeded {
  roundId: string;
  revisionId: string;
  measureIds: string[];
  cookies: string[];
}

/** The round, the stakeholders (profiles in every category), their sessions, and the helper tables pgbench picks ids from. */
async function seed(client: pg.Client, secret: string): Promise<Seeded> {
  const plan = (await client.query<{ id: string; revisionId: string }>(`SELECT id, "currentRevisionId" AS "revisionId" FROM "Plan" WHERE "currentRevisionId" IS NOT NULL ORDER BY "createdAt" LIMIT 1`)).rows[0];
  if (!plan) throw new Error("the server did not seed a plan");
  const round = await client.query<{ id: string }>(
    `INSERT INTO "Round" (id, "planId", "revisionId", title, "opensAt", "closesAt", status, "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, 'Consultazione bench', now() - interval '1 hour', now() + interval '1 day', 'OPEN', now()) RETURNING id`,
    [plan.id, plan.revisionId],
  );
  const roundId = round.rows[0]!.id;
  await client.query(
    `INSERT INTO "User" (id, email, "emailVerified", role, "updatedAt")
     SELECT gen_random_uuid(), 'bench-' || i || '@example.it', now(), 'STAKEHOLDER', now() FROM generate_series(1, $1::int) AS i`,
    [stakeholders],
  );
  await client.query(
    `INSERT INTO "StakeholderProfile" ("userId", "displayName", category, "updatedAt")
     SELECT id, 'Partecipante ' || substr(email, 7), (enum_range(NULL::"StakeholderCategory"))[1 + (abs(hashtext(email)) % 8)], now()
     FROM "User" WHERE email LIKE 'bench-%'`,
  );
  const sessions = await client.query<{ id: string }>(
    `INSERT INTO "UserSession" (id, "userId", "expiresAt") SELECT gen_random_uuid(), id, now() + interval '30 days' FROM "User" WHERE email LIKE 'bench-%' RETURNING id`,
  );
  const measures = await client.query<{ measureId: string }>(`SELECT "measureId" FROM "MeasureVersion" WHERE "revisionId" = $1 ORDER BY position`, [plan.revisionId]);
  await client.query(`CREATE TABLE bench_voter (n serial PRIMARY KEY, "userId" uuid NOT NULL, "category" "StakeholderCategory" NOT NULL)`);
  await client.query(
    `INSERT INTO bench_voter ("userId", "category") SELECT u.id, p."category" FROM "User" u JOIN "StakeholderProfile" p ON p."userId" = u.id WHERE u.email LIKE 'bench-%' ORDER BY u.email`,
  );
  await client.query(`CREATE TABLE bench_measure (n serial PRIMARY KEY, "measureId" uuid NOT NULL)`);
  await client.query(`INSERT INTO bench_measure ("measureId") SELECT "measureId" FROM "MeasureVersion" WHERE "revisionId" = $1 ORDER BY position`, [plan.revisionId]);
  await client.query(`ANALYZE`);
  const cookies = await Promise.all(sessions.rows.map(async ({ id }) => `next-auth.session-token=${await encode({ token: { sid: id }, secret, maxAge: 30 * 24 * 3600 })}`));
  return { roundId, revisionId: plan.revisionId, measureIds: measures.rows.map((row) => row.measureId), cookies };
}

interface HttpResult {
  requests: number;
  errors: Map<number, number>;
  latencies: number[];
  elapsedMs: number;
}

async function httpLoad(base: string, seeded: Seeded, durationMs: number, clients = concurrency): Promise<HttpResult> {
  const url = `${base}/api/v1/rounds/${seeded.roundId}/votes`;
  const latencies: number[] = [];
  const errors = new Map<number, number>();
  const started = performance.now();
  const deadline = started + durationMs;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;
  async function client(): Promise<void> {
    while (performance.now() < deadline) {
      const body = JSON.stringify({ measureId: pick(seeded.measureIds), choice: pick(choices), priority: 1 + Math.floor(Math.random() * 5) });
      const t0 = performance.now();
      const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", origin: base, cookie: pick(seeded.cookies) }, body });
      await response.arrayBuffer();
      latencies.push(performance.now() - t0);
      if (response.status !== 200) errors.set(response.status, (errors.get(response.status) ?? 0) + 1);
    }
  }
  await Promise.all(Array.from({ length: clients }, client));
  return { requests: latencies.length, errors, latencies: latencies.sort((a, b) => a - b), elapsedMs: performance.now() - started };
}

function runPgbench(databaseUrl: string, seeded: Seeded, work: string): { tps: number; transactions: number; latencies: number[]; failed: number } {
  const script = path.join(projectRoot, "bench", "votes.pgbench.sql");
  const logPrefix = path.join(work, "pgbench");
  const args = [
    "-n", "-M", "prepared", "-f", script, "-c", String(concurrency), "-j", String(Math.min(concurrency, os.cpus().length)), "-T", String(seconds),
    "-D", `round=${seeded.roundId}`, "-D", `revision=${seeded.revisionId}`, "-D", `voters=${stakeholders}`, "-D", `measures=${seeded.measureIds.length}`, "-l", "--log-prefix", logPrefix, databaseUrl,
  ];
  const result = spawnSync(pgbenchPath, args, { encoding: "utf8", cwd: work });
  if (result.status !== 0) throw new Error(`pgbench failed (${result.status}):\n${result.stderr}\n${result.stdout}`);
  const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(result.stdout)?.[1] ?? NaN);
  const transactions = Number(/number of transactions actually processed: (\d+)/.exec(result.stdout)?.[1] ?? NaN);
  const failed = Number(/number of failed transactions: (\d+)/.exec(result.stdout)?.[1] ?? 0);
  const latencies: number[] = [];
  for (const file of fs.readdirSync(work).filter((name) => name.startsWith("pgbench."))) {
    for (const row of fs.readFileSync(path.join(work, file), "utf8").split("\n")) {
      const microseconds = Number(row.split(" ")[2]);
      if (Number.isFinite(microseconds)) latencies.push(microseconds / 1000);
    }
  }
  return { tps, transactions, latencies: latencies.sort((a, b) => a - b), failed };
}

async function main() {
  if (!fs.existsSync(pgbenchPath)) throw new Error(`pgbench not found at ${pgbenchPath} (install postgresql-client or set PGBENCH)`);
  const environment = await startBenchEnvironment({ prefix: "consulta-bench-votes-", sameOrigin: true });
  const { base, secret, work, databaseUrl } = environment;
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
    const seedStarted = performance.now();
    const seeded = await seed(client, secret);
    line("seed-stakeholders", stakeholders, "users");
    line("seed-measures", seeded.measureIds.length, "measures");
    line("seed-time", performance.now() - seedStarted, "ms");

    await httpLoad(base, seeded, 3_000); // warm-up: first renders, JIT, connection pools
    // One client alone: the latency of a vote when nothing waits.
    const single = await httpLoad(base, seeded, 5_000, 1);
    line("http-single-client-p50", percentile(single.latencies, 0.5), "ms");
    line("http-single-client-throughput", single.requests / (single.elapsedMs / 1000), "votes/s");
    await client.query(`DELETE FROM "Vote" WHERE "roundId" = $1`, [seeded.roundId]);
    await client.query(`DELETE FROM "RateLimitCounter"`);
    const http = await httpLoad(base, seeded, seconds * 1000);
    const httpThroughput = http.requests / (http.elapsedMs / 1000);
    line("http-concurrency", concurrency, "clients");
    line("http-duration", http.elapsedMs / 1000, "s");
    line("http-requests", http.requests, "requests");
    line("http-errors", [...http.errors.values()].reduce((a, b) => a + b, 0), `requests${http.errors.size ? ` (${[...http.errors].map(([status, count]) => `${status}×${count}`).join(", ")})` : ""}`);
    line("http-throughput", httpThroughput, "votes/s");
    line("http-p50", percentile(http.latencies, 0.5), "ms");
    line("http-p95", percentile(http.latencies, 0.95), "ms");
    line("http-p99", percentile(http.latencies, 0.99), "ms");
    const stored = await client.query<{ votes: number; history: number; duplicates: number }>(
      `SELECT (SELECT count(*) FROM "Vote" WHERE "roundId" = $1)::int AS votes,
              (SELECT count(*) FROM "VoteHistory" h JOIN "Vote" v ON v.id = h."voteId" WHERE v."roundId" = $1)::int AS history,
              (SELECT count(*) FROM (SELECT 1 FROM "Vote" WHERE "roundId" = $1 GROUP BY "measureId", "userId" HAVING count(*) > 1) d)::int AS duplicates`,
      [seeded.roundId],
    );
    line("http-votes-stored", stored.rows[0]!.votes, "votes");
    line("http-history-rows", stored.rows[0]!.history, "rows");

    const bench = runPgbench(databaseUrl, seeded, work);
    line("pgbench-clients", concurrency, "clients");
    line("pgbench-transactions", bench.transactions, "transactions");
    line("pgbench-failed", bench.failed, "transactions");
    line("pgbench-throughput", bench.tps, "votes/s");
    line("pgbench-p50", percentile(bench.latencies, 0.5), "ms");
    line("pgbench-p95", percentile(bench.latencies, 0.95), "ms");
    line("pgbench-p99", percentile(bench.latencies, 0.99), "ms");
    line("duplicate-votes", stored.rows[0]!.duplicates, "pairs");
    console.log(`ratio: ${(httpThroughput / bench.tps).toFixed(3)} (HTTP vote endpoint throughput / pgbench upsert throughput)`);
  } finally {
    await client.end().catch(() => undefined);
    await environment.stop();
  }
}

runBench(main);
