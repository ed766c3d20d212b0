import type { ModerationState, ProposalKind, ProposalStatus, RevisionChangeKind, RoundStatus, SwotKind } from "@/lib/db/generated/enums";
import { type MeasureResults, type VoteSource, getVoteResults } from "@/lib/participation/get-vote-results";
import type { Db } from "@/lib/plan/plan-read";
import { effectiveRoundStatus } from "@/lib/rounds/round-window";
import { findRound } from "@/lib/rounds/get-round";
import { EXCERPT_LENGTH, excerpt } from "@/lib/text/excerpt";
import { type AxisDiff, type MeasureDiff, compareRevisions } from "./get-revision-diff";
import { type AnonymizedTally, type CategoryTally, K_ANONYMITY_MIN_VOTERS, mergeSmallCategories } from "./k-anonymity";

/**
 * "You said, we did": the public account of a round once the revision drafted from it is
 * published. Every recorded change with its rationale, the before/after computed from the consulted
 * and the published revision, and links to the contributions that motivated it; every proposal
 * with its status and answer; aggregate vote results (never an individual vote: categories with
 * fewer than K_ANONYMITY_MIN_VOTERS voters on a measure are merged into "other"); participation
 * figures. Before publication the round's outcome is not public: `published: false` and nothing else.
 */

export type OutcomeLink =
  | { type: "proposal"; id: string; roundId: string; title: string; moderation: ModerationState; status: ProposalStatus }
  | { type: "comment"; id: string; roundId: string; measureCode: string | null; axisNumber: number | null; excerpt: string | null }
  | { type: "swot"; id: string; roundId: string; kind: SwotKind; excerpt: string | null }
  | { type: "voteResults"; roundId: string; measureCode: string };

export interface OutcomeChange {
  id: string;
  kind: RevisionChangeKind;
  measure: { id: string; code: string } | null;
  axis: { id: string; number: number } | null;
  rationale: string;
  editorial: boolean;
  links: OutcomeLink[];
  /** Before/after as computed between the consulted and the published revision; null when they no longer differ. */
  measureDiff: MeasureDiff | null;
  axisDiff: AxisDiff | null;
}

export interface OutcomeProposal {
  id: string;
  title: string;
  moderation: ModerationState;
  kind: ProposalKind;
  status: ProposalStatus;
  answer: string | null;
  answeredAt: Date | null;
  measureCode: string | null;
  axisNumber: number | null;
  mergedInto: { id: string; title: string; moderation: ModerationState } | null;
  supportCount: number;
}

export interface OutcomeCategoryRows {
  measureId: string;
  code: string;
  rows: AnonymizedTally[];
}

export interface OutcomeParticipation {
  /** Distinct people who voted on the web or live (paper ballots are counted, not people). */
  voters: number;
  votersByChannel: { web: number; live: number };
  votesBySource: Record<VoteSource, number>;
  comments: number;
  proposals: number;
  proposalSupports: number;
  swotEntries: number;
}

interface RoundHeader {
  id: string;
  title: string;
  status: RoundStatus;
  opensAt: Date;
  closesAt: Date;
  plan: { id: string; slug: string; title: string };
}

export type RoundOutcome =
  | { published: false; round: RoundHeader }
  | {
      published: true;
      round: RoundHeader;
      revision: { id: string; number: number; summary: string; publishedAt: Date | null };
      consultedRevision: { number: number };
      changes: OutcomeChange[];
      proposals: OutcomeProposal[];
      results: { measures: MeasureResults[]; byCategory: OutcomeCategoryRows[]; minVoters: number };
      participation: OutcomeParticipation;
    };

/** A contribution's excerpt, only while it is visible (moderation). */
const visibleExcerpt = (body: string, moderation: ModerationState): string | null => (moderation === "VISIBLE" ? excerpt(body, EXCERPT_LENGTH, { flatten: true }) : null);

const byCode = (a: string, b: string) => {
  const [aAxis, aNumber] = a.split(".").map(Number) as [number, number];
  const [bAxis, bNumber] = b.split(".").map(Number) as [number, number];
  return aAxis - bAxis || aNumber - bNumber;
};

export async function getRoundOutcome(db: Db, roundId: string, now: Date = new Date()): Promise<RoundOutcome> {
  const round = await findRound(db, roundId, "synthesis.outcome.roundNotFound", { outcome: { select: { id: true, number: true, status: true, summary: true, publishedAt: true } } });
  const header: RoundHeader = { id: round.id, title: round.title, status: effectiveRoundStatus(round, now), opensAt: round.opensAt, closesAt: round.closesAt, plan: round.plan };
  const revision = round.outcome;
  if (!revision || revision.status !== "PUBLISHED") return { published: false, round: header };

  const [changeRows, comparison, proposalRows, results, byCategory, participation] = await Promise.all([
    db.revisionChange.findMany({
      where: { revisionId: revision.id },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        kind: true,
        rationale: true,
        editorial: true,
        measure: { select: { id: true, code: true } },
        axis: { select: { id: true, number: true } },
        links: {
          select: {
            proposal: { select: { id: true, roundId: true, title: true, moderation: true, status: true } },
            comment: { select: { id: true, roundId: true, body: true, moderation: true, measure: { select: { code: true } }, axis: { select: { number: true } } } },
            swotEntry: { select: { id: true, roundId: true, kind: true, body: true, moderation: true } },
            voteResultsRoundId: true,
            voteResultsMeasureId: true,
          },
        },
      },
    }),
    compareRevisions(db, round.revisionId, revision.id),
    db.proposal.findMany({
      where: { roundId: round.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        title: true,
        moderation: true,
        kind: true,
        status: true,
        answer: true,
        answeredAt: true,
        measure: { select: { code: true } },
        axis: { select: { number: true } },
        mergedInto: { select: { id: true, title: true, moderation: true } },
        _count: { select: { supports: true } },
      },
    }),
    getVoteResults(db, round.id, { now }),
    categoryResults(db, round.id),
    participationFigures(db, round.id),
  ]);

  const voteMeasureIds = [...new Set(changeRows.flatMap((change) => change.links.map((link) => link.voteResultsMeasureId).filter((id): id is string => id !== null)))];
  const voteMeasures = new Map(
    (await db.measure.findMany({ where: { id: { in: voteMeasureIds } }, select: { id: true, code: true } })).map((measure) => [measure.id, measure.code]),
  );
  const measureDiffs = new Map(comparison.axes.flatMap((axis) => axis.measures.map((measure) => [measure.measureId, measure] as const)));
  const axisDiffs = new Map(comparison.axes.map((axis) => [axis.axisId, axis]));
  const changeOrder = (change: (typeof changeRows)[number]) => change.axis?.number ?? Number(change.measure?.code.split(".")[0] ?? 0);

  const changes: OutcomeChange[] = changeRows
    .sort((a, b) => changeOrder(a) - changeOrder(b) || (a.measure && b.measure ? byCode(a.measure.code, b.measure.code) : a.measure ? 1 : b.measure ? -1 : 0))
    .map((change) => ({
      id: change.id,
      kind: change.kind,
      measure: change.measure,
      axis: change.axis,
      rationale: change.rationale,
      editorial: change.editorial,
      links: change.links.flatMap((link): OutcomeLink[] => {
        if (link.proposal) return [{ type: "proposal", ...link.proposal }];
        if (link.comment) {
          const { id, roundId: commentRound, body, moderation, measure, axis } = link.comment;
          return [{ type: "comment", id, roundId: commentRound, measureCode: measure?.code ?? null, axisNumber: axis?.number ?? null, excerpt: visibleExcerpt(body, moderation) }];
        }
        if (link.swotEntry) {
          const { id, roundId: swotRound, kind, body, moderation } = link.swotEntry;
          return [{ type: "swot", id, roundId: swotRound, kind, excerpt: visibleExcerpt(body, moderation) }];
        }
        const code = link.voteResultsMeasureId ? voteMeasures.get(link.voteResultsMeasureId) : undefined;
        if (link.voteResultsRoundId && code) return [{ type: "voteResults", roundId: link.voteResultsRoundId, measureCode: code }];
        return [];
      }),
      measureDiff: change.measure ? (measureDiffs.get(change.measure.id) ?? null) : null,
      axisDiff: change.axis ? (axisDiffs.get(change.axis.id) ?? null) : null,
    }));

  const codes = new Map(results.measures.map((measure) => [measure.measureId, measure.code]));
  return {
    published: true,
    round: header,
    revision: { id: revision.id, number: revision.number, summary: revision.summary, publishedAt: revision.publishedAt },
    consultedRevision: { number: round.revision.number },
    changes,
    proposals: proposalRows.map((proposal) => ({
      id: proposal.id,
      title: proposal.title,
      moderation: proposal.moderation,
      kind: proposal.kind,
      status: proposal.status,
      answer: proposal.answer,
      answeredAt: proposal.answeredAt,
      measureCode: proposal.measure?.code ?? null,
      axisNumber: proposal.axis?.number ?? null,
      mergedInto: proposal.mergedInto,
      supportCount: proposal._count.supports,
    })),
    results: {
      measures: results.measures,
      byCategory: [...byCategory.entries()]
        .filter(([measureId]) => codes.has(measureId))
        .map(([measureId, rows]) => ({ measureId, code: codes.get(measureId)!, rows: mergeSmallCategories(rows).rows }))
        .sort((a, b) => byCode(a.code, b.code)),
      minVoters: K_ANONYMITY_MIN_VOTERS,
    },
    participation,
  };
}

/** Web and live votes per measure and category (the category the voter had when voting), before merging. */
async function categoryResults(db: Db, roundId: string): Promise<Map<string, CategoryTally[]>> {
  const groups = await db.vote.groupBy({
    by: ["measureId", "category", "choice"],
    where: { roundId },
    orderBy: [{ measureId: "asc" }, { category: "asc" }, { choice: "asc" }],
    _count: { _all: true, priority: true },
    _sum: { priority: true },
  });
  const byMeasure = new Map<string, CategoryTally[]>();
  for (const group of groups) {
    let rows = byMeasure.get(group.measureId);
    if (!rows) byMeasure.set(group.measureId, (rows = []));
    let row = rows.find((item) => item.category === group.category);
    if (!row) rows.push((row = { category: group.category, support: 0, oppose: 0, abstain: 0, prioritySum: 0, priorityCount: 0 }));
    const count = group._count._all;
    if (group.choice === "SUPPORT") row.support += count;
    else if (group.choice === "OPPOSE") row.oppose += count;
    else row.abstain += count;
    row.priorityCount += group._count.priority;
    row.prioritySum += group._sum.priority ?? 0;
  }
  return byMeasure;
}

async function participationFigures(db: Db, roundId: string): Promise<OutcomeParticipation> {
  const [voters, votes, paper, comments, proposals, proposalSupports, swotEntries] = await Promise.all([
    db.$queryRaw<{ all: number; web: number; live: number }[]>`
      SELECT count(DISTINCT "userId")::int AS "all",
             count(DISTINCT "userId") FILTER (WHERE "channel" = 'WEB')::int AS "web",
             count(DISTINCT "userId") FILTER (WHERE "channel" = 'LIVE')::int AS "live"
      FROM "Vote" WHERE "roundId" = ${roundId}::uuid`,
    db.vote.groupBy({ by: ["channel"], where: { roundId }, orderBy: { channel: "asc" }, _count: { _all: true } }),
    db.paperTally.aggregate({ where: { roundId }, _sum: { support: true, oppose: true, abstain: true } }),
    db.comment.count({ where: { roundId } }),
    db.proposal.count({ where: { roundId } }),
    db.proposalSupport.count({ where: { proposal: { roundId } } }),
    db.swotEntry.count({ where: { roundId } }),
  ]);
  const channelVotes = (channel: "WEB" | "LIVE") => votes.find((group) => group.channel === channel)?._count._all ?? 0;
  return {
    voters: voters[0]?.all ?? 0,
    votersByChannel: { web: voters[0]?.web ?? 0, live: voters[0]?.live ?? 0 },
    votesBySource: { web: channelVotes("WEB"), live: channelVotes("LIVE"), paper: (paper._sum.support ?? 0) + (paper._sum.oppose ?? 0) + (paper._sum.abstain ?? 0) },
    comments,
    proposals,
    proposalSupports,
    swotEntries,
  };
}
