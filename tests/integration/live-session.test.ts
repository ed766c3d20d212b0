/**
 * Live sessions (the domain in lib/live): starting, host-only commands, the per-session event log
 * (numbers without gaps under concurrency), items and voting, votes in the room applied once per
 * client id and shared with web votes, paper tallies, replay after a reconnect, joining and
 * attendance. Real PostgreSQL; concurrent calls are released together.
 */
import { randomUUID } from "node:crypto";
import { castLiveVote } from "@/lib/live/cast-live-vote";
import { closeLiveVoting } from "@/lib/live/close-live-voting";
import { endLiveSession } from "@/lib/live/end-live-session";
import { findMeetingLiveSession } from "@/lib/live/find-meeting-live-session";
import { getLiveSnapshot } from "@/lib/live/get-live-snapshot";
import { getLiveTally } from "@/lib/live/get-live-tally";
import { joinLiveSession } from "@/lib/live/join-live-session";
import { appendLiveEvent } from "@/lib/live/live-events";
import { joinCodePattern } from "@/lib/live/live.schemas";
import type { LiveEvent } from "@/lib/live/live.types";
import { listLiveEvents } from "@/lib/live/list-live-events";
import { openLiveVoting } from "@/lib/live/open-live-voting";
import { pauseLiveSession } from "@/lib/live/pause-live-session";
import { recordPaperTally } from "@/lib/live/record-paper-tally";
import { resumeLiveSession } from "@/lib/live/resume-live-session";
import { selectLiveItem } from "@/lib/live/select-live-item";
import { showLiveResults } from "@/lib/live/show-live-results";
import { startLiveSession } from "@/lib/live/start-live-session";
import { castVote } from "@/lib/participation/cast-vote";
import { signedInUser } from "../support/auth-factory";
import { liveMeeting, startedLiveSession, votingOnMeasure } from "../support/live-factory";
import { refusal } from "../support/refusal";
import { measureId, stakeholder } from "../support/round-factory";
import { barrier } from "../support/barrier";
import { databaseForThisFile } from "../support/test-database";

jest.setTimeout(120_000);
const db = databaseForThisFile();

const storedEvents = (sessionId: string) => db.prisma.liveSessionEvent.findMany({ where: { sessionId }, orderBy: { seq: "asc" }, select: { seq: true, type: true } });

describe("startLiveSession", () => {
  test("starts once per meeting with a 6-character code; starting again returns the same session without an event; audited", async () => {
    const { host, meetingId } = await liveMeeting(db.prisma);
    const first = await startLiveSession(db.prisma, host, { meetingId });
    expect(first.result.joinCode).toMatch(joinCodePattern);
    expect(first.result.joinCode).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
    expect(first.events.map((event) => [event.seq, event.type])).toEqual([[1, "session.started"]]);

    const other = await signedInUser(db.prisma, "ADMIN");
    const again = await startLiveSession(db.prisma, other, { meetingId });
    expect(again).toEqual({ events: [], result: first.result });
    expect(await db.prisma.liveSession.count({ where: { meetingId } })).toBe(1);
    expect(await db.prisma.liveSession.findUniqueOrThrow({ where: { meetingId } })).toMatchObject({ status: "RUNNING", lastSeq: 1, startedById: host.userId });
    expect(await db.prisma.auditEvent.count({ where: { action: "live.session-started", entityId: first.result.sessionId, actorId: host.userId } })).toBe(1);
  });

  test("simultaneous starts of one meeting make one session", async () => {
    const { host, meetingId } = await liveMeeting(db.prisma);
    const wait = barrier(10);
    const results = await Promise.all(Array.from({ length: 10 }, async () => { await wait(); return startLiveSession(db.prisma, host, { meetingId }); }));
    expect(new Set(results.map((change) => change.result.sessionId)).size).toBe(1);
    expect(results.filter((change) => change.events.length > 0)).toHaveLength(1);
    expect(await storedEvents(results[0]!.result.sessionId)).toEqual([{ seq: 1, type: "session.started" }]);
  });

  test("codes differ between sessions", async () => {
    const codes = await Promise.all(Array.from({ length: 8 }, async () => (await startedLiveSession(db.prisma)).joinCode));
    expect(new Set(codes).size).toBe(8);
  });

  test("an ended session cannot start again, and stays on record", async () => {
    const live = await startedLiveSession(db.prisma);
    await endLiveSession(db.prisma, live.host, { sessionId: live.sessionId });
    expect(await refusal(startLiveSession(db.prisma, live.host, { meetingId: live.meetingId }))).toMatchObject({ code: "CONFLICT", messageKey: "live.errors.sessionEnded" });
    expect(await db.prisma.liveSession.findUniqueOrThrow({ where: { id: live.sessionId } })).toMatchObject({ status: "ENDED", joinCode: live.joinCode });
    expect(await db.prisma.auditEvent.count({ where: { action: "live.session-ended", entityId: live.sessionId } })).toBe(1);
  });

  test("refused for a cancelled meeting, a closed round or an unknown meeting; a scheduled round may start", async () => {
    const cancelled = await liveMeeting(db.prisma);
    await db.prisma.meeting.update({ where: { id: cancelled.meetingId }, data: { cancelledAt: new Date() } });
    expect(await refusal(startLiveSession(db.prisma, cancelled.host, { meetingId: cancelled.meetingId }))).toMatchObject({ code: "CONFLICT", messageKey: "live.errors.meetingCancelled" });

    for (const status of ["CLOSED", "SYNTHESIS", "PUBLISHED"] as const) {
      const closed = await liveMeeting(db.prisma, { status });
      expect(await refusal(startLiveSession(db.prisma, closed.host, { meetingId: closed.meetingId }))).toMatchObject({ code: "CONFLICT", messageKey: "live.errors.roundOver" });
    }
    const { host } = await liveMeeting(db.prisma);
    expect(await refusal(startLiveSession(db.prisma, host, { meetingId: randomUUID() }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await refusal(startLiveSession(db.prisma, host, { meetingId: "x", extra: 1 }))).toMatchObject({ code: "VALIDATION", details: { meetingId: "live.errors.meetingInvalid", extra: "live.errors.unknownField" } });

    const scheduled = await liveMeeting(db.prisma, { status: "SCHEDULED" });
    await expect(startLiveSession(db.prisma, scheduled.host, { meetingId: scheduled.meetingId })).resolves.toMatchObject({ events: [{ type: "session.started" }] });
    expect(await db.prisma.liveSession.count({ where: { meetingId: { in: [cancelled.meetingId] } } })).toBe(0);
  });
});

describe("host commands", () => {
  test("participants, officials and signed-out people may not run a session; nothing changes", async () => {
    const live = await startedLiveSession(db.prisma);
    const measure = await measureId(db.prisma, live.round.planId, "1.1");
    const { sessionId } = live;
    const commands = [
      (actor: Parameters<typeof openLiveVoting>[1]) => startLiveSession(db.prisma, actor, { meetingId: live.meetingId }),
      (actor: Parameters<typeof openLiveVoting>[1]) => selectLiveItem(db.prisma, actor, { sessionId, measureId: measure }),
      (actor: Parameters<typeof openLiveVoting>[1]) => openLiveVoting(db.prisma, actor, { sessionId }),
      (actor: Parameters<typeof openLiveVoting>[1]) => closeLiveVoting(db.prisma, actor, { sessionId }),
      (actor: Parameters<typeof openLiveVoting>[1]) => showLiveResults(db.prisma, actor, { sessionId }),
      (actor: Parameters<typeof openLiveVoting>[1]) => pauseLiveSession(db.prisma, actor, { sessionId }),
      (actor: Parameters<typeof openLiveVoting>[1]) => resumeLiveSession(db.prisma, actor, { sessionId }),
      (actor: Parameters<typeof openLiveVoting>[1]) => endLiveSession(db.prisma, actor, { sessionId }),
      (actor: Parameters<typeof openLiveVoting>[1]) => recordPaperTally(db.prisma, actor, { sessionId, itemId: randomUUID(), support: 1, oppose: 0, abstain: 0 }),
    ];
    const participant = await stakeholder(db.prisma);
    const official = await signedInUser(db.prisma, "OFFICIAL");
    for (const command of commands) {
      expect(await refusal(command(participant))).toMatchObject({ code: "FORBIDDEN", messageKey: "live.errors.hostsOnly" });
      expect(await refusal(command(official))).toMatchObject({ code: "FORBIDDEN" });
      expect(await refusal(command(null))).toMatchObject({ code: "UNAUTHENTICATED" });
    }
    expect(await db.prisma.liveSession.findUniqueOrThrow({ where: { id: sessionId } })).toMatchObject({ status: "RUNNING", lastSeq: 1, currentItemId: null });
  });

  test("20 simultaneous commands number their events 1, 2, 3 … without gaps or repeats", async () => {
    const live = await startedLiveSession(db.prisma);
    const codes = ["1.1", "1.2", "1.3", "2.1", "2.2"];
    const measures = await Promise.all(codes.map((code) => measureId(db.prisma, live.round.planId, code)));
    const wait = barrier(20);
    const changes = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        await wait();
        const sessionId = live.sessionId;
        switch (i % 4) {
          case 0: return selectLiveItem(db.prisma, live.host, { sessionId, measureId: measures[i % measures.length] });
          case 1: return openLiveVoting(db.prisma, live.host, { sessionId }).catch(() => ({ events: [] as LiveEvent[] }));
          case 2: return pauseLiveSession(db.prisma, live.host, { sessionId });
          default: return resumeLiveSession(db.prisma, live.host, { sessionId });
        }
      }),
    );
    const returned = changes.flatMap((change) => change.events.map((event) => event.seq)).sort((a, b) => a - b);
    const stored = await storedEvents(live.sessionId);
    expect(stored.map((event) => event.seq)).toEqual(Array.from({ length: stored.length }, (_, i) => i + 1));
    expect(returned).toEqual(stored.slice(1).map((event) => event.seq));
    expect(stored.filter((event) => event.type === "item.selected")).toHaveLength(5);
    expect((await db.prisma.liveSession.findUniqueOrThrow({ where: { id: live.sessionId } })).lastSeq).toBe(stored.length);
    const positions = (await db.prisma.liveItem.findMany({ where: { sessionId: live.sessionId }, orderBy: { position: "asc" } })).map((item) => item.position);
    expect(positions).toEqual([1, 2, 3, 4, 5]);
  });

  test("selecting an item closes voting on the previous one; the new one is current, next in order", async () => {
    const live = await votingOnMeasure(db.prisma, "1.1");
    const next = await measureId(db.prisma, live.round.planId, "1.2");
    const change = await selectLiveItem(db.prisma, live.host, { sessionId: live.sessionId, measureId: next });
    expect(change.events.map((event) => event.type)).toEqual(["voting.closed", "item.selected"]);
    expect(change.events[0]!.payload).toEqual({ itemId: live.itemId });
    expect(change.result).toMatchObject({ position: 2, kind: "MEASURE", measureId: next, code: "1.2", votingOpen: false, resultsShown: false });
    expect(change.result.text.length).toBeGreaterThan(0);
    expect(change.result.title.length).toBeGreaterThan(0);
    expect(change.events[1]!.payload).toEqual({ item: change.result });
    expect(await db.prisma.liveItem.findUniqueOrThrow({ where: { id: live.itemId } })).toMatchObject({ votingClosedAt: expect.any(Date) });
    expect(await db.prisma.liveSession.findUniqueOrThrow({ where: { id: live.sessionId } })).toMatchObject({ currentItemId: change.result.id });
  });

  test("only a measure of the round's revision or a proposal of the round that is not withdrawn can be selected", async () => {
    const live = await startedLiveSession(db.prisma);
    const other = await startedLiveSession(db.prisma);
    const author = await stakeholder(db.prisma);
    const measure = await measureId(db.prisma, live.round.planId, "1.1");
    const proposal = await db.prisma.proposal.create({ data: { roundId: live.round.id, authorId: author.userId, kind: "AMEND_MEASURE", measureId: measure, title: "Più panchine", rationale: "Per sedersi" } });
    const withdrawn = await db.prisma.proposal.create({ data: { roundId: live.round.id, authorId: author.userId, kind: "NEW_MEASURE", title: "Ritirata", rationale: "x", status: "WITHDRAWN" } });
    const elsewhere = await db.prisma.proposal.create({ data: { roundId: other.round.id, authorId: author.userId, kind: "NEW_MEASURE", title: "Altrove", rationale: "x" } });

    for (const input of [{ proposalId: withdrawn.id }, { proposalId: elsewhere.id }, { measureId: randomUUID() }]) {
      expect(await refusal(selectLiveItem(db.prisma, live.host, { sessionId: live.sessionId, ...input }))).toMatchObject({ code: "NOT_FOUND", messageKey: "live.errors.itemNotInRound" });
    }
    expect(await refusal(selectLiveItem(db.prisma, live.host, { sessionId: live.sessionId, measureId: measure, proposalId: proposal.id }))).toMatchObject({ code: "VALIDATION" });
    const change = await selectLiveItem(db.prisma, live.host, { sessionId: live.sessionId, proposalId: proposal.id });
    expect(change.result).toMatchObject({ position: 1, kind: "PROPOSAL", proposalId: proposal.id, measureId: measure, code: null, title: "Più panchine", text: "Per sedersi" });
    expect(await db.prisma.liveItem.count({ where: { sessionId: live.sessionId } })).toBe(1);
  });

  test("voting opens only on a current item of a running session whose round is open; pause, resume and end", async () => {
    const live = await startedLiveSession(db.prisma);
    const { sessionId } = live;
    expect(await refusal(openLiveVoting(db.prisma, live.host, { sessionId }))).toMatchObject({ code: "CONFLICT", messageKey: "live.errors.noCurrentItem" });
    await selectLiveItem(db.prisma, live.host, { sessionId, measureId: await measureId(db.prisma, live.round.planId, "1.1") });
    await pauseLiveSession(db.prisma, live.host, { sessionId });
    expect(await refusal(openLiveVoting(db.prisma, live.host, { sessionId }))).toMatchObject({ code: "CONFLICT", messageKey: "live.errors.sessionPaused" });
    expect((await pauseLiveSession(db.prisma, live.host, { sessionId })).events).toEqual([]);
    expect((await resumeLiveSession(db.prisma, live.host, { sessionId })).events.map((event) => event.type)).toEqual(["session.resumed"]);

    const opened = await openLiveVoting(db.prisma, live.host, { sessionId });
    expect(opened.events.map((event) => event.type)).toEqual(["voting.opened"]);
    expect((await openLiveVoting(db.prisma, live.host, { sessionId })).events).toEqual([]);
    expect((await showLiveResults(db.prisma, live.host, { sessionId })).events.map((event) => event.type)).toEqual(["results.shown"]);

    const ended = await endLiveSession(db.prisma, live.host, { sessionId });
    expect(ended.events.map((event) => event.type)).toEqual(["voting.closed", "session.ended"]);
    expect((await endLiveSession(db.prisma, live.host, { sessionId })).events).toEqual([]);
    expect(await refusal(openLiveVoting(db.prisma, live.host, { sessionId }))).toMatchObject({ code: "CONFLICT", messageKey: "live.errors.sessionEnded" });
    expect(await db.prisma.liveSession.findUniqueOrThrow({ where: { id: sessionId } })).toMatchObject({ status: "ENDED", endedAt: expect.any(Date) });
  });

  test("voting does not open while the round does not accept votes", async () => {
    const live = await startedLiveSession(db.prisma, { status: "SCHEDULED" });
    await selectLiveItem(db.prisma, live.host, { sessionId: live.sessionId, measureId: await measureId(db.prisma, live.round.planId, "1.1") });
    expect(await refusal(openLiveVoting(db.prisma, live.host, { sessionId: live.sessionId }))).toMatchObject({ code: "CONFLICT", messageKey: "live.errors.roundNotOpen" });
    expect(await db.prisma.liveItem.findFirstOrThrow({ where: { sessionId: live.sessionId } })).toMatchObject({ votingOpenedAt: null });
  });
});

describe("castLiveVote", () => {
  test("20 simultaneous retries of one vote: all acknowledged, one Vote (channel LIVE), one receipt", async () => {
    const live = await votingOnMeasure(db.prisma);
    const voter = await stakeholder(db.prisma, "FAMILY");
    const clientVoteId = randomUUID();
    const wait = barrier(20);
    const acks = await Promise.all(
      Array.from({ length: 20 }, async () => {
        await wait();
        return castLiveVote(db.prisma, voter, { sessionId: live.sessionId, itemId: live.itemId, choice: "SUPPORT", priority: 4, clientVoteId });
      }),
    );
    for (const ack of acks) expect(ack).toMatchObject({ itemId: live.itemId, choice: "SUPPORT", priority: 4 });
    expect(acks.filter((ack) => ack.outcome === "created")).toHaveLength(1);
    const votes = await db.prisma.vote.findMany({ where: { roundId: live.round.id, userId: voter.userId }, include: { history: true } });
    expect(votes).toHaveLength(1);
    expect(votes[0]).toMatchObject({ measureId: live.measureId, choice: "SUPPORT", priority: 4, channel: "LIVE", category: "FAMILY", history: [] });
    expect(await db.prisma.liveVoteReceipt.findMany({ where: { clientVoteId } })).toEqual([expect.objectContaining({ userId: voter.userId, itemId: live.itemId, outcome: "created" })]);

    // A later retry of the same id is a duplicate, acknowledged with the stored vote.
    expect(await castLiveVote(db.prisma, voter, { sessionId: live.sessionId, itemId: live.itemId, choice: "SUPPORT", priority: 4, clientVoteId })).toEqual({ itemId: live.itemId, choice: "SUPPORT", priority: 4, outcome: "duplicate" });
    expect(await db.prisma.vote.count({ where: { roundId: live.round.id, userId: voter.userId } })).toBe(1);
  });

  test("a client vote id of someone else, or for another item, is refused", async () => {
    const live = await votingOnMeasure(db.prisma);
    const voter = await stakeholder(db.prisma);
    const intruder = await stakeholder(db.prisma);
    const clientVoteId = randomUUID();
    await castLiveVote(db.prisma, voter, { sessionId: live.sessionId, itemId: live.itemId, choice: "OPPOSE", clientVoteId });
    expect(await refusal(castLiveVote(db.prisma, intruder, { sessionId: live.sessionId, itemId: live.itemId, choice: "SUPPORT", clientVoteId }))).toMatchObject({ code: "VALIDATION", messageKey: "live.errors.clientVoteIdReused" });
    expect(await db.prisma.vote.count({ where: { userId: intruder.userId } })).toBe(0);
    const { result: next } = await selectLiveItem(db.prisma, live.host, { sessionId: live.sessionId, measureId: await measureId(db.prisma, live.round.planId, "1.2") });
    await openLiveVoting(db.prisma, live.host, { sessionId: live.sessionId });
    expect(await refusal(castLiveVote(db.prisma, voter, { sessionId: live.sessionId, itemId: next.id, choice: "SUPPORT", clientVoteId }))).toMatchObject({ code: "VALIDATION", messageKey: "live.errors.clientVoteIdReused" });
    expect(await db.prisma.vote.count({ where: { userId: voter.userId } })).toBe(1);
  });

  test("a web vote then a live vote on the same measure: one Vote, now LIVE, the web one in its history", async () => {
    const live = await votingOnMeasure(db.prisma);
    const voter = await stakeholder(db.prisma);
    await castVote(db.prisma, voter, { roundId: live.round.id, measureId: live.measureId, choice: "SUPPORT", priority: 2 });
    const ack = await castLiveVote(db.prisma, voter, { sessionId: live.sessionId, itemId: live.itemId, choice: "OPPOSE", priority: 5, clientVoteId: randomUUID() });
    expect(ack).toEqual({ itemId: live.itemId, choice: "OPPOSE", priority: 5, outcome: "changed" });
    const votes = await db.prisma.vote.findMany({ where: { roundId: live.round.id, measureId: live.measureId, userId: voter.userId }, include: { history: true } });
    expect(votes).toHaveLength(1);
    expect(votes[0]).toMatchObject({ choice: "OPPOSE", priority: 5, channel: "LIVE" });
    expect(votes[0]!.history).toEqual([expect.objectContaining({ choice: "SUPPORT", priority: 2, channel: "WEB" })]);
  });

  test("web and live votes of one person at the same instant leave one Vote", async () => {
    const live = await votingOnMeasure(db.prisma);
    const voter = await stakeholder(db.prisma);
    const wait = barrier(10);
    await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        await wait();
        return i % 2 === 0
          ? castVote(db.prisma, voter, { roundId: live.round.id, measureId: live.measureId, choice: "SUPPORT" })
          : castLiveVote(db.prisma, voter, { sessionId: live.sessionId, itemId: live.itemId, choice: "ABSTAIN", clientVoteId: randomUUID() });
      }),
    );
    expect(await db.prisma.vote.count({ where: { roundId: live.round.id, measureId: live.measureId, userId: voter.userId } })).toBe(1);
  });

  test("a vote on an item that is not current, or whose voting is closed or not open, or while paused: CONFLICT and nothing stored", async () => {
    const live = await votingOnMeasure(db.prisma);
    const voter = await stakeholder(db.prisma);
    const attempt = (itemId: string) => castLiveVote(db.prisma, voter, { sessionId: live.sessionId, itemId, choice: "SUPPORT", clientVoteId: randomUUID() });

    await closeLiveVoting(db.prisma, live.host, { sessionId: live.sessionId });
    expect(await refusal(attempt(live.itemId))).toMatchObject({ code: "CONFLICT", messageKey: "live.errors.votingClosed" });
    const { result: next } = await selectLiveItem(db.prisma, live.host, { sessionId: live.sessionId, measureId: await measureId(db.prisma, live.round.planId, "1.2") });
    expect(await refusal(attempt(next.id))).toMatchObject({ code: "CONFLICT", messageKey: "live.errors.votingClosed" });
    await openLiveVoting(db.prisma, live.host, { sessionId: live.sessionId });
    expect(await refusal(attempt(live.itemId))).toMatchObject({ code: "CONFLICT", messageKey: "live.errors.votingClosed" });
    await pauseLiveSession(db.prisma, live.host, { sessionId: live.sessionId });
    expect(await refusal(attempt(next.id))).toMatchObject({ code: "CONFLICT", messageKey: "live.errors.sessionPaused" });
    const other = await votingOnMeasure(db.prisma);
    expect(await refusal(castLiveVote(db.prisma, voter, { sessionId: live.sessionId, itemId: other.itemId, choice: "SUPPORT", clientVoteId: randomUUID() }))).toMatchObject({ code: "NOT_FOUND" });

    expect(await db.prisma.vote.count({ where: { userId: voter.userId } })).toBe(0);
    expect(await db.prisma.liveVoteReceipt.count({ where: { userId: voter.userId } })).toBe(0);
  });

  test("once the round closes, votes are refused even with voting open", async () => {
    const live = await votingOnMeasure(db.prisma);
    const voter = await stakeholder(db.prisma);
    await db.prisma.round.update({ where: { id: live.round.id }, data: { status: "CLOSED", closesAt: new Date(Date.now() - 1000) } });
    expect(await refusal(castLiveVote(db.prisma, voter, { sessionId: live.sessionId, itemId: live.itemId, choice: "SUPPORT", clientVoteId: randomUUID() }))).toMatchObject({ code: "CONFLICT", messageKey: "participation.errors.roundClosed" });
    expect(await db.prisma.vote.count({ where: { userId: voter.userId } })).toBe(0);
    expect(await db.prisma.liveVoteReceipt.count({ where: { userId: voter.userId } })).toBe(0);
  });

  test("staff may not vote; bad input is refused with field keys", async () => {
    const live = await votingOnMeasure(db.prisma);
    expect(await refusal(castLiveVote(db.prisma, live.host, { sessionId: live.sessionId, itemId: live.itemId, choice: "SUPPORT", clientVoteId: randomUUID() }))).toMatchObject({ code: "FORBIDDEN" });
    const voter = await stakeholder(db.prisma);
    expect(await refusal(castLiveVote(db.prisma, voter, { sessionId: live.sessionId, itemId: live.itemId, choice: "MAYBE", priority: 9, clientVoteId: "1", channel: "WEB" }))).toMatchObject({
      code: "VALIDATION",
      details: { choice: "live.errors.choiceRequired", priority: "live.errors.priorityInvalid", clientVoteId: "live.errors.clientVoteIdInvalid", channel: "live.errors.unknownField" },
    });
  });

  test("votes on a proposal item: one per person and item, with their category; tallied for that item", async () => {
    const live = await startedLiveSession(db.prisma);
    const author = await stakeholder(db.prisma);
    const proposal = await db.prisma.proposal.create({ data: { roundId: live.round.id, authorId: author.userId, kind: "NEW_MEASURE", title: "Un orto", rationale: "Verde" } });
    const { result: item } = await selectLiveItem(db.prisma, live.host, { sessionId: live.sessionId, proposalId: proposal.id });
    await openLiveVoting(db.prisma, live.host, { sessionId: live.sessionId });
    const young = await stakeholder(db.prisma, "YOUNG_PERSON");
    const family = await stakeholder(db.prisma, "FAMILY");
    const vote = (actor: typeof young, choice: "SUPPORT" | "OPPOSE", priority?: number) => castLiveVote(db.prisma, actor, { sessionId: live.sessionId, itemId: item.id, choice, priority, clientVoteId: randomUUID() });
    expect((await vote(young, "SUPPORT", 5)).outcome).toBe("created");
    expect((await vote(young, "SUPPORT", 5)).outcome).toBe("unchanged");
    expect((await vote(young, "OPPOSE", 2)).outcome).toBe("changed");
    expect((await vote(family, "SUPPORT")).outcome).toBe("created");
    expect(await db.prisma.liveProposalVote.findMany({ where: { itemId: item.id }, orderBy: { category: "asc" }, select: { category: true, choice: true, priority: true } })).toEqual([
      { category: "FAMILY", choice: "SUPPORT", priority: null },
      { category: "YOUNG_PERSON", choice: "OPPOSE", priority: 2 },
    ]);
    expect(await db.prisma.vote.count({ where: { roundId: live.round.id } })).toBe(0);
    const tally = await getLiveTally(db.prisma, live.sessionId);
    expect(tally).toMatchObject({ itemId: item.id, live: { support: 1, oppose: 1, abstain: 0, priorityMean: 2, total: 2 }, paper: null, combined: { total: 2 } });
  });
});

describe("tally and paper ballots", () => {
  test("live votes of the measure and, apart, the meeting's paper tally; combined adds them; web votes stay out", async () => {
    const live = await votingOnMeasure(db.prisma);
    const [a, b, c, web] = await Promise.all([stakeholder(db.prisma), stakeholder(db.prisma), stakeholder(db.prisma), stakeholder(db.prisma)]);
    const vote = (actor: typeof a, choice: "SUPPORT" | "OPPOSE" | "ABSTAIN", priority?: number) => castLiveVote(db.prisma, actor, { sessionId: live.sessionId, itemId: live.itemId, choice, priority, clientVoteId: randomUUID() });
    await vote(a, "SUPPORT", 5);
    await vote(b, "SUPPORT", 2);
    await vote(c, "OPPOSE");
    await castVote(db.prisma, web, { roundId: live.round.id, measureId: live.measureId, choice: "OPPOSE" });

    expect(await getLiveTally(db.prisma, live.sessionId)).toMatchObject({
      itemId: live.itemId,
      live: { support: 2, oppose: 1, abstain: 0, priorityMean: 3.5, total: 3 },
      paper: null,
      combined: { support: 2, oppose: 1, abstain: 0, priorityMean: 3.5, total: 3 },
    });

    const paper = await recordPaperTally(db.prisma, live.host, { sessionId: live.sessionId, itemId: live.itemId, support: "4", oppose: 1, abstain: 2, prioritySum: 10, priorityCount: 4 });
    expect(paper.events.map((event) => [event.type, event.payload])).toEqual([["paper.recorded", { itemId: live.itemId }]]);
    expect(await db.prisma.paperTally.findUniqueOrThrow({ where: { meetingId_measureId: { meetingId: live.meetingId, measureId: live.measureId } } })).toMatchObject({ support: 4, oppose: 1, abstain: 2, prioritySum: 10, priorityCount: 4, roundId: live.round.id, enteredById: live.host.userId });
    expect(await db.prisma.vote.count({ where: { roundId: live.round.id, measureId: live.measureId } })).toBe(4);
    const tally = await getLiveTally(db.prisma, live.sessionId);
    expect(tally).toMatchObject({
      live: { support: 2, oppose: 1, abstain: 0, priorityMean: 3.5, total: 3 },
      paper: { support: 4, oppose: 1, abstain: 2, priorityMean: 2.5, total: 7 },
      combined: { support: 6, oppose: 2, abstain: 2, priorityMean: 2.83, total: 10 },
    });
    expect(Date.parse(tally!.asOf)).not.toBeNaN();

    // Entered again: replaced, not added.
    await recordPaperTally(db.prisma, live.host, { sessionId: live.sessionId, itemId: live.itemId, support: 1, oppose: 0, abstain: 0 });
    expect((await getLiveTally(db.prisma, live.sessionId))!.paper).toEqual({ support: 1, oppose: 0, abstain: 0, priorityMean: null, total: 1 });
    expect(await db.prisma.auditEvent.count({ where: { action: "live.paper-tally-recorded", entityId: live.sessionId } })).toBe(2);
  });

  test("paper tallies: impossible priorities refused; proposals have none", async () => {
    const live = await votingOnMeasure(db.prisma);
    expect(await refusal(recordPaperTally(db.prisma, live.host, { sessionId: live.sessionId, itemId: live.itemId, support: 1, oppose: 0, abstain: 0, prioritySum: 11, priorityCount: 2 }))).toMatchObject({ code: "VALIDATION", details: { priorityCount: "live.errors.priorityCountTooHigh" } });
    expect(await refusal(recordPaperTally(db.prisma, live.host, { sessionId: live.sessionId, itemId: live.itemId, support: -1, oppose: 0, abstain: 0 }))).toMatchObject({ code: "VALIDATION", details: { support: "live.errors.countInvalid" } });
    const author = await stakeholder(db.prisma);
    const proposal = await db.prisma.proposal.create({ data: { roundId: live.round.id, authorId: author.userId, kind: "NEW_MEASURE", title: "P", rationale: "R" } });
    const { result: item } = await selectLiveItem(db.prisma, live.host, { sessionId: live.sessionId, proposalId: proposal.id });
    expect(await refusal(recordPaperTally(db.prisma, live.host, { sessionId: live.sessionId, itemId: item.id, support: 1, oppose: 0, abstain: 0 }))).toMatchObject({ code: "CONFLICT", messageKey: "live.errors.paperMeasuresOnly" });
    expect(await db.prisma.paperTally.count({ where: { meetingId: live.meetingId } })).toBe(0);
  });
});

describe("reconnecting", () => {
  test("listLiveEvents after a number returns exactly the missed events, in order; more than 500 → null", async () => {
    const live = await votingOnMeasure(db.prisma);
    const seen = (await db.prisma.liveSession.findUniqueOrThrow({ where: { id: live.sessionId } })).lastSeq;
    const missed = [
      ...(await closeLiveVoting(db.prisma, live.host, { sessionId: live.sessionId })).events,
      ...(await showLiveResults(db.prisma, live.host, { sessionId: live.sessionId })).events,
      ...(await selectLiveItem(db.prisma, live.host, { sessionId: live.sessionId, measureId: await measureId(db.prisma, live.round.planId, "1.3") })).events,
    ];
    expect(await listLiveEvents(db.prisma, live.sessionId, seen)).toEqual(missed);
    expect((await listLiveEvents(db.prisma, live.sessionId, 0))!.map((event) => event.seq)).toEqual(Array.from({ length: seen + 3 }, (_, i) => i + 1));
    expect(await listLiveEvents(db.prisma, live.sessionId, seen + 3)).toEqual([]);

    await db.prisma.$transaction(async (tx) => {
      for (let i = 0; i < 500; i += 1) await appendLiveEvent(tx, live.sessionId, "session.paused", {});
    }, { timeout: 60_000 });
    expect(await listLiveEvents(db.prisma, live.sessionId, seen + 3)).toHaveLength(500);
    expect(await listLiveEvents(db.prisma, live.sessionId, seen + 2)).toBeNull();
  });
});

describe("joining", () => {
  test("by code as typed: records a LIVE attendance once, leaves a facilitator's row as it is; staff are not recorded", async () => {
    const live = await votingOnMeasure(db.prisma);
    const participant = await stakeholder(db.prisma);
    const ticked = await stakeholder(db.prisma);
    await db.prisma.meetingAttendance.create({ data: { meetingId: live.meetingId, userId: ticked.userId, source: "FACILITATOR" } });

    const snapshot = await joinLiveSession(db.prisma, participant, { code: `  ${live.joinCode.toLowerCase()} ` });
    expect(snapshot.session).toMatchObject({ id: live.sessionId, joinCode: live.joinCode, status: "RUNNING", meetingId: live.meetingId, meetingTitle: "Assemblea in diretta", roundId: live.round.id });
    expect(snapshot.currentItem).toMatchObject({ id: live.itemId, code: "1.1", votingOpen: true, resultsShown: false });
    expect(snapshot.items).toHaveLength(1);
    await joinLiveSession(db.prisma, participant, { sessionId: live.sessionId });
    await joinLiveSession(db.prisma, ticked, { code: live.joinCode });
    await joinLiveSession(db.prisma, live.host, { code: live.joinCode });
    const official = await signedInUser(db.prisma, "OFFICIAL");
    await joinLiveSession(db.prisma, official, { code: live.joinCode });

    const attendances = await db.prisma.meetingAttendance.findMany({ where: { meetingId: live.meetingId }, select: { userId: true, source: true } });
    expect(attendances).toHaveLength(2);
    expect(attendances).toEqual(expect.arrayContaining([{ userId: participant.userId, source: "LIVE" }, { userId: ticked.userId, source: "FACILITATOR" }]));

    expect(await refusal(joinLiveSession(db.prisma, null, { code: live.joinCode }))).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await refusal(joinLiveSession(db.prisma, participant, { code: "ZZZZZ2" }))).toMatchObject({ code: "NOT_FOUND", messageKey: "live.errors.sessionNotFound" });
    expect(await refusal(joinLiveSession(db.prisma, participant, { code: "0OIL1" }))).toMatchObject({ code: "VALIDATION", details: { code: "live.errors.codeInvalid" } });
  });

  test("the tally goes to hosts always, to participants once results are shown; an ended session stays viewable without new attendances", async () => {
    const live = await votingOnMeasure(db.prisma);
    const participant = await stakeholder(db.prisma);
    await castLiveVote(db.prisma, participant, { sessionId: live.sessionId, itemId: live.itemId, choice: "SUPPORT", clientVoteId: randomUUID() });
    expect((await getLiveSnapshot(db.prisma, participant, live.sessionId)).tally).toBeNull();
    expect((await getLiveSnapshot(db.prisma, live.host, live.sessionId)).tally).toMatchObject({ itemId: live.itemId, live: { support: 1, total: 1 } });
    await showLiveResults(db.prisma, live.host, { sessionId: live.sessionId });
    const shown = await getLiveSnapshot(db.prisma, participant, live.sessionId);
    expect(shown.tally).toMatchObject({ live: { support: 1 } });
    expect(shown.currentItem).toMatchObject({ resultsShown: true });

    await endLiveSession(db.prisma, live.host, { sessionId: live.sessionId });
    const late = await stakeholder(db.prisma);
    const ended = await joinLiveSession(db.prisma, late, { code: live.joinCode });
    expect(ended.session).toMatchObject({ status: "ENDED", lastSeq: (await db.prisma.liveSession.findUniqueOrThrow({ where: { id: live.sessionId } })).lastSeq });
    expect(ended.currentItem).toMatchObject({ votingOpen: false });
    expect(await db.prisma.meetingAttendance.count({ where: { meetingId: live.meetingId, userId: late.userId } })).toBe(0);
    expect(await findMeetingLiveSession(db.prisma, live.host, live.meetingId)).toEqual({ sessionId: live.sessionId, joinCode: live.joinCode, status: "ENDED" });
    expect(await findMeetingLiveSession(db.prisma, null, live.meetingId)).toBeNull();
  });
});
