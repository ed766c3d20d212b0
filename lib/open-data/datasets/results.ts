import type { PrismaClient } from "@/lib/db/client";
import { getVoteResults, type Tally, voteSources } from "@/lib/participation/get-vote-results";
import { defineDataset } from "../dataset";
import { type ResultRow, resultRowSchema, resultsDatasetQuerySchema, resultsDocumentSchema } from "../open-data.schemas";
import { roundFilter } from "../plan-filter";

/**
 * A round's aggregated vote results, as its public results page shows them (lib/participation/
 * get-vote-results.ts): per measure, one row per channel and the total; once the round is closed, one
 * row per stakeholder category, with the counts of too-small categories withheld (k-anonymity). Never
 * an individual vote. Aggregates are small (measures × groups): computed at once.
 */
export const resultsDataset = defineDataset({
  name: "results",
  query: resultsDatasetQuerySchema,
  row: resultRowSchema,
  document: resultsDocumentSchema,
  filters: [{ name: "round", required: true }],
  async open(db: PrismaClient, query, now) {
    const round = await roundFilter(db, query.round);
    return resultRows(await getVoteResults(db, round.id, { now }));
  },
});

function resultRows(results: Awaited<ReturnType<typeof getVoteResults>>): ResultRow[] {
  const rows: ResultRow[] = [];
  const row = (measure: { code: string; axisNumber: number }, breakdown: ResultRow["breakdown"], group: string, tally: Tally | null): ResultRow => ({
    round: results.round.id,
    measure: measure.code,
    axis: measure.axisNumber,
    breakdown,
    group,
    withheld: tally === null,
    support: tally?.support ?? null,
    oppose: tally?.oppose ?? null,
    abstain: tally?.abstain ?? null,
    total: tally?.total ?? null,
    priorityCount: tally?.priorityCount ?? null,
    prioritySum: tally?.prioritySum ?? null,
  });
  for (const measure of results.measures) {
    for (const source of voteSources) rows.push(row(measure, "channel", source, measure.bySource[source]));
    rows.push(row(measure, "channel", "total", measure.total));
    for (const { category, tally } of measure.byCategory ?? []) rows.push(row(measure, "category", category, tally));
  }
  return rows;
}
