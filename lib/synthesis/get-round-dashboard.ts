import type { Actor } from "@/lib/auth/session";
import { StakeholderCategory, SwotKind } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";
import { getVoteResults } from "@/lib/participation/get-vote-results";
import type { Db } from "@/lib/plan/plan-read";
import { roundIdSchema } from "@/lib/rounds/rounds.schemas";
import { excerpt } from "@/lib/text/excerpt";
import { K_ANONYMITY_MIN_VOTERS, MERGED_CATEGORY, mergeSmallCategories } from "./k-anonymity";
import {
  MIN_MEASURES,
  MIN_PARTICIPANTS,
  type OpinionGroupsInput,
  type VoteValue,
  categoryConsensus,
  computeOpinionGroups,
} from "./opinion-groups";
import { requireSynthesisViewer } from "./synthesis.policy";
import type { DashboardAxis, DashboardCategory, DashboardMeasure, DashboardOpinionGroups, RankedMeasure, RoundDashboard } from "./synthesis.types";

/**
 * The facilitators' dashboard of a round (FACILITATOR, ADMIN, OFFICIAL), computed per request, while
 * the round is open as well as after:
 * - per measure of the consulted revision: votes overall and by source (getVoteResults: web, live,
 *   paper), by stakeholder category (web + live votes, the category the voter had when voting),
 *   comments, proposals and their supports; per axis: axis comments, new-measure proposals, SWOT entries;
 * - rankings by mean priority and by support share;
 * - consensus / division between categories, and Pol.is-style opinion groups (opinion-groups.ts).
 *
 * Privacy: only aggregates leave this function. The staff dashboard applies the same k-anonymity as
 * the public pages (categories with fewer than K_ANONYMITY_MIN_VOTERS voters on a measure merged into
 * "OTHER", group make-ups likewise): facilitators know the local stakeholders, and a category of one
 * or two would show them individual votes. Opinion groups are described by shares, never members.
 *
 * Cost: the vote matrix comes from ONE query grouped by voter (arrays of small integers, one row per
 * voter rather than one object per vote) and is tallied into typed arrays; the other queries are
 * small aggregates. Deterministic: voters are ordered by id and opinion-groups.ts uses fixed seeds.
 */
const categoryList: readonly StakeholderCategory[] = Object.values(StakeholderCategory);
const swotKinds: readonly SwotKind[] = Object.values(SwotKind);
const EXCERPT_LENGTH = 120;
/** Tally slots per (measure, category): support, oppose, abstain, priorityCount, prioritySum. */
const SLOTS = 5;

/**
 * One voter's votes, each packed in one integer: measure × 1000 + (choice + 1) × 100 + priority × 10 + category,
 * where measure is the position among the consulted revision's measures ordered by id (0-based), choice is
 * -1/0/1 (oppose/abstain/support), priority 0 (none) to 5, category the 1-based position in categoryList.
 */
interface VoterRow {
  latestCategory: string;
  votes: number[];
}

function byCount<K extends string | null>(rows: Array<{ key: K; count: number }>): Map<K, number> {
  return new Map(rows.map((row) => [row.key, row.count]));
}

export async function getRoundDashboard(db: Db, actor: Actor | null, roundIdInput: unknown, { now = new Date() }: { now?: Date } = {}): Promise<RoundDashboard> {
  requireSynthesisViewer(actor);
  const parsed = roundIdSchema.safeParse(roundIdInput);
  if (!parsed.success) throw new AppError("NOT_FOUND", "participation.errors.roundNotFound");
  const roundId = parsed.data;

  const round = await db.round.findUnique({ where: { id: roundId }, select: { revisionId: true } });
  if (!round) throw new AppError("NOT_FOUND", "participation.errors.roundNotFound");

  const [results, versions, axisVersions, voterRows, comments, proposals, supports, swot] = await Promise.all([
    getVoteResults(db, roundId, { now }),
    db.measureVersion.findMany({ where: { revisionId: round.revisionId }, select: { measureId: true, text: true }, orderBy: { measureId: "asc" } }),
    db.axisVersion.findMany({ where: { revisionId: round.revisionId }, select: { axisId: true, title: true, position: true, axis: { select: { number: true } } }, orderBy: { position: "asc" } }),
    // The vote matrix: one row per voter (ordered by voter: deterministic), its votes packed one integer
    // each (see VoterRow), so 300,000 votes travel as 20,000 small integer arrays.
    db.$queryRaw<VoterRow[]>`
      WITH m AS (
        SELECT "measureId", (row_number() OVER (ORDER BY "measureId") - 1)::int AS n FROM "MeasureVersion" WHERE "revisionId" = ${round.revisionId}::uuid
      )
      SELECT (array_agg(v."category"::text ORDER BY v."updatedAt" DESC, v."measureId"))[1] AS "latestCategory",
             array_agg(m.n * 1000 + (CASE v."choice" WHEN 'SUPPORT' THEN 2 WHEN 'OPPOSE' THEN 0 ELSE 1 END) * 100 + coalesce(v."priority", 0) * 10 + c.n::int) AS "votes"
      FROM "Vote" v
      JOIN m ON m."measureId" = v."measureId"
      JOIN unnest(${categoryList as string[]}::text[]) WITH ORDINALITY AS c(name, n) ON c.name = v."category"::text
      WHERE v."roundId" = ${roundId}::uuid
      GROUP BY v."userId" ORDER BY v."userId"`,
    db.$queryRaw<Array<{ measureId: string | null; axisId: string | null; count: number }>>`
      SELECT "measureId", CASE WHEN "measureId" IS NULL THEN "axisId" END AS "axisId", count(*)::int AS "count"
      FROM "Comment" WHERE "roundId" = ${roundId}::uuid AND "moderation" <> 'HIDDEN' GROUP BY 1, 2`,
    db.$queryRaw<Array<{ measureId: string | null; axisId: string | null; count: number }>>`
      SELECT "measureId", CASE WHEN "measureId" IS NULL THEN "axisId" END AS "axisId", count(*)::int AS "count"
      FROM "Proposal" WHERE "roundId" = ${roundId}::uuid AND "moderation" <> 'HIDDEN' AND "status" <> 'WITHDRAWN' GROUP BY 1, 2`,
    db.$queryRaw<Array<{ measureId: string | null; count: number }>>`
      SELECT p."measureId", count(*)::int AS "count"
      FROM "ProposalSupport" s JOIN "Proposal" p ON p."id" = s."proposalId"
      WHERE p."roundId" = ${roundId}::uuid AND p."moderation" <> 'HIDDEN' AND p."status" <> 'WITHDRAWN' GROUP BY 1`,
    db.$queryRaw<Array<{ axisId: string | null; kind: SwotKind; count: number }>>`
      SELECT "axisId", "kind"::text AS "kind", count(*)::int AS "count"
      FROM "SwotEntry" WHERE "roundId" = ${roundId}::uuid AND "moderation" <> 'HIDDEN' GROUP BY 1, 2`,
  ]);
  const measureIds = results.measures.map((measure) => measure.measureId);
  const measureCount = measureIds.length;
  // Position in the matrix query (versions by measure id) → position in results.measures (plan order).
  const resultIndex = new Map(measureIds.map((id, index) => [id, index]));
  const fromQueryIndex = Int32Array.from(versions, (version) => resultIndex.get(version.measureId) ?? -1);

  // Tally the matrix: per (measure, category) counts, and the opinion-groups input.
  const categoryCount = categoryList.length;
  const tallies = new Int32Array(measureCount * categoryCount * SLOTS);
  const participants: Array<{ id: string; category: string }> = new Array(voterRows.length);
  const votes: Array<{ participant: number; measure: number; value: VoteValue }> = [];
  for (let p = 0; p < voterRows.length; p++) {
    const row = voterRows[p]!;
    participants[p] = { id: String(p), category: row.latestCategory };
    for (const code of row.votes) {
      const m = fromQueryIndex[Math.floor(code / 1000)] ?? -1;
      if (m < 0) continue;
      const value = (Math.floor(code / 100) % 10) - 1;
      const priority = Math.floor(code / 10) % 10;
      const base = (m * categoryCount + (code % 10) - 1) * SLOTS;
      tallies[base + (value === 1 ? 0 : value === -1 ? 1 : 2)]! += 1;
      if (priority > 0) {
        tallies[base + 3]! += 1;
        tallies[base + 4]! += priority;
      }
      votes.push({ participant: p, measure: m, value: value as VoteValue });
    }
  }

  const textOf = new Map(versions.map((version) => [version.measureId, version.text]));
  const commentsBy = byCount(comments.filter((row) => row.measureId).map((row) => ({ key: row.measureId, count: row.count })));
  const proposalsBy = byCount(proposals.filter((row) => row.measureId).map((row) => ({ key: row.measureId, count: row.count })));
  const supportsBy = byCount(supports.map((row) => ({ key: row.measureId, count: row.count })));

  const categoryRows = results.measures.map((measure, m) => {
    const rows = categoryList.map((category, c) => {
      const base = (m * categoryCount + c) * SLOTS;
      return { category, support: tallies[base]!, oppose: tallies[base + 1]!, abstain: tallies[base + 2]!, priorityCount: tallies[base + 3]!, prioritySum: tallies[base + 4]! };
    });
    return mergeSmallCategories(rows.filter((row) => row.support + row.oppose + row.abstain > 0));
  });
  const stances = categoryConsensus(
    categoryRows.map((merged, m) => ({ measureId: measureIds[m]!, categories: merged.rows.filter((row) => !row.suppressed) })),
  );

  const measures: DashboardMeasure[] = results.measures.map((measure, m) => {
    const merged = categoryRows[m]!;
    return {
      measureId: measure.measureId,
      code: measure.code,
      axisNumber: measure.axisNumber,
      excerpt: excerpt(textOf.get(measure.measureId) ?? "", EXCERPT_LENGTH, { flatten: true }),
      total: measure.total,
      bySource: measure.bySource,
      supportShare: measure.total.total > 0 ? measure.total.support / measure.total.total : null,
      byCategory: merged.rows.map((row) => ({
        category: row.category as DashboardCategory,
        support: row.support,
        oppose: row.oppose,
        abstain: row.abstain,
        voters: row.voters,
        meanPriority: row.priorityCount > 0 ? row.prioritySum / row.priorityCount : null,
        merged: row.merged,
        suppressed: row.suppressed,
      })),
      mergedCategories: merged.mergedCategories as DashboardCategory[],
      categoryStance: stances[m]!.stance,
      categorySupportSpread: stances[m]!.supportRateSpread,
      comments: commentsBy.get(measure.measureId) ?? 0,
      proposals: proposalsBy.get(measure.measureId) ?? 0,
      proposalSupports: supportsBy.get(measure.measureId) ?? 0,
    };
  });

  const axisComments = byCount(comments.filter((row) => row.axisId).map((row) => ({ key: row.axisId, count: row.count })));
  const axisProposals = byCount(proposals.filter((row) => !row.measureId && row.axisId).map((row) => ({ key: row.axisId, count: row.count })));
  const axes: DashboardAxis[] = axisVersions.map((version) => ({
    axisId: version.axisId,
    number: version.axis.number,
    title: version.title,
    comments: axisComments.get(version.axisId) ?? 0,
    newMeasureProposals: axisProposals.get(version.axisId) ?? 0,
    swot: Object.fromEntries(swotKinds.map((kind) => [kind, swot.find((row) => row.axisId === version.axisId && row.kind === kind)?.count ?? 0])) as Record<SwotKind, number>,
  }));

  const rank = (value: (measure: DashboardMeasure) => number | null): RankedMeasure[] =>
    measures
      .map((measure) => ({ measureId: measure.measureId, code: measure.code, value: value(measure) }))
      .filter((entry): entry is RankedMeasure => entry.value !== null)
      .sort((a, b) => b.value - a.value); // stable: ties keep the plan order
  const categoryStances = { "consensus-support": [], "consensus-oppose": [], divided: [], mixed: [], insufficient: [] } as RoundDashboard["categoryStances"];
  for (const measure of measures) {
    categoryStances[measure.categoryStance].push({ measureId: measure.measureId, code: measure.code, spread: measure.categorySupportSpread });
  }
  categoryStances.divided.sort((a, b) => b.spread - a.spread);

  return {
    round: {
      id: results.round.id,
      title: results.round.title,
      status: results.round.status,
      opensAt: results.round.opensAt,
      closesAt: results.round.closesAt,
      planSlug: results.round.planSlug,
      planTitle: results.round.planTitle,
    },
    total: results.total,
    voters: voterRows.length,
    counts: {
      comments: comments.reduce((sum, row) => sum + row.count, 0),
      proposals: proposals.reduce((sum, row) => sum + row.count, 0),
      proposalSupports: supports.reduce((sum, row) => sum + row.count, 0),
      swotEntries: swot.reduce((sum, row) => sum + row.count, 0),
    },
    measures,
    axes,
    rankings: { byPriority: rank((measure) => measure.total.meanPriority), bySupport: rank((measure) => measure.supportShare) },
    categoryStances,
    opinionGroups: opinionGroups({ participants, measureIds, votes }, measures),
    minCategoryVoters: K_ANONYMITY_MIN_VOTERS,
  };
}

const MAX_DISTINGUISHING = 5;

function opinionGroups(input: OpinionGroupsInput, measures: DashboardMeasure[]): DashboardOpinionGroups {
  const result = computeOpinionGroups(input);
  if (!result.enough) {
    return { enough: false, reason: result.reason, participantsConsidered: result.participantsConsidered, measuresVoted: result.measuresVoted, minParticipants: MIN_PARTICIPANTS, minMeasures: MIN_MEASURES };
  }
  const codeOf = (measure: number) => measures[measure]!.code;
  const chosen = result.silhouetteByK.find((entry) => entry.k === result.chosenK);
  return {
    enough: true,
    participantsConsidered: result.participantsConsidered,
    participantsExcluded: result.participantsExcluded,
    measuresVoted: result.measuresVoted,
    explainedVariance: result.explainedVariance,
    chosenK: result.chosenK,
    silhouette: chosen?.silhouette ?? 0,
    groups: result.groups.map((group) => {
      const large = group.categories.filter((entry) => entry.count >= K_ANONYMITY_MIN_VOTERS);
      const small = group.categories.filter((entry) => entry.count < K_ANONYMITY_MIN_VOTERS).reduce((sum, entry) => sum + entry.count, 0);
      // Same rule as k-anonymity.ts: a merged remainder below the threshold takes the smallest category with it.
      const categories: Array<{ category: DashboardCategory; count: number }> = large.map((entry) => ({ category: entry.category as DashboardCategory, count: entry.count }));
      let other = small;
      while (other > 0 && other < K_ANONYMITY_MIN_VOTERS && categories.length > 0) other += categories.pop()!.count;
      if (other > 0) categories.push({ category: MERGED_CATEGORY, count: other });
      return {
        index: group.index,
        size: group.size,
        categories,
        distinguishing: group.distinguishingMeasures.slice(0, MAX_DISTINGUISHING).map((entry) => ({
          measureId: entry.measureId,
          code: codeOf(entry.measure),
          direction: entry.direction,
          groupRate: entry.groupRate,
          othersRate: entry.othersRate,
        })),
        agreeRates: result.measures.map((measure) => measure.byGroup[group.index]!.agreeRate),
      };
    }),
    commonGround: result.commonGround.map((entry) => ({ measureId: entry.measureId, code: codeOf(entry.measure), lowestAgreeRate: entry.lowestAgreeRate })),
    division: result.division.map((entry) => ({ measureId: entry.measureId, code: codeOf(entry.measure), agreeRateSpread: entry.agreeRateSpread })),
  };
}
