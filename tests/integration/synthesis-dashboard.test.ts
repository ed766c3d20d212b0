/**
 * The synthesis dashboard (lib/synthesis/get-round-dashboard.ts) on real PostgreSQL: exact counts by
 * source and by category (k-anonymised) on a hand-built dataset, contributions counted per measure and
 * axis, rankings, consensus/division between categories; opinion groups recovering three planted
 * groups from votes stored in the database; the "not enough data" answer; who may see it.
 */
import type { Actor } from "@/lib/auth/session";
import type { StakeholderCategory, VoteChoice } from "@/lib/db/generated/enums";
import { castVote } from "@/lib/participation/cast-vote";
import { postComment } from "@/lib/participation/post-comment";
import { submitProposal } from "@/lib/proposals/submit-proposal";
import { supportProposal } from "@/lib/proposals/support-proposal";
import { getRoundDashboard } from "@/lib/synthesis/get-round-dashboard";
import type { RoundDashboard } from "@/lib/synthesis/synthesis.types";
import { signedInUser } from "../support/auth-factory";
import { manyStakeholders } from "../support/live-socket";
import { createMeeting, createPaperTally } from "../support/participation-factory";
import { amendmentInput, axisId, closeRound, swotEntry } from "../support/proposals-factory";
import { refusal } from "../support/refusal";
import { type TestRound, createRound, measureId, stakeholder } from "../support/round-factory";
import { databaseForThisFile } from "../support/test-database";

jest.setTimeout(180_000);
const db = databaseForThisFile();

type Ballot = { choice: VoteChoice; priority?: number; live?: boolean };

async function vote(round: TestRound, voter: Actor, code: string, { choice, priority, live }: Ballot): Promise<void> {
  const measure = await measureId(db.prisma, round.planId, code);
  await castVote(db.prisma, voter, { roundId: round.id, measureId: measure, choice, ...(priority ? { priority } : {}) }, live ? { channel: "LIVE" } : {});
}

function measureOf(dashboard: RoundDashboard, code: string) {
  const measure = dashboard.measures.find((entry) => entry.code === code);
  if (!measure) throw new Error(`no measure ${code}`);
  return measure;
}

describe("getRoundDashboard on a hand-built round", () => {
  let round: TestRound;
  let facilitator: Actor;
  let dashboard: RoundDashboard;

  beforeAll(async () => {
    round = await createRound(db.prisma, { title: "Consultazione per la sintesi" });
    facilitator = await signedInUser(db.prisma, "FACILITATOR");
    const citizens = await Promise.all(Array.from({ length: 6 }, () => stakeholder(db.prisma, "CITIZEN")));
    const families = await Promise.all(Array.from({ length: 5 }, () => stakeholder(db.prisma, "FAMILY")));
    const businesses = await Promise.all(Array.from({ length: 2 }, () => stakeholder(db.prisma, "BUSINESS")));

    // 1.1: citizens S S S S O A (priorities 5 4 4 – 2 –), families S S S on the web (3) and O O live (1),
    // businesses O O (no priority); paper: 10 S, 2 O, 1 A, priorities 40 over 10 ballots.
    const citizenBallots: Ballot[] = [
      { choice: "SUPPORT", priority: 5 },
      { choice: "SUPPORT", priority: 4 },
      { choice: "SUPPORT", priority: 4 },
      { choice: "SUPPORT" },
      { choice: "OPPOSE", priority: 2 },
      { choice: "ABSTAIN" },
    ];
    for (const [index, voter] of citizens.entries()) await vote(round, voter, "1.1", citizenBallots[index]!);
    for (const [index, voter] of families.entries()) {
      await vote(round, voter, "1.1", index < 3 ? { choice: "SUPPORT", priority: 3 } : { choice: "OPPOSE", priority: 1, live: true });
    }
    for (const voter of businesses) await vote(round, voter, "1.1", { choice: "OPPOSE" });
    const meetingId = await createMeeting(db.prisma, round.id);
    await createPaperTally(db.prisma, { meetingId, roundId: round.id, measureId: await measureId(db.prisma, round.planId, "1.1"), support: 10, oppose: 2, abstain: 1, prioritySum: 40, priorityCount: 10 });
    // 1.2: everybody (citizens and families) supports, priority 5: consensus. 1.3: citizens oppose, families support: division.
    for (const voter of [...citizens, ...families]) await vote(round, voter, "1.2", { choice: "SUPPORT", priority: 5 });
    for (const voter of citizens) await vote(round, voter, "1.3", { choice: "OPPOSE" });
    for (const voter of families) await vote(round, voter, "1.3", { choice: "SUPPORT" });

    // Contributions: 2 comments on 1.1 (one a reply) + 1 hidden, 1 on 1.2, 1 on axis 1; proposals: 2 on 1.1
    // (one supported by 3 people), 1 withdrawn on 1.2, 1 new measure for axis 1; SWOT: 2 on axis 1, 1 without axis.
    const m11 = await measureId(db.prisma, round.planId, "1.1");
    const m12 = await measureId(db.prisma, round.planId, "1.2");
    const axis1 = await axisId(db.prisma, round.planId, 1);
    const root = await postComment(db.prisma, citizens[0]!, { roundId: round.id, measureId: m11, body: "Servono più corse serali." });
    await postComment(db.prisma, citizens[1]!, { roundId: round.id, measureId: m11, parentId: root.id, body: "Anche il sabato, grazie." });
    const hidden = await postComment(db.prisma, citizens[2]!, { roundId: round.id, measureId: m11, body: "Un commento poi nascosto." });
    await db.prisma.comment.update({ where: { id: hidden.id }, data: { moderation: "HIDDEN" } });
    await postComment(db.prisma, families[0]!, { roundId: round.id, measureId: m12, body: "Bene così." });
    await postComment(db.prisma, families[1]!, { roundId: round.id, axisId: axis1, body: "L'asse nel suo insieme convince." });
    const supported = await submitProposal(db.prisma, citizens[3]!, round.id, await amendmentInput(db.prisma, round, "1.1"));
    await submitProposal(db.prisma, citizens[4]!, round.id, await amendmentInput(db.prisma, round, "1.1", { title: "Un'altra idea" }));
    const withdrawn = await submitProposal(db.prisma, citizens[5]!, round.id, await amendmentInput(db.prisma, round, "1.2"));
    await db.prisma.proposal.update({ where: { id: withdrawn.id }, data: { status: "WITHDRAWN" } });
    await submitProposal(db.prisma, families[2]!, round.id, {
      kind: "NEW_MEASURE",
      axisId: axis1,
      title: "Sportello di quartiere",
      proposedText: "Aprire uno sportello di quartiere per le famiglie.",
      rationale: "Molte famiglie non sanno a chi rivolgersi.",
    });
    for (const supporter of [families[3]!, families[4]!, businesses[0]!]) await supportProposal(db.prisma, supporter, supported.id);
    await swotEntry(db.prisma, families[3]!, round, "STRENGTH", "Associazioni molto attive.", axis1);
    await swotEntry(db.prisma, families[4]!, round, "STRENGTH", "Scuole aperte al territorio.", axis1);
    await swotEntry(db.prisma, businesses[1]!, round, "THREAT", "Spopolamento dei borghi.");
    await closeRound(db.prisma, round.id);

    dashboard = await getRoundDashboard(db.prisma, facilitator, round.id);
  });

  test("votes by source and overall are exact, paper ballots included", () => {
    const m = measureOf(dashboard, "1.1");
    expect(m.bySource.web).toMatchObject({ support: 7, oppose: 3, abstain: 1, total: 11, priorityCount: 7, prioritySum: 24 });
    expect(m.bySource.live).toMatchObject({ support: 0, oppose: 2, abstain: 0, total: 2, priorityCount: 2, prioritySum: 2 });
    expect(m.bySource.paper).toMatchObject({ support: 10, oppose: 2, abstain: 1, total: 13, priorityCount: 10, prioritySum: 40 });
    expect(m.total).toMatchObject({ support: 17, oppose: 7, abstain: 2, total: 26, priorityCount: 19, prioritySum: 66 });
    expect(m.total.meanPriority).toBeCloseTo(66 / 19, 10);
    expect(m.supportShare).toBeCloseTo(17 / 26, 10);
    expect(dashboard.voters).toBe(13);
    expect(dashboard.total.total).toBe(26 + 11 + 11);
  });

  test("by category: exact counts, and categories under 5 voters merged into OTHER with the next smallest", () => {
    const m = measureOf(dashboard, "1.1");
    // BUSINESS has 2 voters: merged; 2 < 5, so the smallest remaining (FAMILY, 5) joins it. CITIZEN (6) stays.
    expect(m.mergedCategories).toEqual(["FAMILY", "BUSINESS"]);
    expect(m.byCategory).toEqual([
      { category: "CITIZEN", support: 4, oppose: 1, abstain: 1, voters: 6, meanPriority: 15 / 4, merged: false, suppressed: false },
      { category: "OTHER", support: 3, oppose: 4, abstain: 0, voters: 7, meanPriority: 11 / 5, merged: true, suppressed: false },
    ]);
    expect(measureOf(dashboard, "1.3").byCategory).toEqual([
      { category: "CITIZEN", support: 0, oppose: 6, abstain: 0, voters: 6, meanPriority: null, merged: false, suppressed: false },
      { category: "FAMILY", support: 5, oppose: 0, abstain: 0, voters: 5, meanPriority: null, merged: false, suppressed: false },
    ]);
    expect(measureOf(dashboard, "2.1").byCategory).toEqual([]);
  });

  test("comments, proposals and supports per measure and per axis; hidden and withdrawn ones left out", () => {
    expect(measureOf(dashboard, "1.1")).toMatchObject({ comments: 2, proposals: 2, proposalSupports: 3 });
    expect(measureOf(dashboard, "1.2")).toMatchObject({ comments: 1, proposals: 0, proposalSupports: 0 });
    const axis1 = dashboard.axes.find((axis) => axis.number === 1)!;
    expect(axis1).toMatchObject({ comments: 1, newMeasureProposals: 1, swot: { STRENGTH: 2, WEAKNESS: 0, OPPORTUNITY: 0, THREAT: 0 } });
    expect(dashboard.counts).toEqual({ comments: 4, proposals: 3, proposalSupports: 3, swotEntries: 3 });
  });

  test("rankings by mean priority and by support share; consensus and division between categories", () => {
    expect(dashboard.rankings.byPriority.map((entry) => entry.code)).toEqual(["1.2", "1.1"]);
    expect(dashboard.rankings.byPriority[0]!.value).toBe(5);
    expect(dashboard.rankings.bySupport.map((entry) => [entry.code, entry.value])).toEqual([
      ["1.2", 1],
      ["1.1", 17 / 26],
      ["1.3", 5 / 11],
    ]);
    expect(dashboard.categoryStances["consensus-support"].map((entry) => entry.code)).toEqual(["1.2"]);
    expect(dashboard.categoryStances.divided.map((entry) => entry.code)).toEqual(["1.3"]);
    expect(measureOf(dashboard, "1.3").categorySupportSpread).toBe(1);
    expect(measureOf(dashboard, "2.1").categoryStance).toBe("insufficient");
  });

  test("with 11 people voting on 3 measures or more (of 13 voters) the opinion groups are not computed, and the dashboard says why", () => {
    expect(dashboard.opinionGroups).toEqual({ enough: false, reason: "too-few-participants", participantsConsidered: 11, measuresVoted: 3, minParticipants: 20, minMeasures: 5 });
  });

  test("the same data gives the same dashboard", async () => {
    expect(await getRoundDashboard(db.prisma, facilitator, round.id)).toEqual(dashboard);
  });

  test("officials and admins may see it; stakeholders may not, anonymous visitors must sign in", async () => {
    const official = await signedInUser(db.prisma, "OFFICIAL");
    const admin = await signedInUser(db.prisma, "ADMIN");
    expect((await getRoundDashboard(db.prisma, official, round.id)).voters).toBe(13);
    expect((await getRoundDashboard(db.prisma, admin, round.id)).voters).toBe(13);
    expect(await refusal(getRoundDashboard(db.prisma, await stakeholder(db.prisma), round.id))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusal(getRoundDashboard(db.prisma, null, round.id))).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await refusal(getRoundDashboard(db.prisma, facilitator, "not-a-round"))).toMatchObject({ code: "NOT_FOUND" });
    expect(await refusal(getRoundDashboard(db.prisma, facilitator, "00000000-0000-4000-8000-000000000000"))).toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("opinion groups from votes stored in PostgreSQL", () => {
  test("three planted groups with opposite votes on different measure sets are recovered (purity ≥ 0.9)", async () => {
    const round = await createRound(db.prisma, { title: "Gruppi piantati", opensAt: new Date(Date.now() - 30 * 86_400_000), closesAt: new Date(Date.now() - 29 * 86_400_000), status: "CLOSED" });
    const facilitator = await signedInUser(db.prisma, "FACILITATOR");
    const codes = ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4"];
    const measures = await Promise.all(codes.map((code) => measureId(db.prisma, round.planId, code)));
    // Group g (a category each, so the make-up shows who landed where) supports measures 4g..4g+3, opposes the others';
    // one vote in ten goes the other way; every fifth person skips one measure.
    const plantedCategories: StakeholderCategory[] = ["YOUNG_PERSON", "BUSINESS", "PUBLIC_BODY"];
    const perGroup = 22;
    const people = await manyStakeholders(db.prisma, perGroup * plantedCategories.length);
    const rows: Array<{ roundId: string; measureId: string; userId: string; choice: VoteChoice; category: StakeholderCategory; priority: number }> = [];
    people.forEach(({ userId }, person) => {
      const group = person % plantedCategories.length;
      measures.forEach((measure, index) => {
        if (person % 5 === 0 && index === person % codes.length) return;
        const own = Math.floor(index / 4) === group;
        const flip = (person * 7 + index * 3) % 10 === 0;
        rows.push({ roundId: round.id, measureId: measure, userId, choice: own !== flip ? "SUPPORT" : "OPPOSE", category: plantedCategories[group]!, priority: own ? 5 : 2 });
      });
    });
    await db.prisma.vote.createMany({ data: rows });

    const dashboard = await getRoundDashboard(db.prisma, facilitator, round.id);
    const groups = dashboard.opinionGroups;
    if (!groups.enough) throw new Error(`expected enough data, got ${JSON.stringify(groups)}`);
    expect(groups.chosenK).toBe(3);
    expect(groups.participantsConsidered).toBe(66);
    expect(groups.groups.map((group) => group.size).reduce((a, b) => a + b, 0)).toBe(66);
    const majority = groups.groups.map((group) => {
      const top = [...group.categories].filter((entry) => entry.category !== "OTHER").sort((a, b) => b.count - a.count)[0]!;
      return { category: top.category, count: top.count, group };
    });
    expect(new Set(majority.map((entry) => entry.category)).size).toBe(3);
    const purity = majority.reduce((sum, entry) => sum + entry.count, 0) / 66;
    expect(purity).toBeGreaterThanOrEqual(0.9);
    // Each group is distinguished by supporting its own measures (or opposing the others').
    for (const { category, group } of majority) {
      const own = codes.slice(plantedCategories.indexOf(category as StakeholderCategory) * 4).slice(0, 4);
      const agree = group.distinguishing.filter((entry) => entry.direction === "agree").map((entry) => entry.code);
      const disagree = group.distinguishing.filter((entry) => entry.direction === "disagree").map((entry) => entry.code);
      expect(group.distinguishing.length).toBeGreaterThan(0);
      expect(agree.every((code) => own.includes(code))).toBe(true);
      expect(disagree.every((code) => !own.includes(code))).toBe(true);
    }
    // Every category supports its own measures and opposes the rest: all 12 measures divide the categories.
    expect(dashboard.categoryStances.divided).toHaveLength(12);
    expect(groups.commonGround).toEqual([]);
    expect(await getRoundDashboard(db.prisma, facilitator, round.id)).toEqual(dashboard);
  });

  test("twenty people who voted on only four measures: too few measures, said so", async () => {
    const round = await createRound(db.prisma, { title: "Poche misure", opensAt: new Date(Date.now() - 60 * 86_400_000), closesAt: new Date(Date.now() - 59 * 86_400_000), status: "CLOSED" });
    const facilitator = await signedInUser(db.prisma, "FACILITATOR");
    const measures = await Promise.all(["1.1", "1.2", "1.3", "1.4"].map((code) => measureId(db.prisma, round.planId, code)));
    const people = await manyStakeholders(db.prisma, 24);
    await db.prisma.vote.createMany({
      data: people.flatMap(({ userId }, person) =>
        measures.map((measure, index) => ({ roundId: round.id, measureId: measure, userId, choice: (person + index) % 2 === 0 ? ("SUPPORT" as const) : ("OPPOSE" as const), category: "CITIZEN" as const })),
      ),
    });
    const dashboard = await getRoundDashboard(db.prisma, facilitator, round.id);
    expect(dashboard.opinionGroups).toMatchObject({ enough: false, reason: "too-few-measures", participantsConsidered: 24, measuresVoted: 4 });
  });
});
