/**
 * Guests in a live session (people in the room without an account): the request from the join
 * page, the host's admission or refusal, the browser picking up its session once, what a guest may
 * and may not do, and the end of their sessions with the live session. Real PostgreSQL.
 */
import { randomUUID } from "node:crypto";
import { getSession } from "@/lib/auth/session";
import { checkLiveGuestAdmission } from "@/lib/live/check-live-guest-admission";
import { decideLiveGuest } from "@/lib/live/decide-live-guest";
import { castLiveVote } from "@/lib/live/cast-live-vote";
import { endLiveSession } from "@/lib/live/end-live-session";
import { joinLiveSession } from "@/lib/live/join-live-session";
import { listLiveGuestRequests } from "@/lib/live/list-live-guest-requests";
import { MAX_PENDING_GUESTS, requestLiveGuestAdmission } from "@/lib/live/request-live-guest-admission";
import { castVote } from "@/lib/participation/cast-vote";
import { postComment } from "@/lib/participation/post-comment";
import { exportOwnData } from "@/lib/privacy/export-own-data";
import { barrier } from "../support/barrier";
import { startedLiveSession, votingOnMeasure } from "../support/live-factory";
import { refusal } from "../support/refusal";
import { stakeholder } from "../support/round-factory";
import { databaseForThisFile } from "../support/test-database";

jest.setTimeout(120_000);
const db = databaseForThisFile();
const context = { ipAddress: "192.0.2.10", userAgent: "jest" };
let nextIp = 1;
/** Each test asks from its own address: the per-address rate limit is tested on its own. */
const freshIp = () => ({ ipAddress: `198.51.100.${nextIp++}` });

async function admittedGuest(live: { host: Parameters<typeof decideLiveGuest>[1]; sessionId: string; joinCode: string }, name = "Giulia in sala", category = "YOUNG_PERSON") {
  const request = await requestLiveGuestAdmission(db.prisma, { code: live.joinCode, displayName: name, category }, freshIp());
  const [pending] = await listLiveGuestRequests(db.prisma, live.host, live.sessionId);
  await decideLiveGuest(db.prisma, live.host, { sessionId: live.sessionId, requestId: pending!.id, admit: true });
  const admission = await checkLiveGuestAdmission(db.prisma, request.credential, context);
  if (admission?.status !== "ADMITTED") throw new Error("not admitted");
  const actor = await getSession(db.prisma, admission.userSession.sessionId);
  return { actor: actor!, admission, request };
}

describe("asking to join", () => {
  test("a guest's request waits for the hosts with the name and category given (code typed loosely); the browser sees PENDING", async () => {
    const live = await startedLiveSession(db.prisma);
    const request = await requestLiveGuestAdmission(db.prisma, { code: ` ${live.joinCode.toLowerCase()} `, displayName: "  Mario   Bianchi ", category: "FAMILY" }, freshIp());
    expect(request.sessionId).toBe(live.sessionId);
    expect(request.credential).toMatch(/^[0-9a-f-]{36}\.[\w-]{20,}$/);
    const stored = await db.prisma.liveGuestRequest.findFirstOrThrow({ where: { sessionId: live.sessionId } });
    // Only the secret's hash is stored.
    expect(stored.secretHash).not.toContain(request.credential.split(".")[1]);
    expect(await listLiveGuestRequests(db.prisma, live.host, live.sessionId)).toEqual([
      { id: stored.id, displayName: "Mario Bianchi", category: "FAMILY", requestedAt: stored.createdAt.toISOString() },
    ]);
    expect(await checkLiveGuestAdmission(db.prisma, request.credential, context)).toEqual({ status: "PENDING", joinCode: live.joinCode, displayName: "Mario Bianchi" });
  });

  test("bad input is refused field by field; unknown and ended sessions are refused", async () => {
    const live = await startedLiveSession(db.prisma);
    expect(await refusal(requestLiveGuestAdmission(db.prisma, { code: live.joinCode, displayName: "M", category: "KING", extra: 1 }, freshIp()))).toEqual({
      code: "VALIDATION",
      messageKey: "live.errors.validation",
      details: { displayName: "live.errors.guestNameInvalid", category: "live.errors.guestCategoryRequired", extra: "live.errors.unknownField" },
    });
    expect(await refusal(requestLiveGuestAdmission(db.prisma, { code: "ZZZZZZ", displayName: "Mario", category: "CITIZEN" }, freshIp()))).toMatchObject({ code: "NOT_FOUND" });
    await endLiveSession(db.prisma, live.host, { sessionId: live.sessionId });
    expect(await refusal(requestLiveGuestAdmission(db.prisma, { code: live.joinCode, displayName: "Mario", category: "CITIZEN" }, freshIp()))).toMatchObject({ code: "CONFLICT", messageKey: "live.errors.sessionEnded" });
  });

  test("one address is rate-limited; a session holds at most MAX_PENDING_GUESTS waiting guests even under a burst", async () => {
    const live = await startedLiveSession(db.prisma);
    const ip = { ipAddress: "203.0.113.77" };
    for (let i = 0; i < 120; i += 1) await requestLiveGuestAdmission(db.prisma, { code: live.joinCode, displayName: `Ospite ${i}`, category: "CITIZEN" }, ip);
    expect(await refusal(requestLiveGuestAdmission(db.prisma, { code: live.joinCode, displayName: "Uno di troppo", category: "CITIZEN" }, ip))).toMatchObject({ code: "RATE_LIMITED" });

    const wait = barrier(MAX_PENDING_GUESTS - 120 + 20);
    const results = await Promise.allSettled(
      Array.from({ length: MAX_PENDING_GUESTS - 120 + 20 }, async (_, i) => {
        await wait();
        return requestLiveGuestAdmission(db.prisma, { code: live.joinCode, displayName: `Folla ${i}`, category: "CITIZEN" }, { ipAddress: `10.0.${Math.floor(i / 100)}.${i % 100}` });
      }),
    );
    const pending = await db.prisma.liveGuestRequest.count({ where: { sessionId: live.sessionId, status: "PENDING" } });
    // The check and the insert are one statement, so concurrent requests overshoot by at most the ones racing.
    expect(pending).toBeGreaterThanOrEqual(MAX_PENDING_GUESTS);
    expect(pending).toBeLessThan(MAX_PENDING_GUESTS + 20);
    expect(results.filter((result) => result.status === "rejected").length).toBe(MAX_PENDING_GUESTS + 20 - pending);
  });
});

describe("admitting and refusing", () => {
  test("admitting creates a stakeholder guest account bound to the session; its browser gets a session once; audited without the name", async () => {
    const live = await startedLiveSession(db.prisma);
    const request = await requestLiveGuestAdmission(db.prisma, { code: live.joinCode, displayName: "Giulia", category: "YOUNG_PERSON" }, freshIp());
    const [pending] = await listLiveGuestRequests(db.prisma, live.host, live.sessionId);
    expect(await decideLiveGuest(db.prisma, live.host, { sessionId: live.sessionId, requestId: pending!.id, admit: true })).toEqual([]);

    const admission = await checkLiveGuestAdmission(db.prisma, request.credential, context);
    expect(admission).toMatchObject({ status: "ADMITTED", joinCode: live.joinCode, displayName: "Giulia" });
    if (admission?.status !== "ADMITTED") throw new Error("not admitted");
    // The session lasts the evening, not the usual 30 days.
    expect(admission.userSession.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(12 * 3600 * 1000);
    // Once: the credential is used up.
    expect(await checkLiveGuestAdmission(db.prisma, request.credential, context)).toBeNull();

    const actor = await getSession(db.prisma, admission.userSession.sessionId);
    expect(actor).toMatchObject({ role: "STAKEHOLDER", email: null, displayName: "Giulia", liveGuestOfId: live.sessionId });
    const account = await db.prisma.user.findUniqueOrThrow({ where: { id: actor!.userId }, select: { passwordHash: true, email: true, profile: { select: { category: true } } } });
    expect(account).toEqual({ passwordHash: null, email: null, profile: { category: "YOUNG_PERSON" } });
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "live.guest-admitted", entityId: live.sessionId } });
    expect(audit).toMatchObject({ actorId: live.host.userId, data: { requestId: pending!.id } });
    expect(JSON.stringify(audit.data)).not.toContain("Giulia");
  });

  test("a refused guest sees REFUSED and gets no account; a decided request cannot be decided again, even by two hosts at once", async () => {
    const live = await startedLiveSession(db.prisma);
    await requestLiveGuestAdmission(db.prisma, { code: live.joinCode, displayName: "Rifiutato", category: "CITIZEN" }, freshIp());
    const [pending] = await listLiveGuestRequests(db.prisma, live.host, live.sessionId);
    const wait = barrier(2);
    const decisions = await Promise.allSettled([true, false].map(async (admit) => { await wait(); return decideLiveGuest(db.prisma, live.host, { sessionId: live.sessionId, requestId: pending!.id, admit }); }));
    expect(decisions.filter((decision) => decision.status === "fulfilled")).toHaveLength(1);
    const rejected = decisions.find((decision) => decision.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: "CONFLICT", messageKey: "live.errors.guestAlreadyDecided" });
    const stored = await db.prisma.liveGuestRequest.findUniqueOrThrow({ where: { id: pending!.id } });
    expect(await db.prisma.user.count({ where: { liveGuestOfId: live.sessionId } })).toBe(stored.status === "ADMITTED" ? 1 : 0);

    const other = await startedLiveSession(db.prisma);
    const refused = await requestLiveGuestAdmission(db.prisma, { code: other.joinCode, displayName: "Rifiutata", category: "CITIZEN" }, freshIp());
    const [waiting] = await listLiveGuestRequests(db.prisma, other.host, other.sessionId);
    await decideLiveGuest(db.prisma, other.host, { sessionId: other.sessionId, requestId: waiting!.id, admit: false });
    expect(await checkLiveGuestAdmission(db.prisma, refused.credential, context)).toEqual({ status: "REFUSED", joinCode: other.joinCode, displayName: "Rifiutata" });
    expect(await db.prisma.user.count({ where: { liveGuestOfId: other.sessionId } })).toBe(0);
  });

  test("only hosts list and decide; a request of another session is not found; forged credentials are nothing", async () => {
    const live = await startedLiveSession(db.prisma);
    const other = await startedLiveSession(db.prisma);
    const request = await requestLiveGuestAdmission(db.prisma, { code: live.joinCode, displayName: "Anna", category: "CITIZEN" }, freshIp());
    const [pending] = await listLiveGuestRequests(db.prisma, live.host, live.sessionId);
    const participant = await stakeholder(db.prisma);
    expect(await refusal(listLiveGuestRequests(db.prisma, participant, live.sessionId))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusal(decideLiveGuest(db.prisma, participant, { sessionId: live.sessionId, requestId: pending!.id, admit: true }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusal(decideLiveGuest(db.prisma, null, { sessionId: live.sessionId, requestId: pending!.id, admit: true }))).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await refusal(decideLiveGuest(db.prisma, other.host, { sessionId: other.sessionId, requestId: pending!.id, admit: true }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await refusal(decideLiveGuest(db.prisma, live.host, { sessionId: live.sessionId, requestId: pending!.id, admit: "yes" }))).toMatchObject({ code: "VALIDATION" });

    const [requestId] = request.credential.split(".");
    for (const forged of [`${requestId}.not-the-secret`, `${randomUUID()}.${request.credential.split(".")[1]}`, "garbage", "", `${request.credential}.x`]) {
      expect(await checkLiveGuestAdmission(db.prisma, forged, context)).toBeNull();
    }
    expect(await checkLiveGuestAdmission(db.prisma, request.credential, context)).toMatchObject({ status: "PENDING" });
  });
});

describe("what a guest may do", () => {
  test("a guest joins their session (attendance recorded) and votes there through the round's rules, under their category", async () => {
    const live = await votingOnMeasure(db.prisma);
    const { actor } = await admittedGuest(live, "Luca", "THIRD_SECTOR");
    const snapshot = await joinLiveSession(db.prisma, actor, { code: live.joinCode });
    expect(snapshot.currentItem?.id).toBe(live.itemId);
    expect(await db.prisma.meetingAttendance.findUnique({ where: { meetingId_userId: { meetingId: live.meetingId, userId: actor.userId } }, select: { source: true } })).toEqual({ source: "LIVE" });

    const ack = await castLiveVote(db.prisma, actor, { sessionId: live.sessionId, itemId: live.itemId, choice: "SUPPORT", priority: 4, clientVoteId: randomUUID() });
    expect(ack).toMatchObject({ outcome: "created", choice: "SUPPORT", priority: 4 });
    expect(await db.prisma.vote.findFirstOrThrow({ where: { userId: actor.userId }, select: { channel: true, category: true, measureId: true, roundId: true } })).toEqual({
      channel: "LIVE",
      category: "THIRD_SECTOR",
      measureId: live.measureId,
      roundId: live.round.id,
    });
  });

  test("a guest can do nothing outside their session: no web vote, comment, other session, or personal pages", async () => {
    const live = await votingOnMeasure(db.prisma);
    const other = await startedLiveSession(db.prisma);
    const { actor } = await admittedGuest(live);
    const forbidden = { code: "FORBIDDEN", messageKey: "auth.errors.liveGuestOnly" };
    expect(await refusal(castVote(db.prisma, actor, { roundId: live.round.id, measureId: live.measureId, choice: "OPPOSE" }))).toMatchObject(forbidden);
    expect(await refusal(postComment(db.prisma, actor, { roundId: live.round.id, measureId: live.measureId, body: "Dal web" }))).toMatchObject(forbidden);
    expect(await refusal(joinLiveSession(db.prisma, actor, { code: other.joinCode }))).toMatchObject(forbidden);
    expect(await refusal(castLiveVote(db.prisma, actor, { sessionId: other.sessionId, itemId: live.itemId, choice: "SUPPORT", clientVoteId: randomUUID() }))).toMatchObject(forbidden);
    expect(await refusal(exportOwnData(db.prisma, actor))).toMatchObject(forbidden);
    expect(await db.prisma.vote.count({ where: { userId: actor.userId } })).toBe(0);
  });

  test("a guest's sessions end with the live session", async () => {
    const live = await startedLiveSession(db.prisma);
    const { admission } = await admittedGuest(live);
    expect(await getSession(db.prisma, admission.userSession.sessionId)).not.toBeNull();
    await endLiveSession(db.prisma, live.host, { sessionId: live.sessionId });
    expect(await getSession(db.prisma, admission.userSession.sessionId)).toBeNull();
  });
});
