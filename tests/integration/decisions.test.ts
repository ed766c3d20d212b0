/**
 * Officials' decisions against PostgreSQL: versions and history, optimistic concurrency, unchanged
 * saves, published vs draft decisions, publishing a revision publishes them, the next draft takes the
 * decided fields, bulk answers all-or-nothing, the option lists, validation errors by field, refusals.
 */
import { applyBulkDecision } from "@/lib/decisions/apply-bulk-decision";
import { changeDecisionOption } from "@/lib/decisions/change-decision-option";
import { getDecisionReview } from "@/lib/decisions/get-decision-review";
import { getMeasureDecision } from "@/lib/decisions/get-measure-decision";
import { listDecisionOptions } from "@/lib/decisions/list-decision-options";
import { getPlanDecisions } from "@/lib/decisions/plan-decisions";
import { recordDecision } from "@/lib/decisions/record-decision";
import { roundDraftReviewPath } from "@/lib/decisions/review-address";
import { publishRevision } from "@/lib/synthesis/publish-revision";
import { startRevisionDraft } from "@/lib/synthesis/start-revision-draft";
import { signedInUser } from "../support/auth-factory";
import { decidableDraft, decidablePublishedPlan, decisionForm } from "../support/decisions-factory";
import { liveGuest } from "../support/live-factory";
import { refusal } from "../support/refusal";
import { databaseForThisFile } from "../support/test-database";

jest.setTimeout(120_000);
const db = databaseForThisFile();

const versionsOf = (revisionId: string, measureId: string) => db.prisma.decision.findMany({ where: { revisionId, measureId }, orderBy: { version: "asc" } });
const otherUuid = "00000000-0000-4000-8000-000000000000";

describe("recording a decision on the current published revision", () => {
  test("appends versions, public at once, with who, when and what changed in the history", async () => {
    const plan = await decidablePublishedPlan(db.prisma);
    const measureId = plan.measures["1.1"]!;
    const first = await recordDecision(db.prisma, plan.official, plan.address, decisionForm(measureId, 0), new Date("2027-02-01T10:00:00Z"));
    expect(first).toMatchObject({ outcome: "recorded", version: 1, published: true });

    const [stored] = await versionsOf(plan.revisionId, measureId);
    expect(stored).toMatchObject({
      version: 1,
      timing: "24 mesi",
      startsOn: new Date("2027-01-01T00:00:00Z"),
      endsOn: new Date("2028-12-31T00:00:00Z"),
      budgetCents: 12_500_050n,
      fundingSource: "Fondi regionali",
      department: "Ufficio Europa",
      note: "Finanziata con il bando regionale 2027.",
      decidedById: plan.official.userId,
      decidedAt: new Date("2027-02-01T10:00:00Z"),
      publishedAt: new Date("2027-02-01T10:00:00Z"),
    });
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "decision.recorded", entityId: stored!.id } });
    expect(audit).toMatchObject({ actorId: plan.official.userId, data: expect.objectContaining({ version: 1, published: true, measureId }) });
    expect(JSON.stringify(audit.data)).not.toContain("Ufficio Europa");

    const second = await recordDecision(db.prisma, plan.official, plan.address, decisionForm(measureId, 1, { budget: "130.000", department: "Politiche sociali" }));
    expect(second).toMatchObject({ outcome: "recorded", version: 2, changed: ["budgetCents", "department"] });

    // The public reading sees the latest published version.
    const publicPlan = await getPlanDecisions(db.prisma, { slug: plan.slug });
    const publicMeasure = publicPlan.axes[0]!.measures.find((measure) => measure.code === "1.1")!;
    expect(publicMeasure.fields).toMatchObject({ budgetCents: 13_000_000, department: "Politiche sociali", fundingSource: "Fondi regionali" });
    expect(publicMeasure.decision).toMatchObject({ version: 2 });

    const view = await getMeasureDecision(db.prisma, plan.official, plan.address, "1.1");
    expect(view.measure).toMatchObject({ version: 2, differs: true, decidedBy: plan.official.displayName });
    expect(view.history.map((entry) => entry.version)).toEqual([1, 2]);
    expect(view.history[0]!.changes).toEqual(expect.arrayContaining([{ field: "department", before: null, after: "Ufficio Europa" }]));
    expect(view.history[1]!.changes).toEqual([
      { field: "budgetCents", before: 12_500_050n, after: 13_000_000n },
      { field: "department", before: "Ufficio Europa", after: "Politiche sociali" },
    ]);
    expect(view.history[1]).toMatchObject({ decidedBy: plan.official.displayName, publishedAt: expect.any(Date) });
  });

  test("a form loaded before someone else's save is refused (CONFLICT) and writes nothing", async () => {
    const plan = await decidablePublishedPlan(db.prisma);
    const measureId = plan.measures["1.2"]!;
    const colleague = await signedInUser(db.prisma, "ADMIN");
    await recordDecision(db.prisma, colleague, plan.address, decisionForm(measureId, 0));
    expect(await refusal(recordDecision(db.prisma, plan.official, plan.address, decisionForm(measureId, 0, { budget: "1.000" })))).toMatchObject({ code: "CONFLICT", messageKey: "decisions.errors.staleVersion" });
    expect(await refusal(recordDecision(db.prisma, plan.official, plan.address, decisionForm(measureId, 5, { budget: "1.000" })))).toMatchObject({ code: "CONFLICT" });
    expect(await versionsOf(plan.revisionId, measureId)).toHaveLength(1);
  });

  test("two simultaneous saves of the same version: one wins, the other gets CONFLICT", async () => {
    const plan = await decidablePublishedPlan(db.prisma);
    const measureId = plan.measures["1.3"]!;
    const results = await Promise.allSettled([
      recordDecision(db.prisma, plan.official, plan.address, decisionForm(measureId, 0, { budget: "1.000" })),
      recordDecision(db.prisma, plan.official, plan.address, decisionForm(measureId, 0, { budget: "2.000" })),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((result) => result.status === "rejected");
    expect(rejected?.reason).toMatchObject({ code: "CONFLICT", messageKey: "decisions.errors.staleVersion" });
    expect(await versionsOf(plan.revisionId, measureId)).toHaveLength(1);
  });

  test("an unchanged save creates nothing, also as a first version equal to the revision's fields", async () => {
    const plan = await decidablePublishedPlan(db.prisma);
    const measureId = plan.measures["2.1"]!;
    const revisionFields = await db.prisma.measureVersion.findUniqueOrThrow({ where: { measureId_revisionId: { measureId, revisionId: plan.revisionId } } });
    const asForm = {
      measureId,
      expectedVersion: "0",
      timing: revisionFields.timing ?? "",
      startsOn: revisionFields.startsOn?.toISOString().slice(0, 10) ?? "",
      endsOn: revisionFields.endsOn?.toISOString().slice(0, 10) ?? "",
      budget: revisionFields.budgetCents === null ? "" : `${revisionFields.budgetCents / 100n},${String(revisionFields.budgetCents % 100n).padStart(2, "0")}`,
      fundingSource: revisionFields.fundingSource ? "other" : "",
      fundingSourceOther: revisionFields.fundingSource ?? "",
      department: revisionFields.department ? "other" : "",
      departmentOther: revisionFields.department ?? "",
      note: "",
    };
    expect(await recordDecision(db.prisma, plan.official, plan.address, asForm)).toMatchObject({ outcome: "unchanged", version: 0 });
    await recordDecision(db.prisma, plan.official, plan.address, decisionForm(measureId, 0));
    expect(await recordDecision(db.prisma, plan.official, plan.address, decisionForm(measureId, 1))).toMatchObject({ outcome: "unchanged", version: 1 });
    expect(await versionsOf(plan.revisionId, measureId)).toHaveLength(1);
  });

  test("a measure not in the revision is NOT_FOUND, an unknown revision too", async () => {
    const plan = await decidablePublishedPlan(db.prisma);
    expect(await refusal(recordDecision(db.prisma, plan.official, plan.address, decisionForm(otherUuid, 0)))).toMatchObject({ code: "NOT_FOUND", messageKey: "decisions.errors.measureNotFound" });
    expect(await refusal(recordDecision(db.prisma, plan.official, { slug: plan.slug, number: 9 }, decisionForm(plan.measures["1.1"]!, 0)))).toMatchObject({ code: "NOT_FOUND" });
    expect(await refusal(getMeasureDecision(db.prisma, plan.official, plan.address, "9.99"))).toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("decisions on a draft revision", () => {
  test("stay unpublished, show the round's feedback, and are published with the revision", async () => {
    const draft = await decidableDraft(db.prisma);
    const review = await getDecisionReview(db.prisma, draft.official, draft.address);
    expect(review.revision).toMatchObject({ number: 2, status: "DRAFT", editable: true, publishesAtOnce: false });
    expect(review.round).toMatchObject({ id: draft.round.id, status: "SYNTHESIS" });
    // The synthesis dashboard links deciders there.
    expect(await roundDraftReviewPath(db.prisma, draft.round.id)).toEqual({ path: `/piani/${draft.slug}/revisioni/2/decisioni`, number: 2 });
    const measures = review.axes.flatMap((axis) => axis.measures);
    expect(measures.find((measure) => measure.code === "1.1")!.feedback).toEqual({ support: 6, oppose: 0, abstain: 0, votes: 6, meanPriority: 4, comments: 1, proposals: 1 });
    expect(measures.find((measure) => measure.code === "1.2")!).toMatchObject({ decisionProposals: 1, feedback: expect.objectContaining({ oppose: 5, abstain: 1 }) });
    expect(measures.find((measure) => measure.code === "1.1")!.decisionProposals).toBe(0);

    const measureId = draft.measures["1.2"]!;
    await recordDecision(db.prisma, draft.official, draft.address, decisionForm(measureId, 0, { fundingSource: "Fondi regionali", department: "Politiche sociali" }));
    expect((await versionsOf(draft.draftRevisionId, measureId))[0]).toMatchObject({ version: 1, publishedAt: null });
    const view = await getMeasureDecision(db.prisma, draft.official, draft.address, "1.2");
    expect(view.proposals).toEqual([expect.objectContaining({ id: draft.proposals.decision, title: "Dare tempi e risorse alla consultazione", status: "OPEN", answer: null, proposed: expect.objectContaining({ budgetCents: 1_250_000n }) })]);
    expect(view.history[0]).toMatchObject({ version: 1, publishedAt: null });

    // Answer every proposal, then publish: the draft's decisions become public with it.
    await db.prisma.proposal.updateMany({ where: { roundId: draft.round.id }, data: { status: "REJECTED", answer: "Non ora." } });
    const publishedAt = new Date();
    await publishRevision(db.prisma, draft.facilitator, draft.round.id, { summary: "Revisione con le decisioni." }, publishedAt);
    expect((await versionsOf(draft.draftRevisionId, measureId))[0]!.publishedAt).toEqual(publishedAt);
    expect(await roundDraftReviewPath(db.prisma, draft.round.id)).toBeNull();
    const publicPlan = await getPlanDecisions(db.prisma, { slug: draft.slug });
    expect(publicPlan.axes[0]!.measures.find((measure) => measure.code === "1.2")!.fields).toMatchObject({ fundingSource: "Fondi regionali", department: "Politiche sociali", budgetCents: 12_500_050 });

    // Revision 2 is now the current published one; revision 1 is history.
    expect(await refusal(recordDecision(db.prisma, draft.official, draft.consultedAddress, decisionForm(measureId, 0)))).toMatchObject({ code: "CONFLICT", messageKey: "decisions.errors.revisionNotCurrent" });
    expect((await getDecisionReview(db.prisma, draft.official, draft.consultedAddress)).revision.editable).toBe(false);
    expect(await recordDecision(db.prisma, draft.official, draft.address, decisionForm(measureId, 1, { note: "Dopo la pubblicazione." }))).toMatchObject({ outcome: "recorded", version: 2, published: true });
  });

  test("the consulted published revision shows the round that consulted it", async () => {
    const draft = await decidableDraft(db.prisma, { proposals: false });
    const review = await getDecisionReview(db.prisma, draft.official, draft.consultedAddress);
    expect(review.revision).toMatchObject({ number: 1, status: "PUBLISHED", editable: true, publishesAtOnce: true });
    expect(review.round?.id).toBe(draft.round.id);
  });

  test("the next draft takes each measure's public decision fields", async () => {
    const plan = await decidablePublishedPlan(db.prisma);
    const decided = plan.measures["1.1"]!;
    await recordDecision(db.prisma, plan.official, plan.address, decisionForm(decided, 0));
    await recordDecision(db.prisma, plan.official, plan.address, decisionForm(decided, 1, { budget: "99.000", timing: "36 mesi" }));
    const round = await db.prisma.round.create({
      data: { planId: plan.planId, revisionId: plan.revisionId, title: "Consultazione chiusa", status: "CLOSED", opensAt: new Date(Date.now() - 7200_000), closesAt: new Date(Date.now() - 3600_000) },
    });
    const draft = await startRevisionDraft(db.prisma, await signedInUser(db.prisma, "FACILITATOR"), round.id);
    const copied = await db.prisma.measureVersion.findUniqueOrThrow({ where: { measureId_revisionId: { measureId: decided, revisionId: draft.revisionId } } });
    expect(copied).toMatchObject({ timing: "36 mesi", budgetCents: 9_900_000n, fundingSource: "Fondi regionali", department: "Ufficio Europa", startsOn: new Date("2027-01-01T00:00:00Z"), endsOn: new Date("2028-12-31T00:00:00Z") });
    const untouched = plan.measures["1.2"]!;
    const [before, after] = await Promise.all([
      db.prisma.measureVersion.findUniqueOrThrow({ where: { measureId_revisionId: { measureId: untouched, revisionId: plan.revisionId } } }),
      db.prisma.measureVersion.findUniqueOrThrow({ where: { measureId_revisionId: { measureId: untouched, revisionId: draft.revisionId } } }),
    ]);
    expect({ ...after, id: null, revisionId: null }).toEqual({ ...before, id: null, revisionId: null });

    // The taken fields are a traced change of the draft: before/after, by the official, the decision's note as rationale.
    const changes = await db.prisma.revisionChange.findMany({ where: { revisionId: draft.revisionId }, select: { kind: true, measureId: true, rationale: true, before: true, after: true, createdById: true, editorial: true } });
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: "MEASURE_DECISION_FIELDS_CHANGED", measureId: decided, createdById: plan.official.userId, editorial: false });
    expect(changes[0]!.rationale).toMatch(/^Decisione dell'amministrazione pubblicata il \d{1,2} \p{L}+ \d{4} \(versione 2\)\. Finanziata con il bando regionale 2027\.$/u);
    expect(changes[0]!.before).toMatchObject({ budgetCents: null, timing: null });
    expect(changes[0]!.after).toMatchObject({ budgetCents: "9900000", timing: "36 mesi", department: "Ufficio Europa", startsOn: "2027-01-01" });
  });
});

describe("bulk answers", () => {
  test("replace the given fields of each selected measure, keeping the others", async () => {
    const plan = await decidablePublishedPlan(db.prisma);
    const [a, b, c] = [plan.measures["3.1"]!, plan.measures["3.2"]!, plan.measures["3.3"]!];
    await recordDecision(db.prisma, plan.official, plan.address, decisionForm(a, 0));
    await recordDecision(db.prisma, plan.official, plan.address, decisionForm(c, 0, { department: "Lavoro e sviluppo economico", departmentOther: "" }));
    const result = await applyBulkDecision(db.prisma, plan.official, plan.address, { measureIds: [a, b, c], department: "Lavoro e sviluppo economico" });
    expect(result).toEqual({ changed: ["3.1", "3.2"], unchanged: ["3.3"], fields: ["department"] });
    const [aVersions, bVersions, cVersions] = await Promise.all([versionsOf(plan.revisionId, a), versionsOf(plan.revisionId, b), versionsOf(plan.revisionId, c)]);
    expect(aVersions.at(-1)).toMatchObject({ version: 2, department: "Lavoro e sviluppo economico", budgetCents: 12_500_050n, fundingSource: "Fondi regionali", note: "Finanziata con il bando regionale 2027.", publishedAt: expect.any(Date) });
    expect(bVersions).toEqual([expect.objectContaining({ version: 1, department: "Lavoro e sviluppo economico" })]);
    expect(cVersions).toHaveLength(1);
    expect(await db.prisma.auditEvent.findFirst({ where: { action: "decision.bulk-applied", entityId: plan.revisionId } })).toMatchObject({ data: expect.objectContaining({ measures: 3, changed: 2 }) });

    const withNote = await applyBulkDecision(db.prisma, plan.official, plan.address, { measureIds: [a, b], fundingSource: "other", fundingSourceOther: "Fondazione Pisa", note: "Cofinanziate." });
    expect(withNote.changed).toEqual(["3.1", "3.2"]);
    expect((await versionsOf(plan.revisionId, b)).at(-1)).toMatchObject({ version: 2, fundingSource: "Fondazione Pisa", note: "Cofinanziate.", department: "Lavoro e sviluppo economico" });
  });

  test("a measure that is not in the revision changes nothing (one transaction)", async () => {
    const plan = await decidablePublishedPlan(db.prisma);
    const other = await decidablePublishedPlan(db.prisma);
    const before = await db.prisma.decision.count();
    for (const stray of [otherUuid, other.measures["1.1"]!]) {
      expect(await refusal(applyBulkDecision(db.prisma, plan.official, plan.address, { measureIds: [plan.measures["1.1"]!, stray], department: "Politiche sociali" }))).toMatchObject({ code: "NOT_FOUND" });
    }
    expect(await db.prisma.decision.count()).toBe(before);
  });
});

describe("option lists", () => {
  test("add, rename, archive and restore, move; labels unique per list", async () => {
    const official = await signedInUser(db.prisma, "OFFICIAL");
    const { id } = await changeDecisionOption(db.prisma, official, { action: "add", kind: "DEPARTMENT", label: "Protezione civile" });
    let lists = await listDecisionOptions(db.prisma, official);
    expect(lists.DEPARTMENT.at(-1)).toMatchObject({ id, label: "Protezione civile", archived: false });
    expect(lists.FUNDING_SOURCE.some((option) => option.label === "Protezione civile")).toBe(false);

    expect(await refusal(changeDecisionOption(db.prisma, official, { action: "add", kind: "DEPARTMENT", label: "Politiche sociali" }))).toMatchObject({ code: "CONFLICT", messageKey: "decisions.errors.labelTaken" });
    // The same label in the other list is fine.
    await changeDecisionOption(db.prisma, official, { action: "add", kind: "FUNDING_SOURCE", label: "Protezione civile" });

    await changeDecisionOption(db.prisma, official, { action: "rename", id, label: "Protezione civile e sicurezza" });
    await changeDecisionOption(db.prisma, official, { action: "up", id });
    lists = await listDecisionOptions(db.prisma, official);
    const labels = lists.DEPARTMENT.map((option) => option.label);
    expect(labels.slice(-2)).toEqual(["Protezione civile e sicurezza", "Affari generali e partecipazione"]);
    await changeDecisionOption(db.prisma, official, { action: "down", id });
    await changeDecisionOption(db.prisma, official, { action: "down", id }); // already last: no change
    expect((await listDecisionOptions(db.prisma, official)).DEPARTMENT.at(-1)!.label).toBe("Protezione civile e sicurezza");

    await changeDecisionOption(db.prisma, official, { action: "archive", id });
    expect((await listDecisionOptions(db.prisma, official)).DEPARTMENT.find((option) => option.id === id)).toMatchObject({ archived: true });
    await changeDecisionOption(db.prisma, official, { action: "restore", id });
    expect((await listDecisionOptions(db.prisma, official)).DEPARTMENT.find((option) => option.id === id)).toMatchObject({ archived: false });
    expect(await db.prisma.auditEvent.count({ where: { entityType: "DecisionOption", entityId: id } })).toBe(7);
    expect(await refusal(changeDecisionOption(db.prisma, official, { action: "archive", id: otherUuid }))).toMatchObject({ code: "NOT_FOUND" });
  });

  test("a decision names a listed label or 'other' with text", async () => {
    const plan = await decidablePublishedPlan(db.prisma);
    expect(await refusal(recordDecision(db.prisma, plan.official, plan.address, decisionForm(plan.measures["1.1"]!, 0, { fundingSource: "Fondi lunari" })))).toMatchObject({
      code: "VALIDATION",
      details: { fundingSource: "decisions.fields.optionUnknown" },
    });
  });
});

describe("validation", () => {
  test("reports each field's error by its name", async () => {
    const plan = await decidablePublishedPlan(db.prisma);
    const measureId = plan.measures["1.1"]!;
    const bad = await refusal(
      recordDecision(db.prisma, plan.official, plan.address, decisionForm(measureId, 0, { budget: "1,200", timing: "x".repeat(201), note: "n".repeat(2001), departmentOther: "d".repeat(121) })),
    );
    expect(bad).toEqual({
      code: "VALIDATION",
      messageKey: "decisions.errors.validation",
      details: { budget: "decisions.fields.budgetInvalid", timing: "decisions.fields.timingTooLong", note: "decisions.fields.noteTooLong", departmentOther: "decisions.fields.otherTooLong" },
    });
    // Rules across fields, once each field is valid.
    expect((await refusal(recordDecision(db.prisma, plan.official, plan.address, decisionForm(measureId, 0, { startsOn: "2028-01-01", endsOn: "2027-01-01", department: "other", departmentOther: "" })))).details).toEqual({
      endsOn: "decisions.fields.datesReversed",
      departmentOther: "decisions.fields.otherRequired",
    });
    expect((await refusal(recordDecision(db.prisma, plan.official, plan.address, { ...decisionForm(measureId, 0), startsOn: "2027-02-30" }))).details).toEqual({ startsOn: "decisions.fields.dateInvalid" });
    expect((await refusal(recordDecision(db.prisma, plan.official, plan.address, { ...decisionForm(measureId, 0), status: "PUBLISHED" }))).details).toEqual({ status: "decisions.errors.unknownField" });
    expect((await refusal(applyBulkDecision(db.prisma, plan.official, plan.address, { measureIds: [measureId] }))).details).toEqual({ form: "decisions.errors.bulkNothing" });
    expect((await refusal(applyBulkDecision(db.prisma, plan.official, plan.address, { measureIds: [], note: "x" }))).details).toEqual({ measureIds: "decisions.fields.measuresRequired" });
    expect((await refusal(applyBulkDecision(db.prisma, plan.official, plan.address, { measureIds: Array.from({ length: 501 }, () => measureId), note: "x" }))).details).toEqual({ measureIds: "decisions.fields.measuresTooMany" });
    expect((await refusal(changeDecisionOption(db.prisma, plan.official, { action: "add", kind: "DEPARTMENT", label: "  " }))).details).toEqual({ label: "decisions.fields.labelRequired" });
    expect(await db.prisma.decision.count({ where: { revisionId: plan.revisionId } })).toBe(0);
  });
});

describe("who may decide", () => {
  test("stakeholders, facilitators and live guests are refused; signed-out callers must sign in", async () => {
    const plan = await decidablePublishedPlan(db.prisma);
    const measureId = plan.measures["1.1"]!;
    const calls = [
      (actor: Parameters<typeof recordDecision>[1]) => recordDecision(db.prisma, actor, plan.address, decisionForm(measureId, 0)),
      (actor: Parameters<typeof recordDecision>[1]) => applyBulkDecision(db.prisma, actor, plan.address, { measureIds: [measureId], note: "x" }),
      (actor: Parameters<typeof recordDecision>[1]) => changeDecisionOption(db.prisma, actor, { action: "add", kind: "DEPARTMENT", label: `Ufficio ${Date.now()}` }),
      (actor: Parameters<typeof recordDecision>[1]) => getDecisionReview(db.prisma, actor, plan.address),
      (actor: Parameters<typeof recordDecision>[1]) => getMeasureDecision(db.prisma, actor, plan.address, "1.1"),
      (actor: Parameters<typeof recordDecision>[1]) => listDecisionOptions(db.prisma, actor),
    ];
    const refused = [await signedInUser(db.prisma, "STAKEHOLDER"), await signedInUser(db.prisma, "FACILITATOR"), await liveGuest(db.prisma)];
    for (const call of calls) {
      for (const actor of refused) expect((await refusal(call(actor))).code).toBe("FORBIDDEN");
      expect((await refusal(call(null))).code).toBe("UNAUTHENTICATED");
    }
    expect(await db.prisma.decision.count({ where: { revisionId: plan.revisionId } })).toBe(0);
    const admin = await signedInUser(db.prisma, "ADMIN");
    expect(await recordDecision(db.prisma, admin, plan.address, decisionForm(measureId, 0))).toMatchObject({ outcome: "recorded" });
  });
});
