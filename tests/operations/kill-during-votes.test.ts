/**
 * kill -9 in the middle of a vote burst (issue 8): nothing acknowledged is lost, nothing retried is
 * counted twice.
 *
 * The real production server (server.ts, as `npm start` runs it) on a PostgreSQL of this file's own.
 * Many participants vote at once: live votes over real socket.io-client connections (each with its
 * clientVoteId, the next one sent after the previous one's acknowledgement, as the phones do) and web
 * votes through POST /api/v1/rounds/{roundId}/votes, on another measure. When a share of the
 * acknowledgements has come back, the server's process group gets SIGKILL — requests in flight,
 * commits half way. Every acknowledgement received is recorded. A new server process starts on the
 * same database and port. Then:
 *  - every acknowledged vote is stored (its receipt; the person's current vote is the last one
 *    acknowledged, or the one that was in flight when the server died);
 *  - the clients retry everything, acknowledged or not, in order, with the same clientVoteIds and the
 *    same requests: the ones applied before answer "duplicate"; in the end one vote per person ×
 *    measure × round, one receipt per clientVoteId, and each person's choices are the last they sent;
 *  - a comment form posted before the kill (no JavaScript, Chromium), posted again after the
 *    restart with the browser's very request (same submissionId), is one comment.
 */
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Socket } from "socket.io-client";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import type { VoteChoice } from "@/lib/db/generated/enums";
import type { LiveVoteCastAck } from "@/lib/live/live-socket-protocol";
import { findChromium, launchBrowser, newContext } from "../support/browser";
import { freePort, startServer } from "../support/e2e-server";
import { confirmedUser, signIn } from "../support/e2e-users";
import { votingOnMeasure } from "../support/live-factory";
import { connectLive, manyStakeholders, sessionCookie } from "../support/live-socket";
import { type OpsDatabase, startOpsDatabase } from "../support/ops-database";
import { measureId as measureIdOf } from "../support/round-factory";

jest.setTimeout(300_000);

const PARTICIPANTS = 40;
/** Votes each participant sends on each channel (changes of mind). */
const VOTES_EACH = 8;
/** SIGKILL when this many acknowledgements (live + web) have come back: mid-burst. */
const KILL_AFTER = Math.round(PARTICIPANTS * VOTES_EACH * 2 * 0.4);
const CHOICES: VoteChoice[] = ["SUPPORT", "OPPOSE", "ABSTAIN"];

type Server = Awaited<ReturnType<typeof startServer>>;

interface Sent {
  choice: VoteChoice;
  priority: number | null;
  /** Live votes only. */
  clientVoteId?: string;
}

/** One participant's votes on one channel, in the order sent, and how far the acknowledgements came. */
interface Track {
  userId: string;
  sessionId: string;
  votes: Sent[];
  /** How many of `votes` were acknowledged (a prefix: the next one goes after the previous one's acknowledgement). */
  acked: number;
  /** Whether votes[acked] was sent when the server died (in flight: stored or not). */
  inFlight: boolean;
}

function plannedVotes(participant: number, live: boolean): Sent[] {
  return Array.from({ length: VOTES_EACH }, (_, index) => {
    const choice = CHOICES[(participant + index + (live ? 0 : 1)) % 3]!;
    return { choice, priority: choice === "ABSTAIN" ? null : ((participant + index) % 5) + 1, ...(live ? { clientVoteId: randomUUID() } : {}) };
  });
}

/** Resolves (to an error) when the socket loses its server. */
function lost(socket: Socket): Promise<void> {
  return new Promise((resolve) => socket.once("disconnect", () => resolve()));
}

describe("kill -9 during a burst of live and web votes", () => {
  let database: OpsDatabase | undefined;
  let prisma: PrismaClient | undefined;
  let dataDir = "";
  const servers: Server[] = [];
  const sockets: Socket[] = [];
  let closeBrowser: (() => Promise<void>) | undefined;

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await closeBrowser?.();
    await Promise.allSettled(servers.map((server) => server.stop()));
    await prisma?.$disconnect();
    await database?.destroy();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test("every acknowledged vote survives; retries of everything make no duplicates; a re-posted comment is stored once", async () => {
    const chromium = findChromium();
    if (!chromium) throw new Error("This test needs Chromium (CHROMIUM_PATH or /usr/bin/chromium).");
    database = await startOpsDatabase("kill-votes");
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "consulta-ops-kill-data-"));
    const port = await freePort();
    const secret = randomBytes(32).toString("base64");
    const serverOptions = (run: number) => ({ port, logName: `ops-kill-during-votes-${run}.log`, env: { NEXTAUTH_SECRET: secret, PUBLIC_URL: undefined, NEXTAUTH_URL: undefined } });
    // The first start migrates the empty database and imports the seed plan.
    servers.push(await startServer(database.url, dataDir, serverOptions(1)));
    const base = servers[0]!.baseUrl;
    prisma = createPrismaClient(database.url, { maxConnections: 4 });
    const db = prisma;

    // A live session voting on measure 1.1; the web votes go to measure 2.1 of the same round.
    const live = await votingOnMeasure(db, "1.1");
    const roundId = live.round.id;
    const webMeasureId = await measureIdOf(db, live.round.planId, "2.1");
    const people = await manyStakeholders(db, PARTICIPANTS);
    const liveTracks: Track[] = people.map((person, index) => ({ ...person, votes: plannedVotes(index, true), acked: 0, inFlight: false }));
    const webTracks: Track[] = people.map((person, index) => ({ ...person, votes: plannedVotes(index, false), acked: 0, inFlight: false }));

    // A comment through the measure page without JavaScript; the browser's POST is kept to be sent again later.
    const commenter = { email: `kill-${Date.now()}@example.it`, id: "" };
    commenter.id = await confirmedUser(db, commenter.email, "STAKEHOLDER", "Chiara Commenta", "CITIZEN");
    const browser = await launchBrowser(chromium);
    closeBrowser = () => browser.close();
    const context = await newContext(browser, base, { javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, commenter.email);
    const measurePath = `/piani/${live.round.planSlug}/misure/1.1`;
    await page.goto(measurePath);
    const formSubmissionId = await page.locator("#commenti form:has(#comment-new-body) input[name=submissionId]").inputValue();
    let commentPost: { headers: Record<string, string>; body: Buffer } | undefined;
    page.on("request", (request) => {
      if (request.method() !== "POST" || new URL(request.url()).pathname !== measurePath) return;
      void request.allHeaders().then((headers) => (commentPost = { headers, body: request.postDataBuffer() ?? Buffer.alloc(0) }));
    });
    await page.fill("#comment-new-body", "Un commento scritto prima del guasto.");
    await page.click("#commenti form:has(#comment-new-body) button[type=submit]");
    await page.waitForURL((url) => url.searchParams.get("esito") === "commento-pubblicato");
    const [comment] = await db.comment.findMany({ where: { authorId: commenter.id }, select: { id: true, submissionId: true } });
    expect(comment).toEqual({ id: expect.any(String), submissionId: formSubmissionId });
    expect(commentPost).toBeDefined();

    // ── The burst, and SIGKILL in the middle of it ──
    const first = servers[0]!;
    let acknowledgements = 0;
    let killedAt = -1;
    const acknowledged = () => {
      acknowledgements += 1;
      if (acknowledgements === KILL_AFTER) {
        killedAt = acknowledgements;
        process.kill(-first.pid, "SIGKILL"); // the server's whole process group, like kill -9 of the service
      }
    };
    const liveSockets = await Promise.all(liveTracks.map(async (track) => {
      const socket = await connectLive(base, { cookie: await sessionCookie(track.sessionId, secret) });
      sockets.push(socket);
      return socket;
    }));

    async function liveBurst(track: Track, socket: Socket): Promise<void> {
      const gone = lost(socket);
      for (const vote of track.votes) {
        if (!socket.connected) return;
        track.inFlight = true;
        const payload = { sessionId: live.sessionId, itemId: live.itemId, choice: vote.choice, clientVoteId: vote.clientVoteId, ...(vote.priority === null ? {} : { priority: vote.priority }) };
        const ack = await Promise.race([socket.timeout(20_000).emitWithAck("vote:cast", payload) as Promise<LiveVoteCastAck>, gone.then(() => null)]).catch(() => null);
        if (ack === null) return;
        if (!ack.ok) throw new Error(`live vote refused before the kill: ${ack.error.message}`);
        track.inFlight = false;
        track.acked += 1;
        acknowledged();
      }
    }

    const cookies = new Map(await Promise.all(people.map(async (person) => [person.userId, await sessionCookie(person.sessionId, secret)] as const)));
    const webVote = (baseUrl: string, track: Track, vote: Sent) =>
      fetch(`${baseUrl}/api/v1/rounds/${roundId}/votes`, {
        method: "POST",
        headers: { cookie: cookies.get(track.userId)!, origin: baseUrl, "content-type": "application/json" },
        body: JSON.stringify({ measureId: webMeasureId, choice: vote.choice, priority: vote.priority }),
        signal: AbortSignal.timeout(20_000),
      });

    async function webBurst(track: Track): Promise<void> {
      for (const vote of track.votes) {
        if (killedAt >= 0) return; // the server is gone: the rest is never sent
        track.inFlight = true;
        // A refused or cut connection (errors of another realm: not instanceof Error here).
        const response = await webVote(base, track, vote).catch(() => null);
        if (response === null) return;
        // The answer cut in the middle (the server died while sending it) is no acknowledgement either.
        const body = await response.text().catch(() => null);
        if (body === null) return;
        if (response.status !== 200) throw new Error(`web vote answered ${response.status} before the kill: ${body}`);
        track.inFlight = false;
        track.acked += 1;
        acknowledged();
      }
    }

    await Promise.all([...liveTracks.map((track, index) => liveBurst(track, liveSockets[index]!)), ...webTracks.map(webBurst)]);
    expect(killedAt).toBe(KILL_AFTER);
    const deadline = Date.now() + 10_000;
    while (first.exit() === undefined && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(first.exit()).toBe("signal SIGKILL");
    await first.stop();
    for (const socket of liveSockets) socket.close();

    const all = [...liveTracks, ...webTracks];
    const ackedTotal = all.reduce((sum, track) => sum + track.acked, 0);
    // Mid-burst: some acknowledged, some in flight, some never sent.
    expect(ackedTotal).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(ackedTotal).toBeLessThan(all.length * VOTES_EACH);
    expect(all.some((track) => track.inFlight)).toBe(true);

    // ── A new server process on the same database ──
    servers.push(await startServer(database.url, dataDir, serverOptions(2)));
    const second = servers[1]!;
    expect(second.baseUrl).toBe(base);

    // Every acknowledged vote is stored.
    const receipts = new Map((await db.liveVoteReceipt.findMany({ where: { itemId: live.itemId }, select: { clientVoteId: true, userId: true } })).map((row) => [row.clientVoteId, row.userId]));
    const storedVotes = async () =>
      new Map(
        (await db.vote.findMany({ where: { roundId }, select: { userId: true, measureId: true, choice: true, priority: true, channel: true } })).map((row) => [`${row.userId}/${row.measureId}`, row]),
      );
    const beforeRetry = await storedVotes();
    const lostAcks: string[] = [];
    for (const [tracks, measure, channel] of [[liveTracks, live.measureId, "LIVE"], [webTracks, webMeasureId, "WEB"]] as const) {
      for (const track of tracks) {
        if (channel === "LIVE") {
          for (const vote of track.votes.slice(0, track.acked)) if (receipts.get(vote.clientVoteId!) !== track.userId) lostAcks.push(`receipt ${vote.clientVoteId}`);
        }
        if (track.acked === 0) continue;
        const stored = beforeRetry.get(`${track.userId}/${measure}`);
        // The last acknowledged vote, unless the next one (in flight at the kill) was applied after it.
        const possible = [track.votes[track.acked - 1]!, ...(track.inFlight ? [track.votes[track.acked]!] : [])];
        if (!stored || stored.channel !== channel || !possible.some((vote) => vote.choice === stored.choice && vote.priority === stored.priority)) {
          lostAcks.push(`${channel} vote of ${track.userId}: stored ${JSON.stringify(stored)}, acknowledged ${JSON.stringify(possible)}`);
        }
      }
    }
    expect(lostAcks).toEqual([]);
    const inFlight = all.filter((track) => track.inFlight).length;
    const appliedUnacknowledged = liveTracks.filter((track) => track.inFlight && receipts.has(track.votes[track.acked]!.clientVoteId!)).length;
    process.stderr.write(`operations: SIGKILL after ${killedAt} acknowledgements; ${ackedTotal} acknowledged in all, ${inFlight} sent without an answer (${appliedUnacknowledged} live votes among them stored all the same), ${all.length * VOTES_EACH - ackedTotal - inFlight} never sent\n`);

    // ── The clients retry everything, in order: the same clientVoteIds, the same requests ──
    const retrySockets = await Promise.all(liveTracks.map(async (track) => {
      const socket = await connectLive(base, { cookie: await sessionCookie(track.sessionId, secret) });
      sockets.push(socket);
      return socket;
    }));
    const unexpected: string[] = [];
    await Promise.all([
      ...liveTracks.map(async (track, index) => {
        for (const [position, vote] of track.votes.entries()) {
          const payload = { sessionId: live.sessionId, itemId: live.itemId, choice: vote.choice, clientVoteId: vote.clientVoteId, ...(vote.priority === null ? {} : { priority: vote.priority }) };
          const ack = (await retrySockets[index]!.timeout(20_000).emitWithAck("vote:cast", payload)) as LiveVoteCastAck;
          if (!ack.ok) unexpected.push(`live retry refused: ${ack.error.message}`);
          else if (position < track.acked && ack.vote.outcome !== "duplicate") unexpected.push(`acknowledged live vote applied again: ${ack.vote.outcome}`);
          else if (position > track.acked && ack.vote.outcome === "duplicate") unexpected.push("a live vote never sent was a duplicate");
        }
      }),
      ...webTracks.map(async (track) => {
        for (const vote of track.votes) {
          const response = await webVote(base, track, vote);
          if (response.status !== 200) unexpected.push(`web retry answered ${response.status}: ${await response.text()}`);
          else await response.json();
        }
      }),
    ]);
    expect(unexpected).toEqual([]);

    // One vote per person × measure × round, one receipt per clientVoteId, the last choices sent.
    const final = await storedVotes();
    expect(await db.vote.count({ where: { roundId } })).toBe(PARTICIPANTS * 2);
    const finalReceipts = await db.liveVoteReceipt.findMany({ where: { itemId: live.itemId }, select: { clientVoteId: true, userId: true } });
    expect(finalReceipts).toHaveLength(PARTICIPANTS * VOTES_EACH);
    const sentIds = new Map(liveTracks.flatMap((track) => track.votes.map((vote) => [vote.clientVoteId!, track.userId] as const)));
    expect(finalReceipts.every((receipt) => sentIds.get(receipt.clientVoteId) === receipt.userId)).toBe(true);
    const wrong: string[] = [];
    for (const [tracks, measure] of [[liveTracks, live.measureId], [webTracks, webMeasureId]] as const) {
      for (const track of tracks) {
        const last = track.votes.at(-1)!;
        const stored = final.get(`${track.userId}/${measure}`);
        if (stored?.choice !== last.choice || stored.priority !== last.priority) wrong.push(`${track.userId}/${measure}: ${JSON.stringify(stored)} instead of ${JSON.stringify(last)}`);
      }
    }
    expect(wrong).toEqual([]);

    // ── The comment form posted again after the restart, with the browser's very request ──
    const { host: _host, "content-length": _length, connection: _connection, ...headers } = commentPost!.headers;
    const repost = await fetch(`${base}${measurePath}`, { method: "POST", headers, body: new Uint8Array(commentPost!.body), redirect: "manual", signal: AbortSignal.timeout(20_000) });
    expect(repost.status).toBe(303);
    expect(repost.headers.get("location")).toContain(`#comment-${comment!.id}`);
    expect(await db.comment.findMany({ where: { authorId: commenter.id }, select: { id: true, submissionId: true } })).toEqual([comment]);
    expect(second.exit()).toBeUndefined();
  });
});
