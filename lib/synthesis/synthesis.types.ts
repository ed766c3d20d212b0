import type { RoundStatus, StakeholderCategory, SwotKind } from "@/lib/db/generated/enums";
import type { Tally, VoteSource } from "@/lib/participation/get-vote-results";
import type { CategoryStance, InsufficientReason, OpinionGroupsAnalysis } from "./opinion-groups";

/**
 * The round dashboard of the synthesis (lib/synthesis/get-round-dashboard.ts): aggregates only,
 * never an individual's vote. Categories are StakeholderCategory values or "OTHER" (MERGED_CATEGORY,
 * small categories merged by k-anonymity — the staff dashboard applies the same rule as public pages).
 */
export type DashboardCategory = StakeholderCategory | "OTHER";

export interface DashboardCategoryTally {
  category: DashboardCategory;
  support: number;
  oppose: number;
  abstain: number;
  voters: number;
  /** Mean priority 1–5 of the votes that gave one; null when none did. */
  meanPriority: number | null;
  /** The "OTHER" row: categories with fewer than K_ANONYMITY_MIN_VOTERS voters merged together. */
  merged: boolean;
  /** Even merged, fewer than K_ANONYMITY_MIN_VOTERS voters: the page shows no numbers for it. */
  suppressed: boolean;
}

export interface DashboardMeasure {
  measureId: string;
  code: string;
  axisNumber: number;
  /** The measure's text in the consulted revision, shortened for lists. */
  excerpt: string;
  /** All sources together (web + live + paper), and each source apart (from getVoteResults). */
  total: Tally;
  bySource: Record<VoteSource, Tally>;
  /** support / all votes (abstentions included); null without votes. */
  supportShare: number | null;
  /** Web and live votes by the voter's category at voting time (paper ballots have no category), k-anonymised. */
  byCategory: DashboardCategoryTally[];
  /** Categories folded into the "OTHER" row of this measure. */
  mergedCategories: DashboardCategory[];
  /** Stance between categories (lib/synthesis/opinion-groups.ts categoryConsensus). */
  categoryStance: CategoryStance;
  categorySupportSpread: number;
  /** Visible (not hidden by moderation) comments, proposals on this measure, and supports of those proposals. */
  comments: number;
  proposals: number;
  proposalSupports: number;
}

export interface DashboardAxis {
  axisId: string;
  number: number;
  title: string;
  /** Visible comments on the axis itself (not on its measures), new-measure proposals for it, SWOT entries by kind. */
  comments: number;
  newMeasureProposals: number;
  swot: Record<SwotKind, number>;
}

export interface RankedMeasure {
  measureId: string;
  code: string;
  value: number;
}

export interface DashboardGroupMeasure {
  measureId: string;
  code: string;
  direction: "agree" | "disagree";
  groupRate: number;
  othersRate: number;
}

export interface DashboardOpinionGroup {
  /** 0-based, largest group first; the page calls it "group A", "group B"… */
  index: number;
  size: number;
  /** Members per category; categories with fewer than K_ANONYMITY_MIN_VOTERS members in the group are merged into "OTHER". */
  categories: { category: DashboardCategory; count: number }[];
  /** Measures that distinguish the group, strongest first (at most 5). */
  distinguishing: DashboardGroupMeasure[];
  /** Share of the group supporting each measure, in the order of RoundDashboard.measures. */
  agreeRates: number[];
}

export type DashboardOpinionGroups =
  | { enough: false; reason: InsufficientReason; participantsConsidered: number; measuresVoted: number; minParticipants: number; minMeasures: number }
  | (Pick<OpinionGroupsAnalysis, "enough" | "participantsConsidered" | "participantsExcluded" | "measuresVoted" | "explainedVariance" | "chosenK"> & {
      silhouette: number;
      groups: DashboardOpinionGroup[];
      commonGround: { measureId: string; code: string; lowestAgreeRate: number }[];
      division: { measureId: string; code: string; agreeRateSpread: number }[];
    });

export interface RoundDashboard {
  round: { id: string; title: string; status: RoundStatus; opensAt: Date; closesAt: Date; planSlug: string; planTitle: string };
  /** Votes of all measures and sources together. */
  total: Tally;
  /** People who voted on the web or live (paper ballots are anonymous counts). */
  voters: number;
  counts: { comments: number; proposals: number; proposalSupports: number; swotEntries: number };
  measures: DashboardMeasure[];
  axes: DashboardAxis[];
  rankings: { byPriority: RankedMeasure[]; bySupport: RankedMeasure[] };
  /** Codes by stance between categories. */
  categoryStances: Record<CategoryStance, { measureId: string; code: string; spread: number }[]>;
  opinionGroups: DashboardOpinionGroups;
  /** The k-anonymity threshold applied to the categories. */
  minCategoryVoters: number;
}
