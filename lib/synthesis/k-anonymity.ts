/**
 * k-anonymity for public results by stakeholder category (one measure's rows at a time).
 *
 * A category with fewer than minVoters voters would let a reader guess how its few members voted,
 * so its counts are merged into one MERGED_CATEGORY ("OTHER") row. Because public pages also show
 * the overall totals, a small "OTHER" row could still be recovered by subtracting the other rows from
 * the total: while the "OTHER" row is below minVoters, the smallest remaining category (ties: the
 * first in input order) is merged into it too. Only when every voter of the measure together is fewer
 * than minVoters does the "OTHER" row stay below the threshold; it is then flagged `suppressed` and
 * the page must show that results are withheld instead of its numbers (and of the total).
 *
 * A category nobody voted in reveals no vote: it passes through unchanged as a zero row.
 * All arithmetic is on integers and exact.
 */

export const K_ANONYMITY_MIN_VOTERS = 5;
export const MERGED_CATEGORY = "OTHER";

export type CategoryTally = {
  category: string;
  support: number;
  oppose: number;
  abstain: number;
  /** Sum and count of the priorities given (voters may give none). */
  prioritySum: number;
  priorityCount: number;
};

export type AnonymizedTally = CategoryTally & {
  /** support + oppose + abstain */
  voters: number;
  /** True for the MERGED_CATEGORY row. */
  merged: boolean;
  /** True when even the merged row has fewer than minVoters voters: do not show its numbers. */
  suppressed: boolean;
};

export type MergeResult = {
  /** Unmerged categories in input order, then the MERGED_CATEGORY row if any category was merged. */
  rows: AnonymizedTally[];
  /** Categories folded into MERGED_CATEGORY, in input order. */
  mergedCategories: string[];
};

export function mergeSmallCategories(rows: readonly CategoryTally[], minVoters = K_ANONYMITY_MIN_VOTERS): MergeResult {
  if (!Number.isSafeInteger(minVoters) || minVoters < 1) throw new RangeError(`minVoters must be a positive integer: ${minVoters}`);
  const seen = new Set<string>();
  for (const row of rows) {
    if (row.category === MERGED_CATEGORY) throw new RangeError(`"${MERGED_CATEGORY}" is reserved for merged categories`);
    if (seen.has(row.category)) throw new RangeError(`Category listed twice: ${row.category}`);
    seen.add(row.category);
    for (const field of ["support", "oppose", "abstain", "prioritySum", "priorityCount"] as const) {
      if (!Number.isSafeInteger(row[field]) || row[field] < 0) {
        throw new RangeError(`${field} of ${row.category} must be a non-negative integer: ${row[field]}`);
      }
    }
  }

  const voters = (row: CategoryTally) => row.support + row.oppose + row.abstain;
  const toMerge = new Set(rows.filter((row) => voters(row) > 0 && voters(row) < minVoters).map((row) => row.category));
  if (toMerge.size > 0) {
    let mergedVoters = rows.filter((row) => toMerge.has(row.category)).reduce((sum, row) => sum + voters(row), 0);
    while (mergedVoters < minVoters) {
      let smallest: CategoryTally | undefined;
      for (const row of rows) {
        if (voters(row) === 0 || toMerge.has(row.category)) continue;
        if (!smallest || voters(row) < voters(smallest)) smallest = row;
      }
      if (!smallest) break;
      toMerge.add(smallest.category);
      mergedVoters += voters(smallest);
    }
  }

  const result: AnonymizedTally[] = [];
  const other: AnonymizedTally = {
    category: MERGED_CATEGORY,
    support: 0,
    oppose: 0,
    abstain: 0,
    prioritySum: 0,
    priorityCount: 0,
    voters: 0,
    merged: true,
    suppressed: false,
  };
  for (const row of rows) {
    const tally = {
      category: row.category,
      support: row.support,
      oppose: row.oppose,
      abstain: row.abstain,
      prioritySum: row.prioritySum,
      priorityCount: row.priorityCount,
    };
    if (!toMerge.has(row.category)) {
      result.push({ ...tally, voters: voters(row), merged: false, suppressed: false });
      continue;
    }
    other.support += row.support;
    other.oppose += row.oppose;
    other.abstain += row.abstain;
    other.prioritySum += row.prioritySum;
    other.priorityCount += row.priorityCount;
    other.voters += voters(row);
  }
  if (toMerge.size > 0) {
    other.suppressed = other.voters < minVoters;
    result.push(other);
  }
  return { rows: result, mergedCategories: rows.filter((row) => toMerge.has(row.category)).map((row) => row.category) };
}
