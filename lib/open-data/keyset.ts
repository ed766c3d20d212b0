/** Rows per database query of an export: bounded, so memory stays flat whatever the dataset's size. */
export const OPEN_DATA_BATCH_SIZE = 1000;

/**
 * Reads a table in keyset-paged batches: `fetchBatch(last, take)` returns the rows after `last`
 * (null for the first batch) in the key's order; no OFFSET. The next batch is fetched while the
 * current one is being consumed (one batch ahead), so the database and the serialisation overlap;
 * never more than two batches in memory.
 */
export async function* keysetBatches<T>(fetchBatch: (last: NoInfer<T> | null, take: number) => Promise<T[]>, batchSize = OPEN_DATA_BATCH_SIZE): AsyncGenerator<T> {
  let pending: Promise<T[]> | null = fetchBatch(null, batchSize);
  try {
    while (pending) {
      const batch: T[] = await pending;
      pending = batch.length < batchSize ? null : fetchBatch(batch[batch.length - 1]!, batchSize);
      // A read-ahead that fails while the consumer stops early must not become an unhandled rejection.
      pending?.catch(() => undefined);
      for (const row of batch) yield row;
    }
  } finally {
    pending = null;
  }
}

export const isoInstant = (date: Date | null): string | null => (date ? date.toISOString() : null);

/** Integer cents from the database's bigint, as a JSON-safe number (exact below 2^53). */
export function centsNumber(value: bigint | null): number | null {
  if (value === null) return null;
  const number = Number(value);
  if (!Number.isSafeInteger(number)) throw new RangeError(`Amount beyond 2^53 cents: ${value}`);
  return number;
}
