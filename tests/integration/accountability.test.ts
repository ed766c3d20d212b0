/**
 * Accountability on real PostgreSQL: a measure's status from its updates or its decision fields,
 * progress updates written by officials (validation, ordering, the current revision only, audited
 * without personal data, refused to everyone else), the public page's data with its filters, and
 * budget totals by axis, funding source and department summed exactly in bigint cents.
 */
import { accountabilitySearchSchema } from "@/lib/accountability/accountability.schemas";
import { getAccountability } from "@/lib/accountability/get-accountability";
import { getMeasureProgress } from "@/lib/accountability/get-measure-progress";
import { recordProgressUpdate } from "@/lib/accountability/record-progress-update";
import { AppError } from "@/lib/errors/app-error";
import { createNextRevision } from "../support/plan-factory";
import { decide, handBuiltPlan, progressUpdate } from "../support/accountability-factory";
import { signedInUser } from "../support/auth-factory";
import { liveGuest } from "../support/live-factory";
import { databaseForThisFile } from "../support/test-database";

jest.setTimeout(120_000);
const db = databaseForThisFile();

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

const minutes = (n: number) => new Date(Date.UTC(2027, 2, 1, 9, n));
const text = "Gara d'appalto avviata, lavori in corso.";

describe("status and progress of a measure", () => {
  test("without updates: DECIDED when any field is answered (revision or published decision), else TO_BE_DECIDED; the latest update wins", async () => {
    const plan = await handBuiltPlan(db.prisma, { 1: [{}, { department: "Servizi sociali" }, {}, {}, {}] });
    const { measure, revisionId } = plan;
    // 1.3: a published decision answers the budget; 1.4: only a draft decision (not public); 1.5: updates.
    await decide(db.prisma, revisionId, measure("1.3"), { budgetCents: 500_000n, note: "Finanziata dalla Regione." });
    await decide(db.prisma, revisionId, measure("1.4"), { budgetCents: 900_000n }, { published: false });
    await progressUpdate(db.prisma, measure("1.5"), "IN_PROGRESS", 30, { at: minutes(1) });
    await progressUpdate(db.prisma, measure("1.5"), "IN_PROGRESS", 60, { at: minutes(3) });
    await progressUpdate(db.prisma, measure("1.5"), "DECIDED", 0, { at: minutes(2) });

    const page = await getAccountability(db.prisma, { slug: plan.slug });
    const byCode = Object.fromEntries((page.axes[0]?.measures ?? []).map((measure) => [measure.code, measure]));
    expect(byCode["1.1"]?.progress).toEqual({ status: "TO_BE_DECIDED", progressPercent: 0, updatedAt: null });
    expect(byCode["1.2"]?.progress).toEqual({ status: "DECIDED", progressPercent: 0, updatedAt: null });
    expect(byCode["1.3"]?.progress.status).toBe("DECIDED");
    expect(byCode["1.3"]?.fields.budgetCents).toBe(500_000);
    expect(byCode["1.3"]?.decision).toMatchObject({ version: 1, note: "Finanziata dalla Regione." });
    expect(byCode["1.4"]?.progress.status).toBe("TO_BE_DECIDED");
    expect(byCode["1.4"]?.fields.budgetCents).toBeNull();
    expect(byCode["1.5"]?.progress).toEqual({ status: "IN_PROGRESS", progressPercent: 60, updatedAt: minutes(3) });
    expect(page.statusCounts).toEqual([
      { status: "TO_BE_DECIDED", measures: 2 },
      { status: "DECIDED", measures: 2 },
      { status: "IN_PROGRESS", measures: 1 },
      { status: "DONE", measures: 0 },
      { status: "DROPPED", measures: 0 },
    ]);
    expect(page.totalMeasures).toBe(5);
  });

  test("a measure's page: updates newest first, published decision versions only, with dates and no names", async () => {
    const official = await signedInUser(db.prisma, "OFFICIAL");
    const plan = await handBuiltPlan(db.prisma, { 2: [{ timing: "12 mesi" }] });
    const measureId = plan.measure("2.1");
    await decide(db.prisma, plan.revisionId, measureId, { department: "Lavori pubblici", note: "Prima decisione." }, { at: minutes(1), decidedById: official.userId });
    await decide(db.prisma, plan.revisionId, measureId, { department: "Ambiente", budgetCents: 1_234_56n, note: "Seconda decisione." }, { at: minutes(5), decidedById: official.userId });
    await decide(db.prisma, plan.revisionId, measureId, { department: "Bozza non pubblica" }, { published: false, decidedById: official.userId });
    const first = await progressUpdate(db.prisma, measureId, "DECIDED", 0, { at: minutes(10), authorId: official.userId });
    const second = await progressUpdate(db.prisma, measureId, "IN_PROGRESS", 40, { at: minutes(20), authorId: official.userId });

    const view = await getMeasureProgress(db.prisma, { slug: plan.slug }, "2.1");
    expect(view.measure.fields).toMatchObject({ department: "Ambiente", budgetCents: 123_456, timing: null });
    expect(view.measure.decision).toMatchObject({ version: 2, note: "Seconda decisione." });
    expect(view.decisionVersions.map((version) => [version.revisionNumber, version.version, version.fields.department, version.publishedAt])).toEqual([
      [1, 2, "Ambiente", minutes(5)],
      [1, 1, "Lavori pubblici", minutes(1)],
    ]);
    expect(view.updates.map((update) => [update.id, update.status, update.progressPercent])).toEqual([
      [second, "IN_PROGRESS", 40],
      [first, "DECIDED", 0],
    ]);
    // Nobody is named: neither the deciders nor the updates' authors.
    const serialised = JSON.stringify(view);
    expect(serialised).not.toContain(official.userId);
    expect(serialised).not.toContain(official.email ?? "@");

    await expect(getMeasureProgress(db.prisma, { slug: plan.slug }, "2.9")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("recordProgressUpdate", () => {
  test("an official's update becomes the measure's status at once; one audit event without personal data", async () => {
    const official = await signedInUser(db.prisma, "OFFICIAL");
    const plan = await handBuiltPlan(db.prisma, { 1: [{}] });
    const measureId = plan.measure("1.1");
    const created = await recordProgressUpdate(db.prisma, official, { measureId, status: "IN_PROGRESS", progressPercent: "35", text: `  ${text}  ` });
    const row = await db.prisma.progressUpdate.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ measureId, status: "IN_PROGRESS", progressPercent: 35, text, authorId: official.userId });

    const admin = await signedInUser(db.prisma, "ADMIN");
    const done = await recordProgressUpdate(db.prisma, admin, { measureId, status: "DONE", progressPercent: 100, text: "Opera conclusa e collaudata." });
    const view = await getMeasureProgress(db.prisma, { slug: plan.slug }, "1.1");
    expect(view.measure.progress).toMatchObject({ status: "DONE", progressPercent: 100 });
    expect(view.updates.map((update) => update.id)).toEqual([done.id, created.id]);

    const events = await db.prisma.auditEvent.findMany({ where: { action: "progress.updated", entityId: measureId }, orderBy: { id: "asc" } });
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ actorId: official.userId, entityType: "Measure", data: { planId: plan.id, revisionId: plan.revisionId, code: "1.1", updateId: created.id, status: "IN_PROGRESS", progressPercent: 35 } });
    const data = JSON.stringify(events.map((event) => event.data));
    for (const personal of [official.email, admin.email, official.displayName, admin.displayName, official.userId, text]) expect(data).not.toContain(personal);
  });

  test.each(([
    [{ status: "DONE", progressPercent: "80", text }, { progressPercent: "accountability.fields.percentDone" }],
    [{ status: "TO_BE_DECIDED", progressPercent: "10", text }, { progressPercent: "accountability.fields.percentToBeDecided" }],
    [{ status: "IN_PROGRESS", progressPercent: "101", text }, { progressPercent: "accountability.fields.percentInvalid" }],
    [{ status: "IN_PROGRESS", progressPercent: "12.5", text }, { progressPercent: "accountability.fields.percentInvalid" }],
    [{ status: "IN_PROGRESS", progressPercent: "", text }, { progressPercent: "accountability.fields.percentRequired" }],
    [{ status: "FINISHED", progressPercent: "10", text }, { status: "accountability.fields.statusRequired" }],
    [{ status: "IN_PROGRESS", progressPercent: "10", text: "Troppo" }, { text: "accountability.fields.textTooShort" }],
    [{ status: "IN_PROGRESS", progressPercent: "10", text: "   " }, { text: "accountability.fields.textRequired" }],
    [{ status: "IN_PROGRESS", progressPercent: "10", text: "x".repeat(2_001) }, { text: "accountability.fields.textTooLong" }],
    [{ status: "IN_PROGRESS", progressPercent: "10", text, authorId: "someone" }, { authorId: "accountability.errors.unknownField" }],
  ] as const).map(([input, details]) => ({ input, details, error: Object.values(details)[0] })))("refuses with $error; nothing written", async ({ input, details }) => {
    const official = await signedInUser(db.prisma, "OFFICIAL");
    const plan = await handBuiltPlan(db.prisma, { 1: [{}] });
    const error = await refusal(recordProgressUpdate(db.prisma, official, { ...input, measureId: plan.measure("1.1") }));
    expect(error).toMatchObject({ code: "VALIDATION", messageKey: "accountability.errors.validation", details });
    expect(await db.prisma.progressUpdate.count({ where: { measureId: plan.measure("1.1") } })).toBe(0);
  });

  test("2,000 characters and the 0 % / 100 % bounds are accepted", async () => {
    const official = await signedInUser(db.prisma, "OFFICIAL");
    const plan = await handBuiltPlan(db.prisma, { 1: [{}] });
    const measureId = plan.measure("1.1");
    await recordProgressUpdate(db.prisma, official, { measureId, status: "TO_BE_DECIDED", progressPercent: 0, text: "x".repeat(2_000) });
    await recordProgressUpdate(db.prisma, official, { measureId, status: "DROPPED", progressPercent: "0", text: "Misura abbandonata: fondi non disponibili." });
    expect(await db.prisma.progressUpdate.count({ where: { measureId } })).toBe(2);
  });

  test("only measures of the plan's current published revision: retired or unknown ones are NOT_FOUND", async () => {
    const official = await signedInUser(db.prisma, "OFFICIAL");
    const plan = await handBuiltPlan(db.prisma, { 1: [{}, {}] });
    await createNextRevision(db.prisma, plan.id, { retire: ["1.2"] });
    const input = { status: "IN_PROGRESS", progressPercent: 10, text };
    expect(await refusal(recordProgressUpdate(db.prisma, official, { ...input, measureId: plan.measure("1.2") }))).toMatchObject({ code: "NOT_FOUND", messageKey: "accountability.errors.measureNotFound" });
    expect(await refusal(recordProgressUpdate(db.prisma, official, { ...input, measureId: "6f1c1f8e-0000-4000-8000-000000000000" }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await refusal(recordProgressUpdate(db.prisma, official, { ...input, measureId: "not-a-uuid" }))).toMatchObject({ code: "VALIDATION", details: { measureId: "accountability.errors.measureNotFound" } });
    await recordProgressUpdate(db.prisma, official, { ...input, measureId: plan.measure("1.1") });
    await expect(getMeasureProgress(db.prisma, { slug: plan.slug }, "1.2")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  test("refused to stakeholders, facilitators, live guests (FORBIDDEN) and anonymous callers (UNAUTHENTICATED), even with bad input", async () => {
    const plan = await handBuiltPlan(db.prisma, { 1: [{}] });
    const input = { measureId: plan.measure("1.1"), status: "IN_PROGRESS", progressPercent: 10, text };
    expect(await refusal(recordProgressUpdate(db.prisma, null, input))).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await refusal(recordProgressUpdate(db.prisma, null, {}))).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await refusal(recordProgressUpdate(db.prisma, await signedInUser(db.prisma, "STAKEHOLDER"), input))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusal(recordProgressUpdate(db.prisma, await signedInUser(db.prisma, "FACILITATOR"), input))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusal(recordProgressUpdate(db.prisma, await liveGuest(db.prisma), input))).toMatchObject({ code: "FORBIDDEN" });
    expect(await db.prisma.progressUpdate.count({ where: { measureId: plan.measure("1.1") } })).toBe(0);
    expect(await db.prisma.auditEvent.count({ where: { action: "progress.updated", entityId: plan.measure("1.1") } })).toBe(0);
  });
});

describe("budget totals and the page's filters", () => {
  // Large budgets: each is exact as a number of cents, but their sum passes 2^53 and floats round it.
  const big = 2n ** 52n + 1n;

  async function budgetPlan() {
    const plan = await handBuiltPlan(db.prisma, {
      1: [{}, {}, { budgetCents: 10n, fundingSource: "Regione Toscana", department: "Servizi sociali" }, {}],
      2: [{}, {}, { budgetCents: 999_999n, fundingSource: "Provincia", department: "Servizi sociali" }],
      3: [{}],
    });
    const { measure, revisionId } = plan;
    await decide(db.prisma, revisionId, measure("1.1"), { budgetCents: big, fundingSource: "FSE+", department: "Lavoro e formazione" });
    await decide(db.prisma, revisionId, measure("1.2"), { budgetCents: big, fundingSource: "FSE+", department: "Servizi sociali" });
    // 1.3 keeps its revision fields (10 cents); 1.4 has only an unpublished decision: no budget.
    await decide(db.prisma, revisionId, measure("1.4"), { budgetCents: 5_000_000n, fundingSource: "Provincia" }, { published: false });
    await decide(db.prisma, revisionId, measure("2.1"), { budgetCents: 20n, fundingSource: "Regione Toscana", department: "Lavori pubblici" });
    // 2.2: decided twice, the later version counts.
    await decide(db.prisma, revisionId, measure("2.2"), { budgetCents: 7n, fundingSource: "Comuni" }, { at: minutes(1) });
    await decide(db.prisma, revisionId, measure("2.2"), { budgetCents: 1n, fundingSource: null, department: null }, { at: minutes(2) });
    // 2.3 is dropped: its budget leaves every total.
    await progressUpdate(db.prisma, measure("2.3"), "DROPPED", 0);
    await progressUpdate(db.prisma, measure("2.1"), "IN_PROGRESS", 50);
    return plan;
  }

  test("summed exactly in bigint cents by axis, funding source and department; dropped measures left out", async () => {
    const plan = await budgetPlan();
    const { totals } = await getAccountability(db.prisma, { slug: plan.slug });
    const exact = big + big + 10n + 20n + 1n;
    expect(totals.totalCents).toBe(exact);
    // What a float sum would have said (the reason totals are bigint).
    expect(BigInt(Number(big) + Number(big) + 10 + 20 + 1)).not.toBe(exact);
    expect(totals).toMatchObject({ measuresWithBudget: 5, measuresWithoutBudget: 2, droppedMeasures: 1 });
    expect(totals.byAxis.map((group) => [group.key, group.budgetCents, group.measures])).toEqual([
      ["1", big + big + 10n, 3],
      ["2", 21n, 2],
      ["3", 0n, 0],
    ]);
    expect(totals.byFundingSource.map((group) => [group.key, group.budgetCents, group.measures])).toEqual([
      ["FSE+", big + big, 2],
      ["Regione Toscana", 30n, 2],
      [null, 1n, 1],
    ]);
    expect(totals.byDepartment.map((group) => [group.key, group.budgetCents, group.measures])).toEqual([
      ["Lavoro e formazione", big, 1],
      ["Servizi sociali", big + 10n, 2],
      ["Lavori pubblici", 20n, 1],
      [null, 1n, 1],
    ].sort((a, b) => (a[0] === null ? 1 : b[0] === null ? -1 : (b[1] as bigint) > (a[1] as bigint) ? 1 : -1)));
    // Filters do not change the totals.
    expect((await getAccountability(db.prisma, { slug: plan.slug }, { asse: 3 })).totals.totalCents).toBe(exact);
  });

  test("filters by axis, status and department (part of the name, any case); axes without a kept measure disappear", async () => {
    const plan = await budgetPlan();
    const codes = async (filters: Parameters<typeof getAccountability>[2]) => {
      const page = await getAccountability(db.prisma, { slug: plan.slug }, filters);
      return { axes: page.axes.map((axis) => axis.number), codes: page.axes.flatMap((axis) => axis.measures.map((measure) => measure.code)), shown: page.shownMeasures };
    };
    expect(await codes({})).toEqual({ axes: [1, 2, 3], codes: ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "3.1"], shown: 8 });
    expect(await codes({ asse: 2 })).toEqual({ axes: [2], codes: ["2.1", "2.2", "2.3"], shown: 3 });
    expect(await codes({ stato: "DROPPED" })).toEqual({ axes: [2], codes: ["2.3"], shown: 1 });
    expect(await codes({ stato: "TO_BE_DECIDED" })).toEqual({ axes: [1, 3], codes: ["1.4", "3.1"], shown: 2 });
    expect(await codes({ dipartimento: "SOCIALI" })).toEqual({ axes: [1, 2], codes: ["1.2", "1.3", "2.3"], shown: 3 });
    expect(await codes({ asse: 1, stato: "DECIDED", dipartimento: "sociali" })).toEqual({ axes: [1], codes: ["1.2", "1.3"], shown: 2 });
    expect(await codes({ asse: 9 })).toEqual({ axes: [], codes: [], shown: 0 });
    const page = await getAccountability(db.prisma, { slug: plan.slug });
    expect(page.departmentOptions).toEqual(["Lavori pubblici", "Lavoro e formazione", "Servizi sociali"]);
    expect(page.axisOptions.map((axis) => axis.number)).toEqual([1, 2, 3]);
  });

  test("the page's query: axis number, status, department up to 120 characters; empty values are no filter", () => {
    expect(accountabilitySearchSchema.parse({ asse: "2", stato: "DONE", dipartimento: " Ambiente " })).toEqual({ asse: 2, stato: "DONE", dipartimento: "Ambiente" });
    expect(accountabilitySearchSchema.parse({ asse: "", stato: "", dipartimento: "" })).toEqual({ asse: undefined, stato: undefined, dipartimento: undefined });
    for (const query of [{ asse: "0" }, { asse: "due" }, { asse: "1000" }, { stato: "done" }, { stato: "FINITA" }, { dipartimento: "x".repeat(121) }]) {
      expect(accountabilitySearchSchema.safeParse(query).success).toBe(false);
    }
  });

  test("an unknown plan is NOT_FOUND", async () => {
    await expect(getAccountability(db.prisma, { slug: "nessun-piano-cosi" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
