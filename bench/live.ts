/**
 * Bench: a live assembly with N phones voting at once, through the real Socket.IO server.
 *
 * Starts its own embedded PostgreSQL and production server (which migrates and seeds the plan),
 * seeds an open round with a meeting, a facilitator and N confirmed stakeholders with a live
 * UserSession each (cookies made the way the server makes them). The facilitator starts the live
 * session (the domain service, as the console's form does), joins over Socket.IO, puts a measure
 * under discussion, opens voting and shows results. Then N socket.io-client participants join and
 * all vote within `spreadMs`: acknowledgement latency p50/p95/p99, the delay from the last
 * acknowledgement until every participant has seen the final tally, the number of tally messages
 * a participant received, the server's CPU time and memory during the burst; and checks that the
 * database holds exactly N live votes on the measure and that the broadcast tally says N.
 *
 *   npm run bench -- live [participants=1000] [spreadMs=3000]
 */
import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { type Socket, io } from "socket.io-client";
import { createPrismaClient } from "@/lib/db/client";
import { getSession } from "@/lib/auth/session";
import { startLiveSession } from "@/lib/live/start-live-session";
import type { LiveSnapshot, LiveTally } from "@/lib/live/live.types";
import { percentile, processTreeUsage, runBench, startBenchEnvironment } from "./support";

const participants = Number(process.argv[2] ?? 1000);
const spreadMs = Number(process.argv[3] ?? 3000);
const CODE = "2.1";

const line = (name: string, value: number | string, unit = "") => console.log(`${name}: ${typeof value === "number" ? (Number.isInteger(value) ? value : value.toFixed(1)) : value}${unit ? ` ${unit}` : ""}`);

type Ack = { ok: true; [key: string]: unknown } | { ok: false; error: { code: string; message: string } };

function connect(base: string, cookie: string): Promise<Socket> {
  const socket = io(`${base}/live`, { path: "/socket.io", transports: ["websocket"], extraHeaders: { cookie, origin: base }, reconnection: false, timeout: 60_000 });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (error) => reject(new Error(`connect refused: ${error.message}`)));
  });
}

async function send(socket: Socket, event: string, payload: unknown): Promise<Ack & { ok: true }> {
  const ack = (await socket.timeout(60_000).emitWithAck(event, payload)) as Ack;
  if (!ack.ok) throw new Error(`${event} refused: ${ack.error.code} ${ack.error.message}`);
  return ack;
}

async function main() {
  const environment = await startBenchEnvironment({ prefix: "consulta-bench-live-", sameOrigin: true });
  const { base, secret } = environment;
  const client = new pg.Client({ connectionString: environment.databaseUrl });
  const db = createPrismaClient(environment.databaseUrl);
  const sockets: Socket[] = [];
  try {
    await client.connect();
    const plan = (await client.query<{ id: string; revisionId: string }>(`SELECT id, "currentRevisionId" AS "revisionId" FROM "Plan" WHERE "currentRevisionId" IS NOT NULL ORDER BY "createdAt" LIMIT 1`)).rows[0]!;
    const measureId = (await client.query<{ id: string }>(`SELECT id FROM "Measure" WHERE "planId" = $1 AND code = $2`, [plan.id, CODE])).rows[0]!.id;
    const roundId = (await client.query<{ id: string }>(
      `INSERT INTO "Round" (id, "planId", "revisionId", title, "opensAt", "closesAt", status, "updatedAt")
       VALUES (gen_random_uuid(), $1, $2, 'Consultazione bench', now() - interval '1 hour', now() + interval '1 day', 'OPEN', now()) RETURNING id`,
      [plan.id, plan.revisionId],
    )).rows[0]!.id;
    const meetingId = (await client.query<{ id: string }>(
      `INSERT INTO "Meeting" (id, "roundId", title, venue, "venueKind", "startsAt", "endsAt", "updatedAt")
       VALUES (gen_random_uuid(), $1, 'Assemblea bench', 'Centro civico', 'PUBLIC_OFFICE', now() - interval '10 minutes', now() + interval '2 hours', now()) RETURNING id`,
      [roundId],
    )).rows[0]!.id;
    await client.query(
      `INSERT INTO "User" (id, email, "emailVerified", role, "updatedAt")
       SELECT gen_random_uuid(), 'live-' || i || '@example.it', now(), 'STAKEHOLDER'::"Role", now() FROM generate_series(1, $1::int) AS i
       UNION ALL SELECT gen_random_uuid(), 'live-host@example.it', now(), 'FACILITATOR'::"Role", now()`,
      [participants],
    );
    await client.query(
      `INSERT INTO "StakeholderProfile" ("userId", "displayName", category, "updatedAt")
       SELECT id, 'Partecipante ' || substr(email, 6), (enum_range(NULL::"StakeholderCategory"))[1 + (abs(hashtext(email)) % 8)], now()
       FROM "User" WHERE email LIKE 'live-%' AND role = 'STAKEHOLDER'`,
    );
    const sessions = await client.query<{ id: string; email: string }>(
      `INSERT INTO "UserSession" (id, "userId", "expiresAt") SELECT gen_random_uuid(), id, now() + interval '1 day' FROM "User" WHERE email LIKE 'live-%'
       RETURNING id, (SELECT email FROM "User" u WHERE u.id = "userId") AS email`,
    );
    const cookieOf = async (sessionId: string) => `next-auth.session-token=${await encode({ token: { sid: sessionId }, secret, maxAge: 86_400 })}`;
    const hostSession = sessions.rows.find((row) => row.email === "live-host@example.it")!.id;
    const participantCookies = await Promise.all(sessions.rows.filter((row) => row.email !== "live-host@example.it").map((row) => cookieOf(row.id)));

    // The facilitator: starts the session (as the console's form does), then drives it over Socket.IO.
    const started = await startLiveSession(db, await getSession(db, hostSession), { meetingId });
    const sessionId = started.result.sessionId;
    const host = await connect(base, await cookieOf(hostSession));
    sockets.push(host);
    await send(host, "session:join", { sessionId });
    await send(host, "item:select", { sessionId, measureId });
    await send(host, "voting:open", { sessionId });
    await send(host, "results:show", { sessionId });

    // The phones join.
    const joinStarted = performance.now();
    const finalSeen = new Array<number>(participants).fill(NaN);
    const tallyMessages = new Array<number>(participants).fill(0);
    let itemId = "";
    const joined = await Promise.all(
      participantCookies.map(async (cookie, index) => {
        const socket = await connect(base, cookie);
        sockets.push(socket);
        socket.on("tally", (tally: LiveTally) => {
          tallyMessages[index] = (tallyMessages[index] ?? 0) + 1;
          if (tally.live.total >= participants && Number.isNaN(finalSeen[index])) finalSeen[index] = performance.now();
        });
        const ack = await send(socket, "session:join", { sessionId });
        itemId = (ack.snapshot as LiveSnapshot).currentItem!.id;
        return socket;
      }),
    );
    line("participants", participants, "clients");
    line("join-all", performance.now() - joinStarted, "ms");

    // Everyone votes within spreadMs.
    const cpuBefore = processTreeUsage(environment.serverPid);
    const choices = ["SUPPORT", "OPPOSE", "ABSTAIN"] as const;
    const ackLatencies: number[] = [];
    let lastAck = 0;
    const burstStarted = performance.now();
    await Promise.all(
      joined.map(async (socket, index) => {
        await new Promise((resolve) => setTimeout(resolve, Math.random() * spreadMs));
        const t0 = performance.now();
        await send(socket, "vote:cast", { sessionId, itemId, choice: choices[index % 3], priority: 1 + (index % 5), clientVoteId: randomUUID() });
        const at = performance.now();
        ackLatencies.push(at - t0);
        lastAck = Math.max(lastAck, at);
      }),
    );
    const burstMs = performance.now() - burstStarted;
    // Every phone must end up seeing the final tally.
    const deadline = performance.now() + 30_000;
    while (finalSeen.some(Number.isNaN) && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    const cpuAfter = processTreeUsage(environment.serverPid);
    const missing = finalSeen.filter(Number.isNaN).length;
    const seenDelays = finalSeen.filter((at) => !Number.isNaN(at)).map((at) => Math.max(0, at - lastAck)).sort((a, b) => a - b);
    ackLatencies.sort((a, b) => a - b);

    line("vote-burst", burstMs, "ms");
    line("vote-ack-p50", percentile(ackLatencies, 0.5), "ms");
    line("vote-ack-p95", percentile(ackLatencies, 0.95), "ms");
    line("vote-ack-p99", percentile(ackLatencies, 0.99), "ms");
    line("final-tally-seen-p50", percentile(seenDelays, 0.5), "ms after the last ack");
    line("final-tally-seen-all", seenDelays.at(-1) ?? NaN, "ms after the last ack");
    line("clients-without-final-tally", missing, "clients");
    line("tally-messages-per-client", percentile([...tallyMessages].sort((a, b) => a - b), 0.5), "messages (median)");
    line("server-cpu-during-burst", cpuAfter.cpuMs - cpuBefore.cpuMs, "ms");
    line("server-rss", cpuAfter.rssBytes / 1024 / 1024, "MiB");

    const stored = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Vote" WHERE "roundId" = $1 AND "measureId" = $2 AND channel = 'LIVE'`, [roundId, measureId])).rows[0]!.n;
    line("votes-sent", participants, "votes");
    line("votes-stored", stored, "votes");
    const hostTally = (await send(host, "session:join", { sessionId })).snapshot as LiveSnapshot;
    line("broadcast-tally-total", hostTally.tally?.live.total ?? NaN, "votes");
    if (stored !== participants || hostTally.tally?.live.total !== participants || missing > 0) {
      throw new Error(`mismatch: sent ${participants}, stored ${stored}, tally ${hostTally.tally?.live.total}, clients without the final tally ${missing}`);
    }
  } finally {
    for (const socket of sockets) socket.disconnect();
    await db.$disconnect().catch(() => undefined);
    await client.end().catch(() => undefined);
    await environment.stop();
  }
}

runBench(main);
