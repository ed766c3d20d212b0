import { datasetStream } from "@/lib/open-data/stream-dataset";

async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe("datasetStream", () => {
  const generatedAt = new Date("2026-11-28T10:00:00.000Z");
  const rows = [
    { code: "1.1", title: "Città, “bella”", cents: 1050 },
    { code: "1.2", title: "=1+1", cents: null },
  ];

  test("CSV: header row, then one record per row", async () => {
    const csv = await text(datasetStream({ dataset: "x", format: "csv", columns: ["code", "title", "cents"], rows, generatedAt }));
    expect(csv).toBe('code,title,cents\r\n1.1,"Città, “bella”",1050\r\n1.2,\'=1+1,\r\n');
  });

  test("JSON: the wrapper with every item, valid JSON", async () => {
    const json = await text(datasetStream({ dataset: "x", format: "json", columns: ["code", "title", "cents"], rows, generatedAt }));
    expect(JSON.parse(json)).toEqual({ dataset: "x", generatedAt: generatedAt.toISOString(), items: rows });
    expect(JSON.parse(await text(datasetStream({ dataset: "x", format: "json", columns: [], rows: [], generatedAt })))).toEqual({ dataset: "x", generatedAt: generatedAt.toISOString(), items: [] });
  });

  test("pull-based: rows are read only as the consumer asks, and cancelling stops the source", async () => {
    let produced = 0;
    let finished = false;
    async function* many() {
      try {
        for (let i = 0; i < 100_000; i++) {
          produced += 1;
          yield { n: i, text: "x".repeat(100) };
        }
      } finally {
        finished = true;
      }
    }
    const reader = datasetStream({ dataset: "x", format: "csv", columns: ["n", "text"], rows: many(), generatedAt }).getReader();
    await reader.read();
    await new Promise((resolve) => setTimeout(resolve, 20));
    // One chunk (about 64 KB) read, and at most one more buffered: far from the 100,000 rows.
    expect(produced).toBeLessThan(2_000);
    await reader.cancel();
    expect(finished).toBe(true);
    expect(produced).toBeLessThan(2_000);
  });
});
