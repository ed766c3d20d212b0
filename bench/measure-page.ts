/**
 * Bench: a measure page whose current round has 5,000 comments, under 20 concurrent readers.
 * Starts its own embedded PostgreSQL and production server (which seeds the plan), seeds an open
 * round, 500 stakeholders and 5,000 comments on measure 3.12 (4,000 threads, 1,000 replies), then
 * times the page's first comment page, a deep page (keyset cursor past 3,000 threads) and the
 * same page for a signed-in reader (vote section and forms), each with `readers` concurrent clients;
 * and, first, one reader alone (latency without queueing).
 *
 *   npm run bench -- measure-page [requests=600] [readers=20]
 */
import { encode } from "next-auth/jwt";
import pg from "pg";
import { percentile, runBench, startBenchEnvironment } from "./support";

const requests = Number(process.argv[2] ?? 600);
const readers = Number(process.argv[3] ?? 20);
const COMMENTS = 5_000;
const REPLIES = 1_000;
const CODE = "3.12";

/** `count` GETs of `url` spread over `readers` concurrent clients: sorted latencies and the wall time. */
async function load(url: string, count: number, headers: Record<string, string> = {}, expect = "", clients = readers): Promise<{ latencies: number[]; elapsedMs: number; bytes: number }> {
  const latencies: number[] = [];
  let issued = 0;
  let bytes = 0;
  const started = performance.now();
  async function reader(): Promise<void> {
    while (issued < count) {
      issued += 1;
      const t0 = performance.now();
      const response = await fetch(url, { headers });
      const body = await response.text();
      latencies.push(performance.now() - t0);
      if (!response.ok) throw new Error(`${url} answered ${response.status}`);
      if (expect && !body.includes(expect)) throw new Error(`${url} does not show ${expect}`);
      bytes = body.length;
    }
  }
  await Promise.all(Array.from({ length: clients }, reader));
  return { latencies: latencies.sort((a, b) => a - b), elapsedMs: performance.now() - started, bytes };
}

function report(name: string, result: { latencies: number[]; elapsedMs: number; bytes: number }): void {
  console.log(`${name}-p50: ${percentile(result.latencies, 0.5).toFixed(1)} ms`);
  console.log(`${name}-p95: ${percentile(result.latencies, 0.95).toFixed(1)} ms`);
  console.log(`${name}-p99: ${percentile(result.latencies, 0.99).toFixed(1)} ms`);
  console.log(`${name}-throughput: ${(result.latencies.length / (result.elapsedMs / 1000)).toFixed(1)} pages/s`);
  console.log(`${name}-size: ${(result.bytes / 1024).toFixed(1)} KiB`);
}

async function main() {
  const environment = await startBenchEnvironment({ prefix: "consulta-bench-measure-", sameOrigin: true });
  const { base, secret } = environment;
  const client = new pg.Client({ connectionString: environment.databaseUrl });
  try {
    await client.connect();
    const plan = (await client.query<{ id: string; slug: string; revisionId: string }>(`SELECT id, slug, "currentRevisionId" AS "revisionId" FROM "Plan" WHERE "currentRevisionId" IS NOT NULL ORDER BY "createdAt" LIMIT 1`)).rows[0]!;
    const measure = (await client.query<{ id: string }>(`SELECT id FROM "Measure" WHERE "planId" = $1 AND code = $2`, [plan.id, CODE])).rows[0]!;
    const roundId = (await client.query<{ id: string }>(
      `INSERT INTO "Round" (id, "planId", "revisionId", title, "opensAt", "closesAt", status, "updatedAt")
       VALUES (gen_random_uuid(), $1, $2, 'Consultazione bench', now() - interval '10 days', now() + interval '1 day', 'OPEN', now()) RETURNING id`,
      [plan.id, plan.revisionId],
    )).rows[0]!.id;
    await client.query(`INSERT INTO "User" (id, email, "emailVerified", role, "updatedAt") SELECT gen_random_uuid(), 'reader-' || i || '@example.it', now(), 'STAKEHOLDER', now() FROM generate_series(1, 500) AS i`);
    await client.query(`INSERT INTO "StakeholderProfile" ("userId", "displayName", category, "updatedAt") SELECT id, 'Partecipante ' || substr(email, 8), 'CITIZEN', now() FROM "User" WHERE email LIKE 'reader-%'`);
    // 4,000 threads over ten days, then 1,000 replies spread over the first 500 threads.
    await client.query(
      `INSERT INTO "Comment" (id, "roundId", "authorId", "measureId", body, "createdAt")
       SELECT gen_random_uuid(), $1, u.id, $2, 'Commento numero ' || i || E'.\\n\\nCon un secondo paragrafo e un link https://example.org/' || i, now() - (i || ' minutes')::interval
       FROM generate_series(1, $3::int) AS i JOIN LATERAL (SELECT id FROM "User" WHERE email = 'reader-' || (1 + i % 500) || '@example.it') u ON true`,
      [roundId, measure.id, COMMENTS - REPLIES],
    );
    await client.query(
      `WITH parents AS (SELECT id, row_number() OVER (ORDER BY "createdAt" DESC) AS n FROM "Comment" WHERE "measureId" = $2 AND "roundId" = $1)
       INSERT INTO "Comment" (id, "roundId", "authorId", "measureId", "parentId", body, "createdAt")
       SELECT gen_random_uuid(), $1, (SELECT id FROM "User" WHERE email = 'reader-' || (1 + i % 500) || '@example.it'), $2, p.id, 'Risposta ' || i, now() - (i || ' seconds')::interval
       FROM generate_series(1, $3::int) AS i JOIN parents p ON p.n = 1 + i % 500`,
      [roundId, measure.id, REPLIES],
    );
    await client.query(`ANALYZE`);
    const count = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Comment" WHERE "measureId" = $1`, [measure.id])).rows[0]!.n;
    console.log(`seed-comments: ${count} comments`);
    const deep = (await client.query<{ id: string; at: Date }>(
      `SELECT id, "createdAt" AS at FROM "Comment" WHERE "measureId" = $1 AND "parentId" IS NULL ORDER BY "createdAt" DESC, id DESC OFFSET 3000 LIMIT 1`,
      [measure.id],
    )).rows[0]!;
    const session = (await client.query<{ id: string }>(`INSERT INTO "UserSession" (id, "userId", "expiresAt") SELECT gen_random_uuid(), id, now() + interval '1 day' FROM "User" WHERE email = 'reader-1@example.it' RETURNING id`)).rows[0]!.id;
    const cookie = `next-auth.session-token=${await encode({ token: { sid: session }, secret, maxAge: 86_400 })}`;

    const page = `${base}/piani/${plan.slug}/misure/${CODE}`;
    const deepPage = `${page}?commenti=${deep.at.getTime()}_${deep.id}`;
    await load(page, 40, {}, "Commento numero 1."); // warm-up
    await load(deepPage, 40);
    await load(page, 40, { cookie });
    const single = await load(page, 50, {}, "", 1);
    console.log(`measure-page-single-reader-p50: ${percentile(single.latencies, 0.5).toFixed(1)} ms`);
    console.log(`readers: ${readers} clients`);
    console.log(`requests: ${requests} per run`);
    report("measure-page", await load(page, requests, {}, "Commento numero 1."));
    report("measure-page-deep", await load(deepPage, requests, {}, "Commento numero 30"));
    report("measure-page-signed-in", await load(page, requests, { cookie }, "Pubblica il commento"));
  } finally {
    await client.end().catch(() => undefined);
    await environment.stop();
  }
}

runBench(main);
