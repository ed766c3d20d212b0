/**
 * Bench: streaming open-data exports (issue 7).
 *
 * Starts its own embedded PostgreSQL and production server, seeds a round with `small` proposals and
 * another with `large` (bodies of ~770 characters with accents, quotes and commas), then downloads
 * `/api/v1/proposals?round=<id>&format=csv|json` over HTTP for each, reading the body as it streams.
 * For every export: time, size, throughput, rows per second and the server's peak RSS (process tree,
 * sampled every 20 ms) above its idle RSS — streamed, the peak should not grow with the export. The
 * baseline, in the same run: PostgreSQL alone serialising the large round's proposals (id, title,
 * body, status, date) into one CSV-like text in one query — the floor for reading and formatting
 * those rows: `ratio:` = export time / baseline time.
 * RSS counts garbage V8 has not collected yet; running the server with a small heap
 * (NODE_OPTIONS=--max-old-space-size=384) shows the export is not held: it completes, peak ~45 MB above idle.
 * Prints `name: value unit` lines.
 *
 *   npm run bench -- open-data [small=20000] [large=200000]
 */
import pg from "pg";
import { processTreeUsage, runBench, startBenchEnvironment } from "./support";

const small = Number(process.argv[2] ?? 20_000);
const large = Number(process.argv[3] ?? 200_000);

const line = (name: string, value: number | string, unit = "") => console.log(`${name}: ${typeof value === "number" ? (Number.isInteger(value) ? value : value.toFixed(1)) : value}${unit ? ` ${unit}` : ""}`);
const mb = (bytes: number) => bytes / 1024 / 1024;

async function seedRound(client: pg.Client, proposals: number, label: string): Promise<string> {
  const plan = (await client.query<{ id: string; revisionId: string }>(`SELECT id, "currentRevisionId" AS "revisionId" FROM "Plan" WHERE "currentRevisionId" IS NOT NULL ORDER BY "createdAt" LIMIT 1`)).rows[0];
  if (!plan) throw new Error("the server did not seed a plan");
  const roundId = (await client.query<{ id: string }>(
    `INSERT INTO "Round" (id, "planId", "revisionId", title, "opensAt", "closesAt", status, "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, now() - interval '30 days', now() - interval '1 day', 'CLOSED', now()) RETURNING id`,
    [plan.id, plan.revisionId, `Consultazione bench dati aperti ${label}`],
  )).rows[0]!.id;
  const author = (await client.query<{ id: string }>(
    `INSERT INTO "User" (id, email, "emailVerified", role, "updatedAt") VALUES (gen_random_uuid(), $1, now(), 'STAKEHOLDER', now()) RETURNING id`,
    [`open-data-${label}@example.it`],
  )).rows[0]!.id;
  await client.query(`INSERT INTO "StakeholderProfile" ("userId", "displayName", category, "updatedAt") VALUES ($1, 'Autore bench', 'CITIZEN', now())`, [author]);
  await client.query(
    `INSERT INTO "Proposal" (id, "roundId", "authorId", kind, "measureId", title, rationale, tags, status, moderation, "createdAt", "updatedAt")
     SELECT gen_random_uuid(), $1, $2, 'AMEND_MEASURE', (SELECT "measureId" FROM "MeasureVersion" WHERE "revisionId" = $4 ORDER BY position LIMIT 1),
            'Proposta numero ' || n, repeat('Più servizi, "subito" e per tutti: è già tardi; ', 16) || n, '{}', 'OPEN', 'VISIBLE', now() - make_interval(secs => $3 - n), now()
     FROM generate_series(1, $3::int) AS n`,
    [roundId, author, proposals, plan.revisionId],
  );
  await client.query(`ANALYZE "Proposal"`);
  return roundId;
}

/** The proposals' own columns serialised by PostgreSQL alone, one query: the floor of the export. */
async function copyBaseline(client: pg.Client, roundId: string): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const result = await client.query<{ csv: string }>(
    `SELECT string_agg(format('%s,%s,%s,%s,%s', id, quote_literal(title), quote_literal(rationale), status, "createdAt"), E'\\r\\n') AS csv FROM "Proposal" WHERE "roundId" = $1`,
    [roundId],
  );
  return { ms: performance.now() - started, bytes: Buffer.byteLength(result.rows[0]?.csv ?? "") };
}

async function download(url: string, serverPid: number, idleRss: number): Promise<{ ms: number; bytes: number; rows: number; peakAboveIdle: number }> {
  let peak = idleRss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, processTreeUsage(serverPid).rssBytes);
  }, 20);
  try {
    const started = performance.now();
    const response = await fetch(url);
    if (response.status !== 200 || !response.body) throw new Error(`GET ${url}: ${response.status}`);
    let bytes = 0;
    let newlines = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.byteLength;
      for (const byte of chunk) if (byte === 10) newlines += 1;
    }
    return { ms: performance.now() - started, bytes, rows: newlines, peakAboveIdle: peak - idleRss };
  } finally {
    clearInterval(sampler);
  }
}

async function main() {
  const environment = await startBenchEnvironment({ prefix: "consulta-bench-open-data-" });
  const { base, databaseUrl, serverPid } = environment;
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
    const seedStarted = performance.now();
    const rounds = { small: await seedRound(client, small, "small"), large: await seedRound(client, large, "large") };
    line("seed-proposals-small", small, "proposals");
    line("seed-proposals-large", large, "proposals");
    line("seed-time", performance.now() - seedStarted, "ms");

    // Warm-up: the first request compiles the route.
    await download(`${base}/api/v1/proposals?round=${rounds.small}&format=csv`, serverPid, processTreeUsage(serverPid).rssBytes);
    let largeCsvMs = 0;
    for (const [size, roundId] of Object.entries(rounds)) {
      for (const format of ["csv", "json"] as const) {
        const idle = processTreeUsage(serverPid).rssBytes;
        const result = await download(`${base}/api/v1/proposals?round=${roundId}&format=${format}`, serverPid, idle);
        const name = `export-${size}-${format}`;
        line(`${name}-time`, result.ms, "ms");
        line(`${name}-size`, mb(result.bytes), "MB");
        line(`${name}-throughput`, mb(result.bytes) / (result.ms / 1000), "MB/s");
        if (format === "csv") line(`${name}-rows-per-second`, Math.round((result.rows - 1) / (result.ms / 1000)), "rows/s");
        line(`${name}-server-rss-peak-above-idle`, mb(result.peakAboveIdle), "MB");
        if (size === "large" && format === "csv") largeCsvMs = result.ms;
      }
    }
    line("server-rss-idle", mb(processTreeUsage(serverPid).rssBytes), "MB");

    const baseline = await copyBaseline(client, rounds.large);
    line("baseline-postgres-csv-large-time", baseline.ms, "ms");
    line("baseline-postgres-csv-large-size", mb(baseline.bytes), "MB");
    line("ratio", largeCsvMs / baseline.ms, "(export time / PostgreSQL serialising the same rows)");
  } finally {
    await client.end().catch(() => undefined);
    await environment.stop();
  }
}

runBench(main);
