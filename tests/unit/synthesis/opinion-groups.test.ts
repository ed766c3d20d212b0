import {
  categoryConsensus,
  computeOpinionGroups,
  createSeededRandom,
  MIN_PARTICIPANTS,
  type OpinionGroupsAnalysis,
  type OpinionGroupsInput,
  type VoteValue,
} from "@/lib/synthesis/opinion-groups";

const GROUP_SIZE = 40;
const MEASURES_PER_SET = 4;
const COMMON_MEASURE = 3 * MEASURES_PER_SET; // measure 12: everybody supports it
const CATEGORIES = ["CITIZEN", "BUSINESS", "PUBLIC_BODY"];

/** Measures 4g..4g+3: the set planted group g supports; it opposes the next group's set. */
function supportedBy(group: number): number[] {
  return Array.from({ length: MEASURES_PER_SET }, (_, i) => group * MEASURES_PER_SET + i);
}
function opposedBy(group: number): number[] {
  return supportedBy((group + 1) % 3);
}

/**
 * Three planted groups of 40: each supports its own set, opposes the next group's set, votes at
 * random on the third set, and supports the common measure. 10% of votes are replaced by a random
 * value (noise) and 15% of cells are left unvoted. Group g's members are mostly of category g.
 */
function plantedInput(seed = 42, groupSize = GROUP_SIZE): { input: OpinionGroupsInput; planted: number[] } {
  const random = createSeededRandom(seed);
  const randomVote = (): VoteValue => ((Math.floor(random() * 3) - 1) as VoteValue);
  const participants: OpinionGroupsInput["participants"][number][] = [];
  const votes: OpinionGroupsInput["votes"][number][] = [];
  const planted: number[] = [];
  const measureIds = Array.from({ length: COMMON_MEASURE + 1 }, (_, j) => `m${j}`);
  for (let group = 0; group < 3; group++) {
    for (let member = 0; member < groupSize; member++) {
      const participant = participants.length;
      const category = member < groupSize * 0.75 ? CATEGORIES[group]! : CATEGORIES[(group + 1) % 3]!;
      participants.push({ id: `p${participant}`, category });
      planted.push(group);
      for (let measure = 0; measure < measureIds.length; measure++) {
        if (random() < 0.15) continue;
        let value: VoteValue;
        if (supportedBy(group).includes(measure) || measure === COMMON_MEASURE) value = 1;
        else if (opposedBy(group).includes(measure)) value = -1;
        else value = randomVote();
        if (random() < 0.1) value = randomVote();
        votes.push({ participant, measure, value });
      }
    }
  }
  return { input: { participants, measureIds, votes }, planted };
}

function analysed(input: OpinionGroupsInput): OpinionGroupsAnalysis {
  const result = computeOpinionGroups(input);
  if (!result.enough) throw new Error(`expected enough data, got ${result.reason}`);
  return result;
}

/** For each found group, the planted group most of its members come from. */
function majorityPlanted(result: OpinionGroupsAnalysis, planted: number[]): { labels: number[]; purity: number } {
  let majorityTotal = 0;
  const labels = result.groups.map((group) => {
    const counts = [0, 0, 0];
    for (const member of group.members) counts[planted[member]!]! += 1;
    const best = counts.indexOf(Math.max(...counts));
    majorityTotal += counts[best]!;
    return best;
  });
  return { labels, purity: majorityTotal / result.participantsConsidered };
}

describe("computeOpinionGroups on planted groups", () => {
  const { input, planted } = plantedInput();
  const result = analysed(input);

  test("recovers the three planted groups with purity ≥ 0.9 and chooses k = 3", () => {
    expect(result.chosenK).toBe(3);
    expect(result.groups).toHaveLength(3);
    const { labels, purity } = majorityPlanted(result, planted);
    expect(purity).toBeGreaterThanOrEqual(0.9);
    expect(new Set(labels).size).toBe(3);
    expect(result.silhouetteByK.map((entry) => entry.k)).toEqual([2, 3, 4, 5]);
    const best = Math.max(...result.silhouetteByK.map((entry) => entry.silhouette));
    expect(result.silhouetteByK.find((entry) => entry.k === 3)!.silhouette).toBe(best);
  });

  test("reports every considered participant once, in a group, with consistent sizes", () => {
    expect(result.participantsConsidered).toBe(3 * GROUP_SIZE);
    expect(result.participantsExcluded).toBe(0);
    expect(result.measuresVoted).toBe(COMMON_MEASURE + 1);
    const members = result.groups.flatMap((group) => group.members).sort((a, b) => a - b);
    expect(members).toEqual(Array.from({ length: 3 * GROUP_SIZE }, (_, i) => i));
    for (const group of result.groups) {
      expect(group.size).toBe(group.members.length);
      expect(group.categories.reduce((sum, entry) => sum + entry.count, 0)).toBe(group.size);
    }
    expect(result.groups.map((group) => group.index)).toEqual([0, 1, 2]);
    expect(result.groups[0]!.size).toBeGreaterThanOrEqual(result.groups[1]!.size);
    expect(result.points).toHaveLength(3 * GROUP_SIZE);
    const [first, second] = result.explainedVariance;
    expect(first).toBeGreaterThan(second);
    expect(first + second).toBeGreaterThan(0.5);
    expect(first + second).toBeLessThanOrEqual(1 + 1e-9);
  });

  test("describes each group by the measures planted in it", () => {
    const { labels } = majorityPlanted(result, planted);
    result.groups.forEach((group, index) => {
      const plantedGroup = labels[index]!;
      const agreeing = group.distinguishingMeasures.filter((entry) => entry.direction === "agree").map((entry) => entry.measure);
      const disagreeing = group.distinguishingMeasures
        .filter((entry) => entry.direction === "disagree")
        .map((entry) => entry.measure);
      expect(agreeing.sort((a, b) => a - b)).toEqual(supportedBy(plantedGroup));
      expect(disagreeing.sort((a, b) => a - b)).toEqual(opposedBy(plantedGroup));
      for (const entry of group.distinguishingMeasures) {
        expect(entry.groupRate).toBeGreaterThan(entry.othersRate);
        expect(entry.ratio).toBeGreaterThan(1);
        expect(entry.measureId).toBe(`m${entry.measure}`);
      }
      const strengths = group.distinguishingMeasures.map((entry) => entry.strength);
      expect(strengths).toEqual([...strengths].sort((a, b) => b - a));
    });
  });

  test("describes each group's category make-up", () => {
    const { labels } = majorityPlanted(result, planted);
    result.groups.forEach((group, index) => {
      expect(group.categories[0]!.category).toBe(CATEGORIES[labels[index]!]);
    });
  });

  test("flags the measure every group supports as common ground, and the planted sets as division", () => {
    expect(result.commonGround.map((entry) => entry.measure)).toEqual([COMMON_MEASURE]);
    const divided = result.division.map((entry) => entry.measure).sort((a, b) => a - b);
    expect(divided).toEqual(Array.from({ length: COMMON_MEASURE }, (_, j) => j));
    for (const measure of result.measures) {
      for (const shares of measure.byGroup) {
        expect(shares.agree + shares.disagree + shares.pass).toBe(shares.voters);
        if (shares.voters > 0) expect(shares.agreeRate + shares.disagreeRate + shares.passRate).toBeCloseTo(1, 12);
      }
      expect(measure.overall.voters).toBe(measure.byGroup.reduce((sum, shares) => sum + shares.voters, 0));
    }
  });

  test("is deterministic: the same input gives an identical result", () => {
    expect(analysed(plantedInput().input)).toEqual(result);
  });

  test("does not depend on the order of the votes", () => {
    const reversed = { ...input, votes: [...input.votes].reverse() };
    expect(analysed(reversed)).toEqual(result);
  });
});

test("computeOpinionGroups samples large rounds and still recovers the planted groups", () => {
  const { input, planted } = plantedInput(3, 1000);
  const result = analysed(input);
  expect(result.silhouetteSampleSize).toBe(2000);
  expect(result.chosenK).toBe(3);
  expect(majorityPlanted(result, planted).purity).toBeGreaterThanOrEqual(0.9);
  expect(result.commonGround.map((entry) => entry.measure)).toEqual([COMMON_MEASURE]);
});

describe("computeOpinionGroups with too little data", () => {
  test("too few participants", () => {
    const { input } = plantedInput();
    const few = {
      ...input,
      votes: input.votes.filter((vote) => vote.participant < MIN_PARTICIPANTS - 1),
    };
    expect(computeOpinionGroups(few)).toEqual({
      enough: false,
      reason: "too-few-participants",
      participantsConsidered: MIN_PARTICIPANTS - 1,
      measuresVoted: 13,
    });
  });

  test("participants with fewer than three votes do not count", () => {
    const participants = Array.from({ length: 50 }, (_, i) => ({ id: `p${i}`, category: "CITIZEN" }));
    const measureIds = Array.from({ length: 10 }, (_, j) => `m${j}`);
    const votes = participants.flatMap((_, participant) =>
      [0, 1].map((measure) => ({ participant, measure: (participant + measure) % 10, value: 1 as const })),
    );
    expect(computeOpinionGroups({ participants, measureIds, votes })).toEqual({
      enough: false,
      reason: "too-few-participants",
      participantsConsidered: 0,
      measuresVoted: 0,
    });
  });

  test("too few measures", () => {
    const { input } = plantedInput();
    const narrow = { ...input, votes: input.votes.filter((vote) => vote.measure < 4) };
    const result = computeOpinionGroups(narrow);
    expect(result).toMatchObject({ enough: false, reason: "too-few-measures", measuresVoted: 4 });
  });

  test("everybody voting alike leaves nothing to group", () => {
    const participants = Array.from({ length: 30 }, (_, i) => ({ id: `p${i}`, category: "CITIZEN" }));
    const measureIds = Array.from({ length: 6 }, (_, j) => `m${j}`);
    const votes = participants.flatMap((_, participant) => measureIds.map((__, measure) => ({ participant, measure, value: 1 as const })));
    expect(computeOpinionGroups({ participants, measureIds, votes })).toMatchObject({ enough: false, reason: "no-variation" });
  });

  test("rejects malformed votes", () => {
    const participants = [{ id: "p0", category: "CITIZEN" }];
    expect(() => computeOpinionGroups({ participants, measureIds: ["m0"], votes: [{ participant: 1, measure: 0, value: 1 }] })).toThrow(
      RangeError,
    );
    expect(() =>
      computeOpinionGroups({
        participants,
        measureIds: ["m0"],
        votes: [
          { participant: 0, measure: 0, value: 1 },
          { participant: 0, measure: 0, value: -1 },
        ],
      }),
    ).toThrow(/Two votes/);
  });
});

describe("categoryConsensus", () => {
  test("classifies measures by how categories voted", () => {
    const row = (category: string, support: number, oppose: number, abstain = 0) => ({ category, support, oppose, abstain });
    const result = categoryConsensus([
      { measureId: "all-for", categories: [row("CITIZEN", 8, 2), row("BUSINESS", 6, 1, 1), row("FAMILY", 1, 3)] },
      { measureId: "all-against", categories: [row("CITIZEN", 1, 9), row("BUSINESS", 0, 5)] },
      { measureId: "split", categories: [row("CITIZEN", 9, 1), row("BUSINESS", 2, 8)] },
      { measureId: "lukewarm", categories: [row("CITIZEN", 5, 5), row("BUSINESS", 4, 6)] },
      { measureId: "one-category", categories: [row("CITIZEN", 5, 5), row("BUSINESS", 1, 1)] },
    ]);
    expect(result.map((entry) => [entry.measureId, entry.stance])).toEqual([
      ["all-for", "consensus-support"],
      ["all-against", "consensus-oppose"],
      ["split", "divided"],
      ["lukewarm", "mixed"],
      ["one-category", "insufficient"],
    ]);
    // FAMILY has 4 voters: below the k-anonymity threshold, so it does not count.
    expect(result[0]!.categoriesConsidered).toEqual(["CITIZEN", "BUSINESS"]);
    expect(result[0]!.supportRates).toEqual([
      { category: "CITIZEN", supportRate: 0.8, opposeRate: 0.2 },
      { category: "BUSINESS", supportRate: 0.75, opposeRate: 0.125 },
    ]);
    expect(result[2]!.supportRateSpread).toBeCloseTo(0.7, 12);
  });
});
