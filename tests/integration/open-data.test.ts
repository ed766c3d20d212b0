/**
 * Open data exports on real PostgreSQL, from a hand-built published round
 * (tests/support/synthesis-public-scenario.ts) plus proposals with awkward texts and decisions:
 * every dataset in CSV (parsed with a strict RFC 4180 parser below) and JSON (validated with the
 * zod row schemas the OpenAPI document publishes); formulas neutralised; hidden proposals, unpublished
 * decisions and anyone's identity absent; results k-anonymous; filters checked. And memory: the export
 * of a round with 85,000 long proposals (CSV ~80 MB, JSON ~100 MB) streams with the process' memory under a fixed bound.
 */
import v8 from "node:v8";
import vm from "node:vm";
import { AppError } from "@/lib/errors/app-error";
import { openDatasets } from "@/lib/open-data/catalogue";
import { columnsOf } from "@/lib/open-data/dataset";
import { exportDataset } from "@/lib/open-data/export-dataset";
import { MIN_CATEGORY_VOTERS } from "@/lib/participation/get-vote-results";
import { freshPlan } from "../support/scheduling-factory";
import { type PublicScenario, buildPublicScenario } from "../support/synthesis-public-scenario";
import { databaseForThisFile } from "../support/test-database";

jest.setTimeout(180_000);
// The memory test collects garbage before sampling (vm.runInNewContext("gc") needs the flag).
v8.setFlagsFromString("--expose-gc");
const db = databaseForThisFile();

/** RFC 4180, strictly: CRLF records, quoted fields with doubled quotes; anything else is an error. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  for (;;) {
    let field = "";
    if (text[i] === '"') {
      i += 1;
      for (;;) {
        if (i >= text.length) throw new Error("unterminated quoted field");
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        field += text[i];
        i += 1;
      }
    } else {
      while (i < text.length && text[i] !== "," && text[i] !== "\r" && text[i] !== "\n") {
        if (text[i] === '"') throw new Error(`quote inside an unquoted field at ${i}`);
        field += text[i];
        i += 1;
      }
    }
    record.push(field);
    if (text[i] === ",") {
      i += 1;
      continue;
    }
    if (text[i] === "\r" && text[i + 1] === "\n") {
      records.push(record);
      record = [];
      i += 2;
      if (i === text.length) return records;
      continue;
    }
    throw new Error(`expected a comma or CRLF at ${i}, found ${JSON.stringify(text.slice(i, i + 10))}`);
  }
}

async function download(name: string, query: Record<string, string> = {}) {
  const result = await exportDataset(db.prisma, name, query);
  return { ...result, text: await new Response(result.body).text() };
}

/** A dataset in both formats: JSON validated with its schema, CSV parsed, the two agreeing cell by cell. */
async function both(name: string, query: Record<string, string> = {}) {
  const dataset = openDatasets.find((candidate) => candidate.name === name)!;
  const json = await download(name, { ...query, format: "json" });
  expect(json.contentType).toBe("application/json; charset=utf-8");
  const document = dataset.document.parse(JSON.parse(json.text)) as { dataset: string; items: Array<Record<string, unknown>> };
  expect(document.dataset).toBe(name);
  for (const item of document.items) dataset.row.parse(item);
  const csv = await download(name, { ...query, format: "csv" });
  expect(csv.contentType).toBe("text/csv; charset=utf-8; header=present");
  expect(csv.filename).toBe(`${name}.csv`);
  const [header, ...records] = parseCsv(csv.text);
  const columns = columnsOf(dataset.row);
  expect(header).toEqual(columns);
  expect(records).toHaveLength(document.items.length);
  // Cell by cell: null → empty, numbers as numbers, text neutralised when it starts like a formula.
  records.forEach((record, index) => {
    const item = document.items[index]!;
    expect(record).toEqual(columns.map((column) => {
      const value = item[column];
      if (value === null) return "";
      if (typeof value === "string") return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
      return String(value);
    }));
  });
  return { items: document.items, records: records.map((record) => Object.fromEntries(columns.map((column, index) => [column, record[index]!]))), csv: csv.text, json: json.text };
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

let scenario: PublicScenario;
let author: { id: string; email: string; displayName: string };
const awkward = {
  formula: "=SOMMA(A1)",
  phone: "+39 050 123456",
  minus: "-x",
  at: "@x",
  italian: 'Più verde, "subito": città, perché sì\nseconda riga',
};

beforeAll(async () => {
  const plan = await freshPlan(db.prisma);
  scenario = await buildPublicScenario(db.prisma, plan.id, "dati-aperti");
  const user = await db.prisma.user.create({
    data: { email: "autrice-dati-aperti@example.it", name: "Nome Riservato", role: "STAKEHOLDER", profile: { create: { displayName: "Giulia Riservata", category: "YOUNG_PERSON" } } },
    select: { id: true, email: true },
  });
  author = { id: user.id, email: user.email!, displayName: "Giulia Riservata" };
  const proposal = (title: string, extra: object = {}) =>
    db.prisma.proposal.create({ data: { roundId: scenario.round.id, authorId: author.id, kind: "AMEND_MEASURE", measureId: scenario.measures.changed.id, title, rationale: `Motivazione di ${title}`, ...extra } });
  for (const title of Object.values(awkward)) await proposal(title);
  await proposal("Proposta nascosta dalla moderazione", { moderation: "HIDDEN", hiddenReason: "Offensiva" });
  await proposal("Proposta con budget", { kind: "DECISION_FIELDS", proposedBudgetCents: 123_456_789n, proposedFundingSource: "FESR" });

  // Decisions on the published revision: two published versions, and an unpublished one on the draft.
  const revision = await db.prisma.revision.findFirstOrThrow({ where: { planId: plan.id, number: scenario.published }, select: { id: true } });
  const draft = await db.prisma.revision.findFirstOrThrow({ where: { planId: plan.id, number: scenario.draft }, select: { id: true } });
  const decided = new Date("2026-10-01T09:00:00.000Z");
  await db.prisma.decision.create({ data: { revisionId: revision.id, measureId: scenario.measures.changed.id, version: 1, budgetCents: 2_500_000n, fundingSource: "Regione Toscana", department: "Servizi sociali", note: "Prima decisione, con virgole, e \"virgolette\".", decidedById: author.id, decidedAt: decided, publishedAt: decided } });
  await db.prisma.decision.create({ data: { revisionId: revision.id, measureId: scenario.measures.changed.id, version: 2, timing: "24 mesi", startsOn: new Date("2027-01-01T00:00:00.000Z"), endsOn: new Date("2028-12-31T00:00:00.000Z"), budgetCents: 3_000_001n, fundingSource: "Regione Toscana", department: "Servizi sociali", note: "=Aggiornata", decidedById: author.id, decidedAt: new Date(decided.getTime() + 3600_000), publishedAt: new Date(decided.getTime() + 3600_000) } });
  await db.prisma.decision.create({ data: { revisionId: revision.id, measureId: scenario.measures.fields.id, version: 1, budgetCents: 7_000_000n, fundingSource: "FESR", department: "Ufficio Ambiente", note: "", decidedAt: new Date(decided.getTime() + 60_000), publishedAt: new Date(decided.getTime() + 60_000) } });
  await db.prisma.decision.create({ data: { revisionId: draft.id, measureId: scenario.measures.changed.id, version: 1, budgetCents: 999n, note: "Bozza non pubblica", decidedAt: decided } });
});

describe("every dataset, CSV and JSON", () => {
  test("revisions: every published revision's measures, drafts never", async () => {
    const { items } = await both("revisions", { plan: scenario.plan.slug });
    const revisions = [...new Set(items.map((item) => item.revision))];
    expect(revisions).toEqual([scenario.consulted, scenario.published]);
    expect(items.filter((item) => item.revision === scenario.consulted)).toHaveLength(scenario.consultedMeasures);
    const fields = items.find((item) => item.revision === scenario.consulted && item.measure === scenario.measures.fields.code)!;
    expect(fields).toMatchObject({ budgetCents: 10_000_000, fundingSource: "Comune di Pisa", department: null });
    expect(items.find((item) => item.revision === scenario.published && item.measure === scenario.measures.fields.code)).toMatchObject({ budgetCents: 15_000_000, department: "Ufficio Ambiente" });
    expect(items.some((item) => item.measure === scenario.added.code && item.revision === scenario.published)).toBe(true);
    expect(JSON.stringify(items)).not.toContain("Testo della bozza, non pubblico.");
    // Without ?plan=, the main plan (the only one here).
    expect((await both("revisions")).items).toHaveLength(items.length);
  });

  test("rounds: every round with participation figures", async () => {
    const { items } = await both("rounds");
    const round = items.find((item) => item.id === scenario.round.id)!;
    expect(round).toMatchObject({ plan: scenario.plan.slug, title: scenario.round.title, status: "PUBLISHED", revision: scenario.consulted, meetings: 1, votes: 15, paperVotes: 4, comments: 1 });
    // 15 voters (one of them also the scenario's author) + the export author.
    expect(round.participants).toBe(16);
    expect(round.proposals).toBe(3 + Object.keys(awkward).length + 1); // the hidden one is not counted
    expect(items.find((item) => item.id === scenario.draftRound.id)).toMatchObject({ status: "SYNTHESIS" });
    expect((await both("rounds", { plan: scenario.plan.slug })).items).toHaveLength(items.length);
  });

  test("results: per measure × channel and k-anonymous categories, never individual votes", async () => {
    const { items, csv } = await both("results", { round: scenario.round.id });
    const changed = items.filter((item) => item.measure === scenario.measures.changed.code);
    const channel = (group: string) => changed.find((item) => item.breakdown === "channel" && item.group === group)!;
    expect(channel("web")).toMatchObject({ support: 9, oppose: 4, abstain: 1, total: 14, withheld: false });
    expect(channel("paper")).toMatchObject({ support: 3, oppose: 1, total: 4, priorityCount: 2, prioritySum: 8 });
    expect(channel("total")).toMatchObject({ total: 18 });
    const categories = changed.filter((item) => item.breakdown === "category");
    // CITIZEN 6 shown; BUSINESS 2 and THIRD_SECTOR 1 withheld, and FAMILY 5 too (else 3 = 14 − 11 by subtraction).
    expect(categories.map((item) => [item.group, item.withheld, item.total])).toEqual([
      ["BUSINESS", true, null],
      ["CITIZEN", false, 6],
      ["FAMILY", true, null],
      ["THIRD_SECTOR", true, null],
    ]);
    for (const measure of new Set(items.map((item) => item.measure))) {
      const rows = items.filter((item) => item.measure === measure && item.breakdown === "category");
      for (const row of rows) if (!row.withheld) expect(row.total as number).toBeGreaterThanOrEqual(MIN_CATEGORY_VOTERS);
      const shown = rows.filter((row) => !row.withheld).reduce((sum, row) => sum + (row.total as number), 0);
      const individual = items.filter((item) => item.measure === measure && item.breakdown === "channel" && (item.group === "web" || item.group === "live")).reduce((sum, row) => sum + (row.total as number), 0);
      // What is withheld cannot be got back by subtraction (unless every category is withheld: then nothing is shown).
      if (rows.some((row) => row.withheld) && rows.some((row) => !row.withheld)) expect(individual - shown).toBeGreaterThanOrEqual(MIN_CATEGORY_VOTERS);
    }
    expect(csv).not.toMatch(/sintesi-dati-aperti-\d+@|Votante \d/);
  });

  test("proposals: visible ones with answers, formulas neutralised, author's category only", async () => {
    const { items, records, csv, json } = await both("proposals", { round: scenario.round.id });
    expect(items.map((item) => item.title)).not.toContain("Proposta nascosta dalla moderazione");
    expect(items).toHaveLength(3 + Object.keys(awkward).length + 1);
    const record = (title: string) => records.find((candidate) => candidate.title === title || candidate.title === `'${title}`)!;
    expect(record(awkward.formula).title).toBe("'=SOMMA(A1)");
    expect(record(awkward.phone).title).toBe("'+39 050 123456");
    expect(record(awkward.minus).title).toBe("'-x");
    expect(record(awkward.at).title).toBe("'@x");
    expect(record(awkward.italian).title).toBe(awkward.italian);
    expect(csv).toContain('"Più verde, ""subito"": città, perché sì\nseconda riga"');
    expect(items.find((item) => item.title === awkward.formula)).toMatchObject({ authorCategory: "YOUNG_PERSON", measure: scenario.measures.changed.code, status: "OPEN", answer: null, supports: 0 });
    expect(items.find((item) => item.title === "Proposta con budget")).toMatchObject({ kind: "DECISION_FIELDS", proposedBudgetCents: 123_456_789, proposedFundingSource: "FESR" });
    expect(record("Proposta con budget").proposedBudgetCents).toBe("123456789");
    const accepted = items.find((item) => item.id === scenario.proposals.accepted)!;
    expect(accepted).toMatchObject({ status: "ACCEPTED", answer: "Accolta: il tavolo sarà stabile e aperto ai servizi sociali.", supports: 1, authorCategory: "CITIZEN" });
    expect(accepted.answeredAt).toEqual(expect.any(String));
    for (const text of [csv, json]) {
      for (const secret of [author.id, author.email, author.displayName, "Nome Riservato", "Offensiva"]) expect(text).not.toContain(secret);
      expect(text).not.toMatch(/authorId|authorName|hiddenReason/);
    }
    // Without ?round=, every round's.
    expect((await both("proposals")).items.length).toBeGreaterThanOrEqual(items.length);
  });

  test("decisions: every published version, never drafts or who decided", async () => {
    const { items, records, json } = await both("decisions", { plan: scenario.plan.slug });
    expect(items.map((item) => [item.measure, item.version, item.budgetCents])).toEqual([
      [scenario.measures.changed.code, 1, 2_500_000],
      [scenario.measures.fields.code, 1, 7_000_000],
      [scenario.measures.changed.code, 2, 3_000_001],
    ]);
    expect(items[2]).toMatchObject({ revision: scenario.published, timing: "24 mesi", startsOn: "2027-01-01", endsOn: "2028-12-31", note: "=Aggiornata" });
    expect(records[2]!.note).toBe("'=Aggiornata");
    expect(records[0]!.note).toBe('Prima decisione, con virgole, e "virgolette".');
    expect(json).not.toContain("Bozza non pubblica");
    expect(json).not.toContain(author.id);
  });

  test("budget-totals: the public decisions' budgets by axis, source and department, in integer cents", async () => {
    const { items, records } = await both("budget-totals", { plan: scenario.plan.slug });
    expect(new Set(items.map((item) => item.revision))).toEqual(new Set([scenario.published]));
    const axis1 = items.find((item) => item.dimension === "axis" && item.key === "1")!;
    // 1.1's public decision (v2: 3,000,001) + 1.2's (7,000,000).
    expect(axis1).toMatchObject({ budgetCents: 10_000_001, measures: 2 });
    expect(items.find((item) => item.dimension === "fundingSource" && item.key === "Regione Toscana")).toMatchObject({ budgetCents: 3_000_001, measures: 1 });
    expect(items.find((item) => item.dimension === "department" && item.key === "Ufficio Ambiente")).toMatchObject({ budgetCents: 7_000_000 });
    expect(records.find((record) => record.dimension === "axis" && record.key === "1")!.budgetCents).toBe("10000001");
    for (const item of items) expect(Number.isInteger(item.budgetCents)).toBe(true);
  });
});

describe("filters", () => {
  test("bad values → VALIDATION; unknown plan or round → NOT_FOUND, before any byte", async () => {
    expect((await refusal(exportDataset(db.prisma, "results", {}))).code).toBe("VALIDATION");
    expect((await refusal(exportDataset(db.prisma, "results", { round: "not-a-uuid" }))).code).toBe("VALIDATION");
    expect((await refusal(exportDataset(db.prisma, "proposals", { format: "xml" }))).code).toBe("VALIDATION");
    expect((await refusal(exportDataset(db.prisma, "revisions", { plan: "Not_A_Slug" }))).code).toBe("VALIDATION");
    expect((await refusal(exportDataset(db.prisma, "results", { round: "00000000-0000-4000-8000-000000000000" }))).code).toBe("NOT_FOUND");
    expect((await refusal(exportDataset(db.prisma, "proposals", { round: "00000000-0000-4000-8000-000000000000" }))).code).toBe("NOT_FOUND");
    expect((await refusal(exportDataset(db.prisma, "decisions", { plan: "piano-che-non-esiste" }))).code).toBe("NOT_FOUND");
    expect((await refusal(exportDataset(db.prisma, "budget-totals", { plan: "piano-che-non-esiste" }))).code).toBe("NOT_FOUND");
    expect((await refusal(exportDataset(db.prisma, "votes", {}))).code).toBe("NOT_FOUND");
  });
});

describe("memory", () => {
  const PROPOSALS = 85_000;
  const BOUND = 64 * 1024 * 1024;

  test(`${PROPOSALS.toLocaleString("en")} long proposals stream in CSV and JSON with memory under a fixed bound`, async () => {
    const round = await db.prisma.round.create({
      data: { planId: scenario.plan.id, revisionId: (await db.prisma.plan.findUniqueOrThrow({ where: { id: scenario.plan.id }, select: { currentRevisionId: true } })).currentRevisionId!, title: "Consultazione enorme", status: "CLOSED", opensAt: new Date(Date.now() - 20 * 86_400_000), closesAt: new Date(Date.now() - 10 * 86_400_000) },
      select: { id: true },
    });
    // ~770 characters of body each, with commas, quotes and accents (quoted in CSV, escaped in JSON).
    await db.prisma.$executeRaw`
      INSERT INTO "Proposal" ("id", "roundId", "authorId", "kind", "measureId", "title", "rationale", "tags", "status", "moderation", "createdAt", "updatedAt")
      SELECT gen_random_uuid(), ${round.id}::uuid, ${author.id}::uuid, 'AMEND_MEASURE', ${scenario.measures.changed.id}::uuid,
             'Proposta numero ' || n, repeat('Più servizi, "subito" e per tutti: è già tardi; ', 16) || n, '{}', 'OPEN', 'VISIBLE',
             now() - make_interval(secs => ${PROPOSALS} - n), now()
      FROM generate_series(1, ${PROPOSALS}) AS n`;

    const gc = vm.runInNewContext("gc") as () => void;
    for (const format of ["csv", "json"] as const) {
      gc();
      const baseline = process.memoryUsage();
      const base = baseline.heapUsed + baseline.external;
      let peak = 0;
      let rawPeak = 0;
      let bytes = 0;
      let newlines = 0;
      const started = Date.now();
      const { body } = await exportDataset(db.prisma, "proposals", { round: round.id, format });
      const reader = body.getReader();
      let chunks = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        bytes += value.byteLength;
        if (format === "csv") for (const byte of value) if (byte === 10) newlines += 1;
        chunks += 1;
        // Every ~1 MB: collect the garbage, then sample what the process still holds. A buffered
        // export would be held (and grow with it); a streamed one holds a batch or two.
        if (chunks % 16 === 0) {
          const raw = process.memoryUsage();
          rawPeak = Math.max(rawPeak, raw.heapUsed + raw.external - base);
          gc();
          const usage = process.memoryUsage();
          peak = Math.max(peak, usage.heapUsed + usage.external - base);
        }
      }
      const seconds = (Date.now() - started) / 1000;
      process.stdout.write(`open-data memory ${format}: ${(bytes / 2 ** 20).toFixed(1)} MB in ${chunks} chunks, ${seconds.toFixed(1)} s, held at most ${(peak / 2 ** 20).toFixed(1)} MB more (with garbage: ${(rawPeak / 2 ** 20).toFixed(1)} MB)\n`);
      // The export is larger than the bound (so buffering it would fail), the memory growth far below it.
      expect(bytes).toBeGreaterThan(BOUND);
      expect(peak).toBeLessThan(BOUND);
      // Every row came out: the header + one record per proposal (each body holds no newline).
      if (format === "csv") expect(newlines).toBe(PROPOSALS + 1);
    }
  });
});
