/**
 * POST /api/v1/rounds/{roundId}/votes: the route handler module itself, called with real Request
 * objects carrying a real session cookie (next-auth JWT naming a UserSession), against PostgreSQL.
 */
import { randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";
import { POST } from "@/app/api/v1/rounds/[roundId]/votes/route";
import { disconnectPrisma } from "@/lib/db/client";
import { createRound, measureId, stakeholder } from "../support/round-factory";
import { databaseForThisFile } from "../support/test-database";

jest.setTimeout(120_000);
const db = databaseForThisFile();
const secret = randomBytes(32).toString("base64");
const saved = { DATABASE_URL: process.env.DATABASE_URL, NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET, PUBLIC_URL: process.env.PUBLIC_URL };

beforeAll(() => {
  process.env.DATABASE_URL = db.url;
  process.env.NEXTAUTH_SECRET = secret;
  delete process.env.PUBLIC_URL;
});
afterAll(async () => {
  await disconnectPrisma();
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

async function cookieFor(sessionId: string): Promise<string> {
  return `other=1; next-auth.session-token=${await encode({ token: { sid: sessionId }, secret, maxAge: 3600 })}`;
}

function post(roundId: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  const request = new Request(`http://localhost:3000/api/v1/rounds/${roundId}/votes`, {
    method: "POST",
    headers: { host: "localhost:3000", origin: "http://localhost:3000", "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return POST(request, { params: Promise.resolve({ roundId }) });
}

describe("POST /api/v1/rounds/{roundId}/votes", () => {
  test("casts and changes the signed-in stakeholder's vote", async () => {
    const round = await createRound(db.prisma);
    const measure = await measureId(db.prisma, round.planId, "1.4");
    const voter = await stakeholder(db.prisma, "THIRD_SECTOR");
    const cookie = await cookieFor(voter.sessionId);

    const first = await post(round.id, { measureId: measure, choice: "SUPPORT", priority: 3 }, { cookie });
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toContain("no-store");
    const body = await first.json();
    expect(body).toEqual({ vote: { id: expect.any(String), roundId: round.id, measureId: measure, choice: "SUPPORT", priority: 3, outcome: "created" } });

    const second = await post(round.id, { measureId: measure, choice: "ABSTAIN", priority: null }, { cookie });
    expect(await second.json()).toMatchObject({ vote: { id: body.vote.id, choice: "ABSTAIN", priority: null, outcome: "changed" } });
    expect(await db.prisma.vote.findUniqueOrThrow({ where: { id: body.vote.id } })).toMatchObject({ choice: "ABSTAIN", priority: null, channel: "WEB", userId: voter.userId });
    expect(await db.prisma.voteHistory.count({ where: { voteId: body.vote.id } })).toBe(1);
  });

  test("refuses a cross-site request (Origin) before reading anything, and requests without Origin or Referer", async () => {
    const round = await createRound(db.prisma);
    const measure = await measureId(db.prisma, round.planId, "1.4");
    const voter = await stakeholder(db.prisma);
    const cookie = await cookieFor(voter.sessionId);
    const crossSite = await post(round.id, { measureId: measure, choice: "OPPOSE" }, { cookie, origin: "https://evil.example" });
    expect(crossSite.status).toBe(403);
    expect(await crossSite.json()).toEqual({ error: { code: "FORBIDDEN", message: "Richiesta rifiutata: non proviene da una pagina di questo sito." } });
    const request = new Request(`http://localhost:3000/api/v1/rounds/${round.id}/votes`, { method: "POST", headers: { host: "localhost:3000", cookie, "content-type": "application/json" }, body: JSON.stringify({ measureId: measure, choice: "OPPOSE" }) });
    expect((await POST(request, { params: Promise.resolve({ roundId: round.id }) })).status).toBe(403);
    expect(await db.prisma.vote.count({ where: { userId: voter.userId } })).toBe(0);
  });

  test("401 without a valid session; 409 on a closed round in the asked language; 400 on unknown fields or a body roundId", async () => {
    const round = await createRound(db.prisma);
    const measure = await measureId(db.prisma, round.planId, "1.4");
    expect((await post(round.id, { measureId: measure, choice: "SUPPORT" })).status).toBe(401);
    expect((await post(round.id, { measureId: measure, choice: "SUPPORT" }, { cookie: "next-auth.session-token=forged" })).status).toBe(401);
    const voter = await stakeholder(db.prisma);
    const cookie = await cookieFor(voter.sessionId);
    await db.prisma.userSession.update({ where: { id: voter.sessionId }, data: { revokedAt: new Date() } });
    expect((await post(round.id, { measureId: measure, choice: "SUPPORT" }, { cookie })).status).toBe(401);

    const active = await stakeholder(db.prisma);
    const activeCookie = await cookieFor(active.sessionId);
    const closed = await createRound(db.prisma, { status: "CLOSED", opensAt: new Date(Date.now() - 7200_000), closesAt: new Date(Date.now() - 3600_000) });
    const refused = await post(closed.id, { measureId: measure, choice: "SUPPORT" }, { cookie: activeCookie, "accept-language": "en" });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toEqual({ error: { code: "CONFLICT", message: expect.stringMatching(/closed/i) } });

    const extra = await post(round.id, { measureId: measure, choice: "SUPPORT", userId: voter.userId }, { cookie: activeCookie });
    expect(extra.status).toBe(400);
    expect(await extra.json()).toMatchObject({ error: { code: "VALIDATION", details: { userId: "votes.errors.unknownField" } } });
    expect((await post(round.id, { roundId: closed.id, measureId: measure, choice: "SUPPORT" }, { cookie: activeCookie })).status).toBe(400);
    expect((await post(round.id, "{not json", { cookie: activeCookie })).status).toBe(400);
    expect((await post("not-a-uuid", { measureId: measure, choice: "SUPPORT" }, { cookie: activeCookie })).status).toBe(400);
    expect(await db.prisma.vote.count({ where: { userId: { in: [voter.userId, active.userId] } } })).toBe(0);
  });

  test("50 simultaneous requests by one person: one vote, no 5xx", async () => {
    const round = await createRound(db.prisma);
    const measure = await measureId(db.prisma, round.planId, "2.2");
    const voter = await stakeholder(db.prisma);
    const cookie = await cookieFor(voter.sessionId);
    let arrived = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const responses = await Promise.all(Array.from({ length: 50 }, async (_, i) => {
      if (++arrived === 50) release();
      await gate;
      return post(round.id, { measureId: measure, choice: i % 2 ? "SUPPORT" : "OPPOSE", priority: (i % 5) + 1 }, { cookie });
    }));
    expect(responses.map((response) => response.status)).toEqual(Array(50).fill(200));
    const outcomes = await Promise.all(responses.map(async (response) => (await response.json()).vote.outcome as string));
    expect(outcomes.filter((outcome) => outcome === "created")).toHaveLength(1);
    expect(await db.prisma.vote.count({ where: { userId: voter.userId } })).toBe(1);
    expect(await db.prisma.voteHistory.count({ where: { vote: { userId: voter.userId } } })).toBe(outcomes.filter((outcome) => outcome === "changed").length);
  });
});
