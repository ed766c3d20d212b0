import type { PrismaClient } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { ContributionChannel, RoundStatus, StakeholderCategory, VoteChoice } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";
import { effectiveRoundStatus } from "@/lib/rounds/round-window";

/**
 * A round's vote results, aggregated only: counts and mean priority per measure, never who voted
 * what. Sources are kept apart: web and live votes (individual, one per stakeholder) and paper
 * ballots counted in meetings (PaperTally, entered by facilitators). The breakdown by stakeholder
 * category appears only once the round is closed (effective status CLOSED or later), so that
 * nobody watches a category's votes move while the round is open.
 */
export type VoteSource = "web" | "live" | "paper";
export const voteSources: readonly VoteSource[] = ["web", "live", "paper"];

export interface Tally {
  support: number;
  oppose: number;
  abstain: number;
  total: number;
  /** Votes that gave a priority, and the sum of those priorities (for the mean). */
  priorityCount: number;
  prioritySum: number;
  /** Mean priority 1–5 over the votes that gave one; null when none did. */
  meanPriority: number | null;
}

export interface MeasureResults {
  measureId: string;
  code: string;
  axisNumber: number;
  total: Tally;
  bySource: Record<VoteSource, Tally>;
  /**
   * Web and live votes by the category the voter had when voting (Vote.category); null while the round is open.
   * `tally` is null for a category whose counts are withheld (see MIN_CATEGORY_VOTERS); its votes still count in `total`.
   */
  byCategory: Array<{ category: StakeholderCategory; tally: Tally | null }> | null;
}

export interface VoteResults {
  round: { id: string; title: string; status: RoundStatus; opensAt: Date; closesAt: Date; planId: string; planSlug: string; planTitle: string };
  categoriesShown: boolean;
  measures: MeasureResults[];
  total: Tally;
}

type Db = PrismaClient | Prisma.TransactionClient;

export function emptyTally(): Tally {
  return { support: 0, oppose: 0, abstain: 0, total: 0, priorityCount: 0, prioritySum: 0, meanPriority: null };
}

function add(into: Tally, counts: Partial<Record<"support" | "oppose" | "abstain", number>> & { priorityCount: number; prioritySum: number }): void {
  into.support += counts.support ?? 0;
  into.oppose += counts.oppose ?? 0;
  into.abstain += counts.abstain ?? 0;
  into.total = into.support + into.oppose + into.abstain;
  into.priorityCount += counts.priorityCount;
  into.prioritySum += counts.prioritySum;
  into.meanPriority = into.priorityCount > 0 ? into.prioritySum / into.priorityCount : null;
}

const choiceKey: Record<VoteChoice, "support" | "oppose" | "abstain"> = { SUPPORT: "support", OPPOSE: "oppose", ABSTAIN: "abstain" };
const sourceOf: Record<ContributionChannel, VoteSource> = { WEB: "web", LIVE: "live" };

/**
 * Smallest number of voters on a measure for whom a stakeholder category's counts are published.
 * With fewer, the counts would tell how those few people — often known to each other locally —
 * voted (one voter: exactly their vote), so the category shows "fewer than N participants" instead.
 * Their votes stay in the measure's totals. Because the totals are public, withholding a single
 * category would let anyone get it back by subtraction: while the withheld categories together
 * have fewer than this many voters, the next smallest category is withheld too.
 */
export const MIN_CATEGORY_VOTERS = 5;

/** Withholds (tally → null) the small categories of one measure, as MIN_CATEGORY_VOTERS explains. */
function withholdSmallCategories(buckets: Array<{ category: StakeholderCategory; tally: Tally | null }>): void {
  const voters = new Map(buckets.map((bucket) => [bucket, bucket.tally?.total ?? 0]));
  let withheld = 0;
  let withheldCount = 0;
  for (const bucket of buckets) {
    if (voters.get(bucket)! < MIN_CATEGORY_VOTERS) {
      withheld += voters.get(bucket)!;
      withheldCount += 1;
      bucket.tally = null;
    }
  }
  while (withheldCount > 0 && withheld < MIN_CATEGORY_VOTERS) {
    const smallest = buckets.filter((bucket) => bucket.tally !== null).sort((a, b) => voters.get(a)! - voters.get(b)!)[0];
    if (!smallest) break;
    withheld += voters.get(smallest)!;
    withheldCount += 1;
    smallest.tally = null;
  }
}

export const closedStatuses: readonly RoundStatus[] = ["CLOSED", "SYNTHESIS", "PUBLISHED"];

interface VoteGroupRow {
  measureId: string;
  group: string;
  choice: VoteChoice;
  votes: number;
  priorityCount: number;
  prioritySum: number;
}

export async function getVoteResults(db: Db, roundId: string, { measureId, now = new Date() }: { measureId?: string; now?: Date } = {}): Promise<VoteResults> {
  const round = await db.round.findUnique({
    where: { id: roundId },
    select: { id: true, title: true, status: true, opensAt: true, closesAt: true, revisionId: true, plan: { select: { id: true, slug: true, title: true } } },
  });
  if (!round) throw new AppError("NOT_FOUND", "participation.errors.roundNotFound");
  const status = effectiveRoundStatus(round, now);
  const categoriesShown = closedStatuses.includes(status);
  const measureFilter = measureId ? { measureId } : {};

  const [versions, byChannel, paper, byCategory] = await Promise.all([
    db.measureVersion.findMany({
      where: { revisionId: round.revisionId, ...measureFilter },
      select: { measureId: true, measure: { select: { code: true, axis: { select: { number: true } } } } },
    }),
    db.$queryRaw<VoteGroupRow[]>`
      SELECT "measureId", "channel"::text AS "group", "choice"::text AS "choice", count(*)::int AS "votes",
             count("priority")::int AS "priorityCount", coalesce(sum("priority"), 0)::int AS "prioritySum"
      FROM "Vote" WHERE "roundId" = ${round.id}::uuid ${measureId ? Prisma.sql`AND "measureId" = ${measureId}::uuid` : Prisma.empty}
      GROUP BY 1, 2, 3`,
    db.paperTally.groupBy({
      by: ["measureId"],
      where: { roundId: round.id, ...measureFilter },
      _sum: { support: true, oppose: true, abstain: true, prioritySum: true, priorityCount: true },
    }),
    categoriesShown
      ? db.$queryRaw<VoteGroupRow[]>`
          SELECT "measureId", "category"::text AS "group", "choice"::text AS "choice", count(*)::int AS "votes",
                 count("priority")::int AS "priorityCount", coalesce(sum("priority"), 0)::int AS "prioritySum"
          FROM "Vote"
          WHERE "roundId" = ${round.id}::uuid ${measureId ? Prisma.sql`AND "measureId" = ${measureId}::uuid` : Prisma.empty}
          GROUP BY 1, 2, 3`
      : Promise.resolve([] as VoteGroupRow[]),
  ]);

  const results = new Map<string, MeasureResults>();
  for (const version of versions) {
    results.set(version.measureId, {
      measureId: version.measureId,
      code: version.measure.code,
      axisNumber: version.measure.axis.number,
      total: emptyTally(),
      bySource: { web: emptyTally(), live: emptyTally(), paper: emptyTally() },
      byCategory: categoriesShown ? [] : null,
    });
  }
  const total = emptyTally();
  for (const row of byChannel) {
    const entry = results.get(row.measureId);
    if (!entry) continue;
    const counts = { [choiceKey[row.choice]]: row.votes, priorityCount: row.priorityCount, prioritySum: row.prioritySum };
    add(entry.bySource[sourceOf[row.group as ContributionChannel]], counts);
    add(entry.total, counts);
    add(total, counts);
  }
  for (const row of paper) {
    const entry = results.get(row.measureId);
    if (!entry) continue;
    const counts = {
      support: row._sum.support ?? 0,
      oppose: row._sum.oppose ?? 0,
      abstain: row._sum.abstain ?? 0,
      priorityCount: row._sum.priorityCount ?? 0,
      prioritySum: row._sum.prioritySum ?? 0,
    };
    add(entry.bySource.paper, counts);
    add(entry.total, counts);
    add(total, counts);
  }
  for (const row of byCategory) {
    const entry = results.get(row.measureId);
    if (!entry?.byCategory) continue;
    let bucket = entry.byCategory.find((item) => item.category === row.group);
    if (!bucket) {
      bucket = { category: row.group as StakeholderCategory, tally: emptyTally() };
      entry.byCategory.push(bucket);
    }
    add(bucket.tally!, { [choiceKey[row.choice]]: row.votes, priorityCount: row.priorityCount, prioritySum: row.prioritySum });
  }
  const byCode = (a: string, b: string) => {
    const [aAxis, aNumber] = a.split(".").map(Number) as [number, number];
    const [bAxis, bNumber] = b.split(".").map(Number) as [number, number];
    return aAxis - bAxis || aNumber - bNumber;
  };
  const measures = [...results.values()].sort((a, b) => byCode(a.code, b.code));
  for (const measure of measures) {
    if (!measure.byCategory) continue;
    withholdSmallCategories(measure.byCategory);
    measure.byCategory.sort((a, b) => a.category.localeCompare(b.category));
  }

  return {
    round: { id: round.id, title: round.title, status, opensAt: round.opensAt, closesAt: round.closesAt, planId: round.plan.id, planSlug: round.plan.slug, planTitle: round.plan.title },
    categoriesShown,
    measures,
    total,
  };
}
