import { csvRecord, type CsvValue } from "./csv";
import type { OpenDataFormat } from "./open-data.schemas";

/** About how much text goes into one chunk of the response (a few rows, never the whole export). */
const CHUNK_CHARS = 64 * 1024;

/**
 * A dataset's rows as a web ReadableStream of CSV (header row, then one record per row, columns in
 * `columns` order) or of JSON `{"dataset": …, "generatedAt": …, "items": [ … ]}` written item by item.
 * Pull-based: the next rows are read only when the consumer asks for more (backpressure), so a slow
 * client holds the database cursor back instead of filling memory. Cancelling stops the reading.
 */
export function datasetStream<Row extends Record<string, unknown>>(options: {
  dataset: string;
  format: OpenDataFormat;
  columns: readonly (keyof Row & string)[];
  rows: AsyncIterable<Row> | Iterable<Row>;
  generatedAt: Date;
}): ReadableStream<Uint8Array> {
  const { dataset, format, columns, generatedAt } = options;
  const source = options.rows;
  const iterator = (async function* () {
    yield* source;
  })();
  const encoder = new TextEncoder();
  let started = false;
  let first = true;
  let done = false;

  const opening = () =>
    format === "csv" ? csvRecord(columns) : `{"dataset":${JSON.stringify(dataset)},"generatedAt":${JSON.stringify(generatedAt.toISOString())},"items":[`;
  const item = (row: Row) => {
    if (format === "csv") return csvRecord(columns.map((column) => row[column] as CsvValue));
    const json = JSON.stringify(row);
    const text = first ? json : `,${json}`;
    first = false;
    return text;
  };

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (done) return;
        let text = "";
        if (!started) {
          started = true;
          text += opening();
        }
        while (text.length < CHUNK_CHARS) {
          const next = await iterator.next();
          if (next.done) {
            done = true;
            if (format === "json") text += "]}";
            break;
          }
          text += item(next.value);
        }
        if (text) controller.enqueue(encoder.encode(text));
        if (done) controller.close();
      },
      async cancel() {
        done = true;
        await iterator.return?.(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}
