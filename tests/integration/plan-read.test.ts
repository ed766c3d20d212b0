import { findMainPlan } from "@/lib/plan/find-main-plan";
import { getMeasure } from "@/lib/plan/get-measure";
import { getPlan } from "@/lib/plan/get-plan";
import { listPlans } from "@/lib/plan/list-plans";
import { listRevisions } from "@/lib/plan/list-revisions";
import { planAddressExists } from "@/lib/plan/plan-address-exists";
import { measureDetailDto, planDto, planListDto } from "@/lib/plan/plan.schemas";
import { toMeasureDetailDto, toPlanDto, toPlanListDto } from "@/lib/plan/plan-dto";
import { createNextRevision, importSeedPlan } from "@/tests/support/plan-factory";
import { databaseForThisFile } from "@/tests/support/test-database";

const db = databaseForThisFile();

let seed: { planId: string; slug: string };

beforeAll(async () => {
  seed = await importSeedPlan(db.prisma);
}, 120_000);

describe("the seed plan as published in revision 1", () => {
  test("has 4 axes with 4/0/8/8 expected results and 6/7/20/4 measures, every decision field empty", async () => {
    const plan = await getPlan(db.prisma, { slug: seed.slug });
    expect(plan.revision).toMatchObject({ number: 1, status: "PUBLISHED" });
    expect(plan.currentRevisionNumber).toBe(1);
    expect(plan.axes.map((axis) => [axis.number, axis.title, axis.resultsBullets.length, axis.measures.length])).toEqual([
      [1, "Buona governance", 4, 6],
      [2, "Attenzione verso il territorio", 0, 7],
      [3, "Capacità di programmare e progettare", 8, 20],
      [4, "Rete tra operatori e servizi", 8, 4],
    ]);
    const measures = plan.axes.flatMap((axis) => axis.measures);
    expect(measures.map((measure) => measure.code)).toEqual([
      ...[1, 2, 3, 4, 5, 6].map((n) => `1.${n}`),
      ...[1, 2, 3, 4, 5, 6, 7].map((n) => `2.${n}`),
      ...Array.from({ length: 20 }, (_, i) => `3.${i + 1}`),
      ...[1, 2, 3, 4].map((n) => `4.${n}`),
    ]);
    for (const measure of measures) {
      expect([measure.timing, measure.startsOn, measure.endsOn, measure.budgetCents, measure.fundingSource, measure.department]).toEqual([null, null, null, null, null, null]);
    }
  });

  test("the API document of the plan satisfies its published schema", async () => {
    const dto = toPlanDto(await getPlan(db.prisma, { id: seed.planId }));
    expect(planDto.parse(dto)).toEqual(dto);
    expect(planListDto.parse(toPlanListDto(await listPlans(db.prisma))).plans).toEqual([
      expect.objectContaining({ slug: seed.slug, axes: 4, measures: 37, currentRevision: expect.objectContaining({ number: 1 }) }),
    ]);
  });

  test("unknown plans, measures and revisions are NOT_FOUND errors", async () => {
    await expect(getPlan(db.prisma, { slug: "nessun-piano" })).rejects.toMatchObject({ code: "NOT_FOUND", messageKey: "errors.planNotFound" });
    await expect(getPlan(db.prisma, { id: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getPlan(db.prisma, { slug: seed.slug }, 99)).rejects.toMatchObject({ code: "NOT_FOUND", messageKey: "errors.revisionNotFound" });
    await expect(getMeasure(db.prisma, { slug: seed.slug }, "9.1")).rejects.toMatchObject({ code: "NOT_FOUND", messageKey: "errors.measureNotFound" });
  });
});

describe("a plan revised after a consultation", () => {
  let second: { id: string; slug: string };

  beforeAll(async () => {
    const imported = await importSeedPlan(db.prisma, "piano-rivisto");
    second = { id: imported.planId, slug: imported.slug };
    await createNextRevision(db.prisma, second.id, {
      summary: "Esito della prima consultazione",
      edits: { "1.2": { text: "Consultazione degli stakeholders tre volte l'anno.", budgetCents: 1_250_000n, department: "Politiche sociali" } },
      retire: ["3.20"],
    });
    // A draft in progress is not public.
    await createNextRevision(db.prisma, second.id, { status: "DRAFT", edits: { "1.1": { text: "Bozza non pubblicata" } } });
  });

  test("shows the revision in force by default and older ones on request", async () => {
    const current = await getPlan(db.prisma, { slug: second.slug });
    expect(current.revision.number).toBe(2);
    const measure = current.axes[0]!.measures[1]!;
    expect(measure).toMatchObject({ code: "1.2", budgetCents: 1_250_000, department: "Politiche sociali" });
    expect(current.axes[2]!.measures).toHaveLength(19);

    const original = await getPlan(db.prisma, { slug: second.slug }, 1);
    expect(original.revision.number).toBe(1);
    expect(original.currentRevisionNumber).toBe(2);
    expect(original.axes[2]!.measures).toHaveLength(20);
    expect(original.axes[0]!.measures[1]!.budgetCents).toBeNull();
  });

  test("never exposes a draft revision", async () => {
    await expect(getPlan(db.prisma, { slug: second.slug }, 3)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const measure = await getMeasure(db.prisma, { slug: second.slug }, "1.1");
    expect(measure.history.map((entry) => entry.text)).not.toContain("Bozza non pubblicata");
  });

  test("a measure's history follows it across revisions", async () => {
    const measure = await getMeasure(db.prisma, { slug: second.slug }, "1.2");
    expect(measure.history.map((entry) => [entry.revision.number, entry.budgetCents, entry.department])).toEqual([
      [1, null, null],
      [2, 1_250_000, "Politiche sociali"],
    ]);
    expect(measure.current?.text).toBe("Consultazione degli stakeholders tre volte l'anno.");
    expect(measure.axis).toMatchObject({ number: 1, title: "Buona governance" });
    expect(measureDetailDto.parse(toMeasureDetailDto(measure)).current?.budgetCents).toBe(1_250_000);
  });

  test("a retired measure keeps its history but has no current version", async () => {
    const retired = await getMeasure(db.prisma, { slug: second.slug }, "3.20");
    expect(retired.current).toBeNull();
    expect(retired.history.map((entry) => entry.revision.number)).toEqual([1]);
  });

  test("revisions are listed newest first with the one in force marked", async () => {
    const { revisions } = await listRevisions(db.prisma, { slug: second.slug });
    expect(revisions.map((revision) => [revision.number, revision.isCurrent, revision.measures])).toEqual([
      [2, true, 36],
      [1, false, 37],
    ]);
    expect(revisions[0]!.summary).toBe("Esito della prima consultazione");
  });

  test("the router's address check agrees with what the pages can show", async () => {
    const exists = (address: Parameters<typeof planAddressExists>[1]) => planAddressExists(db.prisma, address);
    expect(await exists({ slug: second.slug })).toBe(true);
    expect(await exists({ slug: "nessun-piano" })).toBe(false);
    expect(await exists({ slug: second.slug, measureCode: "1.2" })).toBe(true);
    expect(await exists({ slug: second.slug, measureCode: "3.20" })).toBe(true); // retired, history still public
    expect(await exists({ slug: second.slug, measureCode: "9.1" })).toBe(false);
    expect(await exists({ slug: second.slug, revisionNumber: 2 })).toBe(true);
    expect(await exists({ slug: second.slug, revisionNumber: 3 })).toBe(false); // a draft
  });

  test("the main plan stays the first one imported", async () => {
    expect(await findMainPlan(db.prisma)).toEqual({ id: seed.planId, slug: seed.slug });
  });
});
