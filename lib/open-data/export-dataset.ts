import type { PrismaClient } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { findDataset } from "./catalogue";
import { columnsOf } from "./dataset";
import type { OpenDataFormat } from "./open-data.schemas";
import { datasetStream } from "./stream-dataset";

export interface DatasetExport {
  dataset: string;
  format: OpenDataFormat;
  /** "<dataset>.csv" or "<dataset>.json". */
  filename: string;
  contentType: string;
  body: ReadableStream<Uint8Array>;
}

/**
 * An open dataset as a streamed CSV or JSON document. Public (no actor). The filters are checked
 * first (bad → VALIDATION, unknown plan or round → NOT_FOUND), so errors come before the first byte;
 * the rows are then read from the database in batches as the consumer reads the stream.
 */
export async function exportDataset(db: PrismaClient, name: string, rawQuery: Record<string, string>, now: Date = new Date()): Promise<DatasetExport> {
  const dataset = findDataset(name);
  if (!dataset) throw new AppError("NOT_FOUND", "openData.errors.datasetNotFound", { value: name });
  const parsed = dataset.query.safeParse(rawQuery);
  if (!parsed.success) {
    const shown = Object.entries(rawQuery).map(([key, value]) => `${key}=${value}`).join("&").slice(0, 80);
    throw new AppError("VALIDATION", "openData.errors.invalidQuery", { value: shown }, parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })));
  }
  const query = parsed.data as { format: OpenDataFormat };
  const rows = await dataset.open(db, query as never, now);
  const format = query.format;
  return {
    dataset: dataset.name,
    format,
    filename: `${dataset.name}.${format}`,
    contentType: format === "csv" ? "text/csv; charset=utf-8; header=present" : "application/json; charset=utf-8",
    body: datasetStream({ dataset: dataset.name, format, columns: columnsOf(dataset.row), rows: rows as Iterable<Record<string, unknown>>, generatedAt: now }),
  };
}
