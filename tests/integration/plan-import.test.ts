import { readFileSync } from "node:fs";
import path from "node:path";
import type { Prisma, PrismaClient } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { importPlan, importSeedPlanIfEmpty } from "@/lib/plan/import-plan";
import { parsePlanDocument } from "@/lib/plan/parse-plan-document";
import type { ParsedPlan } from "@/lib/plan/plan.schemas";
import { databaseForThisFile } from "@/tests/support/test-database";

const db = databaseForThisFile();

const root = path.join(__dirname, "../..");
const seedFile = path.join(root, "data/piano-locale-integrato-pisa-2007.txt");
const seed = parsePlanDocument(readFileSync(seedFile, "utf8"));
const filled = parsePlanDocument(readFileSync(path.join(root, "tests/fixtures/plans/filled-two-axes.txt"), "utf8"));
const seedSlug = "quadro-di-riferimento-per-un-piano-locale-integrato";

beforeEach(async () => {
  await db.prisma.$executeRawUnsafe('TRUNCATE "Plan" CASCADE');
});

async function rowCounts() {
  const [plans, revisions, axes, axisVersions, measures, measureVersions] = await Promise.all([
    db.prisma.plan.count(),
    db.prisma.revision.count(),
    db.prisma.axis.count(),
    db.prisma.axisVersion.count(),
    db.prisma.measure.count(),
    db.prisma.measureVersion.count(),
  ]);
  return { plans, revisions, axes, axisVersions, measures, measureVersions };
}

const nothing = { plans: 0, revisions: 0, axes: 0, axisVersions: 0, measures: 0, measureVersions: 0 };

/** A client whose transaction fails at the last batch insert, after the plan, revision and axes were written. */
function failingAtMeasureVersions(client: PrismaClient): PrismaClient {
  const failingTx = (tx: Prisma.TransactionClient) =>
    new Proxy(tx, {
      get: (target, property) =>
        property === "measureVersion"
          ? { createMany: () => Promise.reject(new Error("simulated failure")) }
          : Reflect.get(target, property),
    });
  return new Proxy(client, {
    get: (target, property) =>
      property === "$transaction"
        ? (run: (tx: Prisma.TransactionClient) => Promise<unknown>) => target.$transaction((tx) => run(failingTx(tx)))
        : Reflect.get(target, property),
  });
}

describe("importPlan", () => {
  test("imports the seed as revision 1, published", async () => {
    const result = await importPlan(db.prisma, seed, { sourceFileName: "piano-locale-integrato-pisa-2007.txt" });
    expect(result).toMatchObject({ slug: seedSlug, axes: 4, measures: 37, budgetCents: 0n });

    const plan = await db.prisma.plan.findUniqueOrThrow({ where: { id: result.planId }, include: { currentRevision: true } });
    expect(plan).toMatchObject({
      slug: seedSlug,
      title: "Quadro di riferimento per un Piano Locale Integrato",
      issuer: "Provincia di Pisa",
      sourceFileName: "piano-locale-integrato-pisa-2007.txt",
      currentRevisionId: result.revisionId,
    });
    expect(plan.introduction).toContain("- (4) Rete tra operatori e servizi*");
    expect(plan.currentRevision).toMatchObject({ number: 1, status: "PUBLISHED" });
    expect(plan.currentRevision?.publishedAt).toBeInstanceOf(Date);
    expect(await rowCounts()).toEqual({ plans: 1, revisions: 1, axes: 4, axisVersions: 4, measures: 37, measureVersions: 37 });
  });

  test("stores axes, bullets and measures in document order with empty decision fields", async () => {
    const { revisionId } = await importPlan(db.prisma, seed);
    const axes = await db.prisma.axisVersion.findMany({ where: { revisionId }, orderBy: { position: "asc" }, include: { axis: true } });
    expect(axes.map((version) => [version.position, version.axis.number, version.resultsBullets.length])).toEqual([
      [1, 1, 4],
      [2, 2, 0],
      [3, 3, 8],
      [4, 4, 8],
    ]);
    const measures = await db.prisma.measureVersion.findMany({ where: { revisionId }, orderBy: { position: "asc" }, include: { measure: true } });
    expect(measures.map((version) => version.position)).toEqual(Array.from({ length: 37 }, (_, index) => index + 1));
    expect(measures.map((version) => version.measure.code).slice(5, 8)).toEqual(["1.6", "2.1", "2.2"]);
    expect(measures.at(-1)?.measure.code).toBe("4.4");
    for (const version of measures) {
      expect(version).toMatchObject({ timing: null, startsOn: null, endsOn: null, budgetCents: null, fundingSource: null, department: null });
    }
  });

  test("stores filled decision fields: dates as UTC midnight, budgets in cents", async () => {
    const result = await importPlan(db.prisma, filled);
    expect(result).toMatchObject({ slug: "piano-locale-integrato-2008-2010", axes: 2, measures: 7, budgetCents: 132_740_150n });
    const first = await db.prisma.measureVersion.findFirstOrThrow({ where: { revisionId: result.revisionId, measure: { code: "1.1" } } });
    expect(first).toMatchObject({
      timing: "01/03/2008 - 31/12/2009",
      startsOn: new Date("2008-03-01T00:00:00.000Z"),
      endsOn: new Date("2009-12-31T00:00:00.000Z"),
      budgetCents: 12_500_050n,
      fundingSource: "Fondo sociale europeo (FSE)",
      department: "Servizio lavoro",
    });
    const axis = await db.prisma.axisVersion.findFirstOrThrow({ where: { revisionId: result.revisionId, position: 1 } });
    expect(axis.measuresIntro).toBe("Le misure seguenti sono cofinanziate dal Fondo sociale europeo:");
  });

  test("gives every plan a unique slug", async () => {
    const slugs = [];
    for (let index = 0; index < 3; index++) slugs.push((await importPlan(db.prisma, seed)).slug);
    expect(slugs).toEqual([seedSlug, `${seedSlug}-2`, `${seedSlug}-3`]);
    expect((await importPlan(db.prisma, seed, { slug: "Piano di Pisa" })).slug).toBe("piano-di-pisa");
    expect((await importPlan(db.prisma, seed, { slug: "piano-di-pisa" })).slug).toBe("piano-di-pisa-2");
  });

  test("writes nothing when the transaction fails mid-way", async () => {
    await expect(importPlan(failingAtMeasureVersions(db.prisma), seed)).rejects.toThrow("simulated failure");
    expect(await rowCounts()).toEqual(nothing);
  });

  test("refuses a hand-made plan that breaks the parser's invariants", async () => {
    const [axis] = seed.axes;
    const duplicated: ParsedPlan = { ...seed, axes: [axis as ParsedPlan["axes"][number], axis as ParsedPlan["axes"][number]] };
    const error = await importPlan(db.prisma, duplicated).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "VALIDATION", messageKey: "planImport.errors.invalidPlan" });
    expect(await rowCounts()).toEqual(nothing);
  });
});

describe("importSeedPlanIfEmpty", () => {
  test("imports the seed once, then leaves the database alone", async () => {
    const first = await importSeedPlanIfEmpty(db.prisma, seedFile);
    expect(first).toMatchObject({ slug: seedSlug, axes: 4, measures: 37 });
    expect(await importSeedPlanIfEmpty(db.prisma, seedFile)).toBeNull();
    expect((await rowCounts()).plans).toBe(1);
    expect(await db.prisma.plan.findFirstOrThrow()).toMatchObject({ sourceFileName: "piano-locale-integrato-pisa-2007.txt" });
  });

  test("imports once when several instances start together", async () => {
    const results = await Promise.all([1, 2, 3].map(() => importSeedPlanIfEmpty(db.prisma, seedFile)));
    expect(results.filter((result) => result !== null)).toHaveLength(1);
    expect(await rowCounts()).toMatchObject({ plans: 1, measures: 37 });
  });

  test("does not import when another plan exists", async () => {
    await importPlan(db.prisma, filled);
    expect(await importSeedPlanIfEmpty(db.prisma, seedFile)).toBeNull();
    expect((await rowCounts()).plans).toBe(1);
  });
});
