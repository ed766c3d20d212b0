/**
 * Bench: the synthesis dashboard of a big round (issue 6).
 *
 * Starts its own embedded PostgreSQL and production server (which migrates and seeds the plan) and
 * seeds, with set-based SQL (generate_series), a closed round on the seed plan's 37 measures with
 * `stakeholders` stakeholders (every category), `votes` votes (each stakeholder votes on
 * votes/stakeholders measures; three planted opinion groups, 15% noise, priorities on most votes,
 * some live), paper tallies from one meeting, `comments` comments, `proposals` proposals with
 * supports, SWOT entries, and a facilitator with a session. Then:
 *   1. in-process: getRoundDashboard (every aggregate + the opinion groups) `runs` times after a
 *      warm-up: p50 and max, and this process's RSS growth;
 *   2. HTTP: GET /consultazioni/<round>/sintesi as the facilitator, `requests` times one after the
 *      other (after a warm-up): p50 / p95, bytes, and the server's peak RSS (process tree, sampled
 *      every 20 ms) during the requests.
 * Prints `name: value unit` lines.
 *
 *   npm run bench -- synthesis [stakeholders=20000] [votes=300000] [comments=30000] [proposals=3000] [runs=5] [requests=8]
 */
import { encode } from "next-auth/jwt";
import pg from "pg";
import { getSession } from "@/lib/auth/session";
import { createPrismaClient } from "@/lib/db/client";
import { getRoundDashboard } from "@/lib/synthesis/get-round-dashboard";
import { percentile, processTreeUsage, runBench, startBenchEnvironment } from "./support";

const stakeholders = Number(process.argv[2] ?? 20_000);
const votes = Number(process.argv[3] ?? 300_000);
const comments = Number(process.argv[4] ?? 30_000);
const proposals = Number(process.argv[5] ?? 3_000);
const runs = Number(process.argv[6] ?? 5);
const requests = Number(process.argv[7] ?? 8);

const line = (name: string, value: number | string, unit = "") => console.log(`${name}: ${typeof value === "number" ? (Number.isInteger(value) ? value : value.toFixed(1)) : value}${unit ? ` ${unit}` : ""}`);
const mb = (bytes: number) => bytes / 1024 / 1024;

async function seed(client: pg.Client): Promise<{ roundId: string; sessionId: string; measures: number }> {
  const plan = (await client.query<{ id: string; revisionId: string }>(`SELECT id, "currentRevisionId" AS "revisionId" FROM "Plan" WHERE "currentRevisionId" IS NOT NULL ORDER BY "createdAt" LIMIT 1`)).rows[0];
  if (!plan) throw new Error("the server did not seed a plan");
  const roundId = (await client.query<{ id: string }>(
    `INSERT INTO "Round" (id, "planId", "revisionId", title, "opensAt", "closesAt", status, "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, 'Consultazione bench sintesi', now() - interval '30 days', now() - interval '1 day', 'CLOSED', now()) RETURNING id`,
    [plan.id, plan.revisionId],
  )).rows[0]!.id;
  await client.query(
    `INSERT INTO "User" (id, email, "emailVerified", role, "updatedAt")
     SELECT gen_random_uuid(), 'syn-' || i || '@example.it', now(), 'STAKEHOLDER'::"Role", now() FROM generate_series(1, $1::int) AS i
     UNION ALL SELECT gen_random_uuid(), 'syn-facilitator@example.it', now(), 'FACILITATOR'::"Role", now()`,
    [stakeholders],
  );
  await client.query(
    `INSERT INTO "StakeholderProfile" ("userId", "displayName", category, "updatedAt")
     SELECT id, 'Partecipante ' || substr(email, 5), (enum_range(NULL::"StakeholderCategory"))[1 + (abs(hashtext(email)) % 8)], now()
     FROM "User" WHERE email LIKE 'syn-%'`,
  );
  const sessionId = (await client.query<{ id: string }>(
    `INSERT INTO "UserSession" (id, "userId", "expiresAt") SELECT gen_random_uuid(), id, now() + interval '1 day' FROM "User" WHERE email = 'syn-facilitator@example.it' RETURNING id`,
  )).rows[0]!.id;
  await client.query(`CREATE TEMP TABLE bench_voter (n int PRIMARY KEY, "userId" uuid NOT NULL, category "StakeholderCategory" NOT NULL)`);
  await client.query(
    `INSERT INTO bench_voter SELECT row_number() OVER (ORDER BY u.email)::int, u.id, p.category FROM "User" u JOIN "StakeholderProfile" p ON p."userId" = u.id WHERE u.email LIKE 'syn-%' AND u.role = 'STAKEHOLDER'`,
  );
  await client.query(`CREATE TEMP TABLE bench_measure (n int PRIMARY KEY, "measureId" uuid NOT NULL, "axisId" uuid NOT NULL)`);
  await client.query(
    `INSERT INTO bench_measure SELECT (row_number() OVER (ORDER BY v.position, m.code) - 1)::int, v."measureId", m."axisId" FROM "MeasureVersion" v JOIN "Measure" m ON m.id = v."measureId" WHERE v."revisionId" = $1`,
    [plan.revisionId],
  );
  const measures = (await client.query<{ count: number }>(`SELECT count(*)::int AS count FROM bench_measure`)).rows[0]!.count;
  const perVoter = Math.round(votes / stakeholders);
  // Voter n votes on perVoter consecutive measures from a start that depends on n; group n % 3 supports
  // the measures m with m % 3 = group and opposes the rest, except where a hash says otherwise (15%) or abstains (5%).
  await client.query(
    `INSERT INTO "Vote" (id, "roundId", "measureId", "userId", choice, priority, channel, category, "updatedAt")
     SELECT gen_random_uuid(), $1, m."measureId", v."userId",
            (CASE WHEN h < 5 THEN 'ABSTAIN' WHEN (m.n % 3 = v.n % 3) <> (h < 20) THEN 'SUPPORT' ELSE 'OPPOSE' END)::"VoteChoice",
            CASE WHEN h % 4 = 0 THEN NULL ELSE 1 + (h % 5) END,
            (CASE WHEN h % 10 = 3 THEN 'LIVE' ELSE 'WEB' END)::"ContributionChannel", v.category, now()
     FROM bench_voter v
     CROSS JOIN generate_series(0, $2::int - 1) AS k
     JOIN bench_measure m ON m.n = ((v.n * 7 + k) % $3::int)
     CROSS JOIN LATERAL (SELECT abs(hashtext(v."userId"::text || m.n)) % 100 AS h) r`,
    [roundId, perVoter, measures],
  );
  const meetingId = (await client.query<{ id: string }>(
    `INSERT INTO "Meeting" (id, "roundId", title, venue, "venueKind", "startsAt", "endsAt", "updatedAt")
     VALUES (gen_random_uuid(), $1, 'Assemblea bench', 'Centro civico', 'PUBLIC_OFFICE', now() - interval '10 days', now() - interval '10 days' + interval '2 hours', now()) RETURNING id`,
    [roundId],
  )).rows[0]!.id;
  await client.query(
    `INSERT INTO "PaperTally" (id, "meetingId", "roundId", "measureId", support, oppose, abstain, "prioritySum", "priorityCount", "updatedAt")
     SELECT gen_random_uuid(), $1, $2, "measureId", 20 + n, 10, 3, 90, 30, now() FROM bench_measure`,
    [meetingId, roundId],
  );
  await client.query(
    `INSERT INTO "Comment" (id, "roundId", "authorId", "measureId", body)
     SELECT gen_random_uuid(), $1, v."userId", m."measureId", 'Commento di prova numero ' || i || ' sulla misura.'
     FROM generate_series(1, $2::int) AS i
     JOIN bench_voter v ON v.n = 1 + (i * 13) % $3::int
     JOIN bench_measure m ON m.n = i % $4::int`,
    [roundId, comments, stakeholders, measures],
  );
  await client.query(
    `INSERT INTO "Proposal" (id, "roundId", "authorId", kind, "measureId", title, "proposedText", rationale, "updatedAt")
     SELECT gen_random_uuid(), $1, v."userId", 'AMEND_MEASURE', m."measureId", 'Proposta ' || i, 'Testo proposto numero ' || i || '.', 'Motivazione della proposta ' || i || '.', now()
     FROM generate_series(1, $2::int) AS i
     JOIN bench_voter v ON v.n = 1 + (i * 31) % $3::int
     JOIN bench_measure m ON m.n = i % $4::int`,
    [roundId, proposals, stakeholders, measures],
  );
  // Three supports per proposal on average (distinct supporters per proposal).
  await client.query(
    `INSERT INTO "ProposalSupport" ("proposalId", "userId")
     SELECT p.id, v."userId" FROM (SELECT id, row_number() OVER (ORDER BY id) AS r FROM "Proposal" WHERE "roundId" = $1) p
     CROSS JOIN generate_series(1, 3) AS s
     JOIN bench_voter v ON v.n = 1 + ((p.r * 97 + s * 5003) % $2::int)
     ON CONFLICT DO NOTHING`,
    [roundId, stakeholders],
  );
  await client.query(
    `INSERT INTO "SwotEntry" (id, "roundId", "authorId", kind, "axisId", body)
     SELECT gen_random_uuid(), $1, v."userId", (enum_range(NULL::"SwotKind"))[1 + i % 4], m."axisId", 'Osservazione ' || i
     FROM generate_series(1, 2000) AS i
     JOIN bench_voter v ON v.n = 1 + (i * 17) % $2::int
     JOIN bench_measure m ON m.n = i % $3::int`,
    [roundId, stakeholders, measures],
  );
  await client.query(`ANALYZE`);
  return { roundId, sessionId, measures };
}

async function main() {
  const environment = await startBenchEnvironment({ prefix: "consulta-bench-synthesis-", sameOrigin: true });
  const { base, secret, databaseUrl, serverPid } = environment;
  const client = new pg.Client({ connectionString: databaseUrl });
  const db = createPrismaClient(databaseUrl);
  try {
    await client.connect();
    const seedStarted = performance.now();
    const seeded = await seed(client);
    const counts = (await client.query<{ votes: number; comments: number; proposals: number; supports: number; swot: number }>(
      `SELECT (SELECT count(*) FROM "Vote" WHERE "roundId" = $1)::int AS votes, (SELECT count(*) FROM "Comment" WHERE "roundId" = $1)::int AS comments,
              (SELECT count(*) FROM "Proposal" WHERE "roundId" = $1)::int AS proposals,
              (SELECT count(*) FROM "ProposalSupport" s JOIN "Proposal" p ON p.id = s."proposalId" WHERE p."roundId" = $1)::int AS supports,
              (SELECT count(*) FROM "SwotEntry" WHERE "roundId" = $1)::int AS swot`,
      [seeded.roundId],
    )).rows[0]!;
    line("seed-stakeholders", stakeholders, "users");
    line("seed-measures", seeded.measures, "measures");
    line("seed-votes", counts.votes, "votes");
    line("seed-comments", counts.comments, "comments");
    line("seed-proposals", counts.proposals, "proposals");
    line("seed-supports", counts.supports, "supports");
    line("seed-swot", counts.swot, "entries");
    line("seed-time", performance.now() - seedStarted, "ms");

    // 1. In process.
    const actor = await getSession(db, seeded.sessionId);
    const rssBefore = process.memoryUsage().rss;
    const first = performance.now();
    const dashboard = await getRoundDashboard(db, actor, seeded.roundId);
    line("dashboard-first", performance.now() - first, "ms");
    const times: number[] = [];
    let peakRss = process.memoryUsage().rss;
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await getRoundDashboard(db, actor, seeded.roundId);
      times.push(performance.now() - t0);
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }
    times.sort((a, b) => a - b);
    line("dashboard-runs", runs, "runs");
    line("dashboard-p50", percentile(times, 0.5), "ms");
    line("dashboard-max", times.at(-1)!, "ms");
    line("dashboard-process-rss-growth", mb(peakRss - rssBefore), "MB");
    const groups = dashboard.opinionGroups;
    line("dashboard-voters", dashboard.voters, "voters");
    line("opinion-groups", groups.enough ? `${groups.chosenK} groups of ${groups.groups.map((group) => group.size).join("/")} (silhouette ${groups.silhouette.toFixed(2)})` : `not enough: ${groups.reason}`);

    // 2. Over HTTP, as the facilitator.
    const cookie = `next-auth.session-token=${await encode({ token: { sid: seeded.sessionId }, secret, maxAge: 86_400 })}`;
    const url = `${base}/consultazioni/${seeded.roundId}/sintesi`;
    const fetchPage = async () => {
      const response = await fetch(url, { headers: { cookie } });
      const body = await response.text();
      if (response.status !== 200 || !body.includes("Sintesi")) throw new Error(`GET ${url}: ${response.status}`);
      return body.length;
    };
    const idleRss = processTreeUsage(serverPid).rssBytes;
    let serverPeak = idleRss;
    const sampler = setInterval(() => {
      serverPeak = Math.max(serverPeak, processTreeUsage(serverPid).rssBytes);
    }, 20);
    try {
      const t0 = performance.now();
      const bytes = await fetchPage(); // warm-up: first render compiles and fills caches
      line("http-first", performance.now() - t0, "ms");
      line("http-page-size", bytes / 1024, "KiB");
      const latencies: number[] = [];
      for (let i = 0; i < requests; i++) {
        const started = performance.now();
        await fetchPage();
        latencies.push(performance.now() - started);
      }
      latencies.sort((a, b) => a - b);
      line("http-requests", requests, "requests");
      line("http-p50", percentile(latencies, 0.5), "ms");
      line("http-p95", percentile(latencies, 0.95), "ms");
    } finally {
      clearInterval(sampler);
    }
    line("server-rss-before", mb(idleRss), "MB");
    line("server-rss-peak", mb(serverPeak), "MB");
  } finally {
    await db.$disconnect().catch(() => undefined);
    await client.end().catch(() => undefined);
    await environment.stop();
  }
}

runBench(main);
