import type { z } from "zod";
import type { PrismaClient } from "@/lib/db/client";

/**
 * One open dataset: its filters (`query`, with `format`), its row schema (the CSV columns are the
 * schema's keys, in order) and `open`, which checks the filters against the database (unknown plan or
 * round → NOT_FOUND, before any byte is sent) and returns the rows as an async iterable read in batches.
 */
export interface Dataset<Q extends z.ZodObject = z.ZodObject, R extends z.ZodObject = z.ZodObject> {
  name: string;
  query: Q;
  row: R;
  /** The JSON wrapper's schema ({dataset, generatedAt, items}). */
  document: z.ZodObject;
  /** Which filters the dataset reads, for the documentation (OpenAPI, catalogue page). */
  filters: ReadonlyArray<{ name: "plan" | "round"; required: boolean }>;
  open(db: PrismaClient, query: z.infer<Q>, now: Date): Promise<AsyncIterable<z.infer<R>> | Iterable<z.infer<R>>>;
}

export function defineDataset<Q extends z.ZodObject, R extends z.ZodObject>(dataset: Dataset<Q, R>): Dataset<Q, R> {
  return dataset;
}

export function columnsOf(row: z.ZodObject): string[] {
  return Object.keys(row.shape);
}
