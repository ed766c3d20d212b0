/**
 * Votes: one current vote per stakeholder × measure × round (constraint + upsert), its history,
 * the round's window, strict input, and the aggregated results (sources apart, categories only
 * after closing). Real PostgreSQL; concurrent submissions are released together.
 */
import { castVote } from "@/lib/participation/cast-vote";
import { getMeasureVote } from "@/lib/participation/get-measure-vote";
import { MIN_CATEGORY_VOTERS, getVoteResults } from "@/lib/participation/get-vote-results";
import type { StakeholderCategory, VoteChoice } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";
import { createPaperTally, createMeeting } from "../support/participation-factory";
import { createRound, measureId, stakeholder } from "../support/round-factory";
import { signedInUser } from "../support/auth-factory";
import { barrier } from "../support/barrier";
import { databaseForThisFile } from "../support/test-database";

jest.setTimeout(120_000);
const db = databaseForThisFile();
const hour = 3600_000;

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe("castVote", () => {
  test("a first vote is stored once, with its priority; the same vote again changes nothing", async () => {
    const round = await createRound(db.prisma);
    const measure = await measureId(db.prisma, round.planId, "1.1");
    const voter = await stakeholder(db.prisma, "FAMILY");
    const first = await castVote(db.prisma, voter, { roundId: round.id, measureId: measure, choice: "SUPPORT", priority: 4 });
    expect(first).toMatchObject({ choice: "SUPPORT", priority: 4, channel: "WEB", outcome: "created" });
    const again = await castVote(db.prisma, voter, { roundId: round.id, measureId: measure, choice: "SUPPORT", priority: "4" });
    expect(again).toMatchObject({ voteId: first.voteId, outcome: "unchanged" });
    expect(await db.prisma.vote.count({ where: { roundId: round.id, userId: voter.userId } })).toBe(1);
    expect(await db.prisma.voteHistory.count({ where: { voteId: first.voteId } })).toBe(0);
  });

  test("changing the vote keeps each earlier state in the history, in order", async () => {
    const round = await createRound(db.prisma);
    const measure = await measureId(db.prisma, round.planId, "2.3");
    const voter = await stakeholder(db.prisma);
    const t0 = new Date(Date.now() - 30_000);
    const t1 = new Date(t0.getTime() + 10_000);
    const t2 = new Date(t0.getTime() + 20_000);
    const { voteId } = await castVote(db.prisma, voter, { roundId: round.id, measureId: measure, choice: "SUPPORT", priority: 5 }, { now: t0 });
    await castVote(db.prisma, voter, { roundId: round.id, measureId: measure, choice: "OPPOSE" }, { now: t1 });
    await castVote(db.prisma, voter, { roundId: round.id, measureId: measure, choice: "OPPOSE", priority: 2 }, { now: t2, channel: "LIVE" });
    const vote = await db.prisma.vote.findUniqueOrThrow({ where: { id: voteId } });
    expect(vote).toMatchObject({ choice: "OPPOSE", priority: 2, channel: "LIVE", updatedAt: t2, createdAt: t0 });
    const history = await db.prisma.voteHistory.findMany({ where: { voteId }, orderBy: { id: "asc" } });
    expect(history.map(({ choice, priority, channel, castAt, replacedAt }) => ({ choice, priority, channel, castAt, replacedAt }))).toEqual([
      { choice: "SUPPORT", priority: 5, channel: "WEB", castAt: t0, replacedAt: t1 },
      { choice: "OPPOSE", priority: null, channel: "WEB", castAt: t1, replacedAt: t2 },
    ]);
  });

  test("50 simultaneous submissions by one person leave exactly one vote and a consistent history", async () => {
    const round = await createRound(db.prisma);
    const measure = await measureId(db.prisma, round.planId, "3.12");
    const voter = await stakeholder(db.prisma);
    const choices = ["SUPPORT", "OPPOSE", "ABSTAIN"] as const;
    const submissions = Array.from({ length: 50 }, (_, i) => ({ roundId: round.id, measureId: measure, choice: choices[i % 3]!, priority: (i % 5) + 1 }));
    const ready = barrier(submissions.length);
    const outcomes = await Promise.allSettled(submissions.map(async (input) => {
      await ready();
      return castVote(db.prisma, voter, input);
    }));
    const failures = outcomes.filter((outcome) => outcome.status === "rejected");
    expect(failures).toEqual([]);
    const results = outcomes.map((outcome) => (outcome as PromiseFulfilledResult<Awaited<ReturnType<typeof castVote>>>).value);
    expect(results.filter((result) => result.outcome === "created")).toHaveLength(1);
    expect(new Set(results.map((result) => result.voteId)).size).toBe(1);

    const votes = await db.prisma.vote.findMany({ where: { roundId: round.id, measureId: measure, userId: voter.userId } });
    expect(votes).toHaveLength(1);
    const history = await db.prisma.voteHistory.findMany({ where: { voteId: votes[0]!.id }, orderBy: { id: "asc" } });
    // Each submission that changed the vote left the state it replaced, and only those did.
    const changed = results.filter((result) => result.outcome === "changed").length;
    const unchanged = results.filter((result) => result.outcome === "unchanged").length;
    expect(1 + changed + unchanged).toBe(50);
    expect(changed).toBeGreaterThan(0);
    expect(history).toHaveLength(changed);
    // The history is one unbroken chain (the submissions ran one after the other on the locked row):
    // each state was cast when the previous one was replaced, and differs from what replaced it.
    const vote = votes[0]!;
    const states = [...history.map(({ choice, priority, castAt }) => ({ choice, priority, castAt })), { choice: vote.choice, priority: vote.priority, castAt: vote.updatedAt }];
    for (let i = 0; i < history.length; i++) {
      expect(states[i + 1]!.castAt).toEqual(history[i]!.replacedAt);
      expect(`${states[i]!.choice}/${states[i]!.priority}`).not.toBe(`${states[i + 1]!.choice}/${states[i + 1]!.priority}`);
    }
    const cast = new Set(submissions.map((input) => `${input.choice}/${input.priority}`));
    for (const state of states) expect(cast.has(`${state.choice}/${state.priority}`)).toBe(true);
  });

  test("a closed round refuses the vote with a clear message and stores nothing", async () => {
    const round = await createRound(db.prisma, { status: "OPEN", opensAt: new Date(Date.now() - 3 * hour), closesAt: new Date(Date.now() - hour) });
    const measure = await measureId(db.prisma, round.planId, "1.2");
    const voter = await stakeholder(db.prisma);
    const error = await refusal(castVote(db.prisma, voter, { roundId: round.id, measureId: measure, choice: "SUPPORT" }));
    expect(error).toMatchObject({ code: "CONFLICT", messageKey: "participation.errors.roundClosed" });
    const closedEarly = await createRound(db.prisma, { status: "CLOSED", opensAt: new Date(Date.now() - hour), closesAt: new Date(Date.now() + hour) });
    expect(await refusal(castVote(db.prisma, voter, { roundId: closedEarly.id, measureId: measure, choice: "OPPOSE" }))).toMatchObject({ code: "CONFLICT" });
    expect(await db.prisma.vote.count({ where: { userId: voter.userId } })).toBe(0);
    expect(await db.prisma.voteHistory.count({ where: { vote: { userId: voter.userId } } })).toBe(0);
  });

  test("a vote already cast cannot be changed after closing", async () => {
    const closesAt = new Date(Date.now() + hour);
    const round = await createRound(db.prisma, { status: "OPEN", opensAt: new Date(Date.now() - hour), closesAt });
    const measure = await measureId(db.prisma, round.planId, "1.3");
    const voter = await stakeholder(db.prisma);
    await castVote(db.prisma, voter, { roundId: round.id, measureId: measure, choice: "SUPPORT" });
    const afterClosing = new Date(closesAt.getTime() + 1);
    expect(await refusal(castVote(db.prisma, voter, { roundId: round.id, measureId: measure, choice: "OPPOSE" }, { now: afterClosing }))).toMatchObject({ code: "CONFLICT", messageKey: "participation.errors.roundClosed" });
    expect(await db.prisma.vote.findFirstOrThrow({ where: { userId: voter.userId } })).toMatchObject({ choice: "SUPPORT" });
  });

  test("unknown fields are rejected: nobody sets the voter, the channel or a weight", async () => {
    const round = await createRound(db.prisma);
    const measure = await measureId(db.prisma, round.planId, "1.1");
    const voter = await stakeholder(db.prisma);
    const other = await stakeholder(db.prisma);
    for (const extra of [{ userId: other.userId }, { channel: "LIVE" }, { weight: 10 }, { status: "OPEN" }]) {
      const error = await refusal(castVote(db.prisma, voter, { roundId: round.id, measureId: measure, choice: "SUPPORT", ...extra }));
      expect(error).toMatchObject({ code: "VALIDATION", details: { [Object.keys(extra)[0]!]: "votes.errors.unknownField" } });
    }
    expect(await refusal(castVote(db.prisma, voter, { roundId: round.id, measureId: measure, choice: "MAYBE" }))).toMatchObject({ code: "VALIDATION", details: { choice: "votes.errors.choiceRequired" } });
    expect(await refusal(castVote(db.prisma, voter, { roundId: round.id, measureId: measure, choice: "SUPPORT", priority: 6 }))).toMatchObject({ details: { priority: "votes.errors.priorityInvalid" } });
    expect(await refusal(castVote(db.prisma, voter, { roundId: "not-a-uuid", measureId: measure, choice: "SUPPORT" }))).toMatchObject({ code: "VALIDATION", details: { roundId: "votes.errors.roundInvalid" } });
    expect(await db.prisma.vote.count({ where: { userId: { in: [voter.userId, other.userId] } } })).toBe(0);
  });

  test("the measure must belong to the round's revision", async () => {
    const round = await createRound(db.prisma);
    const voter = await stakeholder(db.prisma);
    const strayMeasure = "00000000-0000-4000-8000-000000000001";
    expect(await refusal(castVote(db.prisma, voter, { roundId: round.id, measureId: strayMeasure, choice: "SUPPORT" }))).toMatchObject({ code: "NOT_FOUND", messageKey: "votes.errors.measureNotInRound" });
  });

  test("staff and visitors cannot vote", async () => {
    const round = await createRound(db.prisma);
    const measure = await measureId(db.prisma, round.planId, "1.1");
    expect(await refusal(castVote(db.prisma, null, { roundId: round.id, measureId: measure, choice: "SUPPORT" }))).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await refusal(castVote(db.prisma, await signedInUser(db.prisma, "FACILITATOR"), { roundId: round.id, measureId: measure, choice: "SUPPORT" }))).toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("vote results", () => {
  test("aggregated per measure and source; paper tallies added and marked; categories only after closing", async () => {
    const closesAt = new Date(Date.now() + 2 * hour);
    const round = await createRound(db.prisma, { status: "OPEN", opensAt: new Date(Date.now() - hour), closesAt });
    const m11 = await measureId(db.prisma, round.planId, "1.1");
    const m12 = await measureId(db.prisma, round.planId, "1.2");
    const citizen = await stakeholder(db.prisma, "CITIZEN");
    const young = await stakeholder(db.prisma, "YOUNG_PERSON");
    const business = await stakeholder(db.prisma, "BUSINESS");
    await castVote(db.prisma, citizen, { roundId: round.id, measureId: m11, choice: "SUPPORT", priority: 5 });
    await castVote(db.prisma, young, { roundId: round.id, measureId: m11, choice: "SUPPORT", priority: 2 });
    await castVote(db.prisma, business, { roundId: round.id, measureId: m11, choice: "OPPOSE" }, { channel: "LIVE" });
    await castVote(db.prisma, young, { roundId: round.id, measureId: m12, choice: "ABSTAIN", priority: 1 });
    const meeting = await createMeeting(db.prisma, round.id);
    await createPaperTally(db.prisma, { meetingId: meeting, roundId: round.id, measureId: m11, support: 7, oppose: 2, abstain: 1, prioritySum: 24, priorityCount: 6 });

    const open = await getVoteResults(db.prisma, round.id);
    expect(open.categoriesShown).toBe(false);
    expect(open.measures).toHaveLength(await db.prisma.measureVersion.count({ where: { revisionId: round.revisionId } }));
    const first = open.measures.find((measure) => measure.code === "1.1")!;
    expect(first.bySource.web).toMatchObject({ support: 2, oppose: 0, abstain: 0, total: 2, priorityCount: 2, meanPriority: 3.5 });
    expect(first.bySource.live).toMatchObject({ support: 0, oppose: 1, total: 1, priorityCount: 0, meanPriority: null });
    expect(first.bySource.paper).toMatchObject({ support: 7, oppose: 2, abstain: 1, total: 10, meanPriority: 4 });
    expect(first.total).toMatchObject({ support: 9, oppose: 3, abstain: 1, total: 13, priorityCount: 8, prioritySum: 31 });
    expect(first.byCategory).toBeNull();
    expect(open.total.total).toBe(14);
    // Aggregated only: no user id, no name, anywhere in the answer.
    const text = JSON.stringify(open);
    for (const person of [citizen, young, business]) {
      expect(text).not.toContain(person.userId);
      expect(text).not.toContain(person.displayName!);
    }

    const closed = await getVoteResults(db.prisma, round.id, { now: new Date(closesAt.getTime() + 1) });
    expect(closed.round.status).toBe("CLOSED");
    expect(closed.categoriesShown).toBe(true);
    const closedFirst = closed.measures.find((measure) => measure.code === "1.1")!;
    // One voter per category: their counts would be their votes, so every category is withheld,
    // while the measure's totals still count them.
    expect(closedFirst.byCategory).toEqual([
      { category: "BUSINESS", tally: null },
      { category: "CITIZEN", tally: null },
      { category: "YOUNG_PERSON", tally: null },
    ]);
    expect(closedFirst.total).toMatchObject({ support: 9, oppose: 3, abstain: 1, total: 13 });

    const section = await getMeasureVote(db.prisma, young, round.id, m12);
    expect(section).toMatchObject({ blocker: null, ownVote: { choice: "ABSTAIN", priority: 1, changes: 0 }, results: { code: "1.2", total: { abstain: 1 } } });
    expect((await getMeasureVote(db.prisma, null, round.id, m12)).blocker).toBe("signedOut");
    expect((await getMeasureVote(db.prisma, young, round.id, m12, new Date(closesAt.getTime() + 1))).blocker).toBe("closed");
  });

  test(`a category with fewer than ${MIN_CATEGORY_VOTERS} voters on a measure shows no counts, and cannot be recovered from the totals`, async () => {
    expect(MIN_CATEGORY_VOTERS).toBe(5);
    const closesAt = new Date(Date.now() + 2 * hour);
    const round = await createRound(db.prisma, { status: "OPEN", opensAt: new Date(Date.now() - hour), closesAt });
    const m11 = await measureId(db.prisma, round.planId, "1.1");
    const m12 = await measureId(db.prisma, round.planId, "1.2");
    const vote = async (category: StakeholderCategory, count: number, measure: string, choice: VoteChoice) => {
      for (let i = 0; i < count; i++) await castVote(db.prisma, await stakeholder(db.prisma, category), { roundId: round.id, measureId: measure, choice, priority: 3 });
    };
    // 1.1: 6 citizens, exactly 5 young people, 7 businesses: all shown.
    await vote("CITIZEN", 6, m11, "SUPPORT");
    await vote("YOUNG_PERSON", 5, m11, "OPPOSE");
    await vote("BUSINESS", 7, m11, "ABSTAIN");
    // 1.2: 8 citizens, 6 young people, 4 businesses (withheld) — and, since the 4 alone would be the
    // total minus the others, the next smallest category (the 6 young people) is withheld too.
    await vote("CITIZEN", 8, m12, "SUPPORT");
    await vote("YOUNG_PERSON", 6, m12, "ABSTAIN");
    await vote("BUSINESS", 4, m12, "OPPOSE");

    const closed = await getVoteResults(db.prisma, round.id, { now: new Date(closesAt.getTime() + 1) });
    const rows = (code: string) => closed.measures.find((measure) => measure.code === code)!.byCategory!.map(({ category, tally }) => [category, tally && [tally.support, tally.oppose, tally.abstain, tally.total]]);
    expect(rows("1.1")).toEqual([
      ["BUSINESS", [0, 0, 7, 7]],
      ["CITIZEN", [6, 0, 0, 6]],
      ["YOUNG_PERSON", [0, 5, 0, 5]],
    ]);
    expect(rows("1.2")).toEqual([
      ["BUSINESS", null],
      ["CITIZEN", [8, 0, 0, 8]],
      ["YOUNG_PERSON", null],
    ]);
    // Kept inside the totals.
    const second = closed.measures.find((measure) => measure.code === "1.2")!;
    expect(second.total).toMatchObject({ support: 8, oppose: 4, abstain: 6, total: 18 });
    // The same measure alone (the measure page's summary) withholds the same way.
    const alone = await getVoteResults(db.prisma, round.id, { measureId: m12, now: new Date(closesAt.getTime() + 1) });
    expect(alone.measures[0]!.byCategory!.filter(({ tally }) => tally === null).map(({ category }) => category)).toEqual(["BUSINESS", "YOUNG_PERSON"]);
  });

  test("results by category count each voter in the category they had when voting, whatever their profile says later", async () => {
    const closesAt = new Date(Date.now() + 2 * hour);
    const round = await createRound(db.prisma, { status: "OPEN", opensAt: new Date(Date.now() - hour), closesAt });
    const m11 = await measureId(db.prisma, round.planId, "1.1");
    const voters = await Promise.all(Array.from({ length: MIN_CATEGORY_VOTERS }, () => stakeholder(db.prisma, "FAMILY")));
    for (const voter of voters) await castVote(db.prisma, voter, { roundId: round.id, measureId: m11, choice: "SUPPORT", priority: 5 });
    // They all say later that they are businesses: the votes they cast as families stay families' votes.
    await db.prisma.stakeholderProfile.updateMany({ where: { userId: { in: voters.map((voter) => voter.userId) } }, data: { category: "BUSINESS" } });

    const closed = await getVoteResults(db.prisma, round.id, { measureId: m11, now: new Date(closesAt.getTime() + 1) });
    expect(closed.measures[0]!.byCategory!.map(({ category, tally }) => [category, tally?.support])).toEqual([["FAMILY", MIN_CATEGORY_VOTERS]]);

    // A vote cast again counts under the category of that moment.
    await castVote(db.prisma, voters[0]!, { roundId: round.id, measureId: m11, choice: "OPPOSE", priority: 1 });
    const stored = await db.prisma.vote.findUniqueOrThrow({ where: { roundId_measureId_userId: { roundId: round.id, measureId: m11, userId: voters[0]!.userId } }, select: { category: true, choice: true } });
    expect(stored).toEqual({ category: "BUSINESS", choice: "OPPOSE" });
  });
});
