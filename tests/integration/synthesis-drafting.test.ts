/** Revision drafting against PostgreSQL: draft copy, each edit kind with its change and links, accepting proposals, publishing, immutability, concurrency. */
import { answerProposal } from "@/lib/proposals/answer-proposal";
import { acceptProposalIntoDraft } from "@/lib/synthesis/accept-proposal-into-draft";
import { addDraftMeasure } from "@/lib/synthesis/add-draft-measure";
import { changeDraftAxis } from "@/lib/synthesis/change-draft-axis";
import { changeDraftMeasure } from "@/lib/synthesis/change-draft-measure";
import { getRevisionDraft } from "@/lib/synthesis/get-revision-draft";
import { publishRevision } from "@/lib/synthesis/publish-revision";
import { reorderDraftMeasures } from "@/lib/synthesis/reorder-draft-measures";
import { retireDraftMeasure } from "@/lib/synthesis/retire-draft-measure";
import { startRevisionDraft } from "@/lib/synthesis/start-revision-draft";
import { AMENDED_TEXT, NEW_MEASURE_TEXT, closedRoundWithInput } from "../support/synthesis-factory";
import { createRound } from "../support/round-factory";
import { refusal } from "../support/refusal";
import { databaseForThisFile } from "../support/test-database";

jest.setTimeout(120_000);
const db = databaseForThisFile();

const why = "Lo hanno chiesto in molti durante la consultazione.";

async function draftOf(revisionId: string) {
  return db.prisma.revision.findUniqueOrThrow({ where: { id: revisionId }, include: { changes: { include: { links: true } } } });
}
const versionIn = (revisionId: string, measureId: string) => db.prisma.measureVersion.findUnique({ where: { measureId_revisionId: { measureId, revisionId } } });

describe("starting a draft", () => {
  test("copies the consulted revision, moves the round to SYNTHESIS, and a second start returns the same draft", async () => {
    const input = await closedRoundWithInput(db.prisma, { proposals: false });
    const started = await startRevisionDraft(db.prisma, input.facilitator, input.round.id);
    expect(started).toMatchObject({ number: 2, created: true });

    const [consultedAxes, draftAxes] = await Promise.all([
      db.prisma.axisVersion.findMany({ where: { revisionId: input.round.revisionId }, orderBy: { position: "asc" } }),
      db.prisma.axisVersion.findMany({ where: { revisionId: started.revisionId }, orderBy: { position: "asc" } }),
    ]);
    const strip = <T extends { id: string; revisionId: string }>({ id: _id, revisionId: _revisionId, ...rest }: T) => rest;
    expect(draftAxes.map(strip)).toEqual(consultedAxes.map(strip));
    const [consultedMeasures, draftMeasures] = await Promise.all([
      db.prisma.measureVersion.findMany({ where: { revisionId: input.round.revisionId }, orderBy: { position: "asc" } }),
      db.prisma.measureVersion.findMany({ where: { revisionId: started.revisionId }, orderBy: { position: "asc" } }),
    ]);
    expect(draftMeasures.length).toBeGreaterThan(30);
    expect(draftMeasures.map(strip)).toEqual(consultedMeasures.map(strip));

    const revision = await db.prisma.revision.findUniqueOrThrow({ where: { id: started.revisionId } });
    expect(revision).toMatchObject({ status: "DRAFT", fromRoundId: input.round.id, createdById: input.facilitator.userId, publishedAt: null });
    expect((await db.prisma.round.findUniqueOrThrow({ where: { id: input.round.id } })).status).toBe("SYNTHESIS");
    expect((await db.prisma.plan.findUniqueOrThrow({ where: { id: input.round.planId } })).currentRevisionId).toBe(input.round.revisionId);
    expect(await db.prisma.auditEvent.count({ where: { action: "revision.draft-started", entityId: started.revisionId, actorId: input.facilitator.userId } })).toBe(1);

    expect(await startRevisionDraft(db.prisma, input.admin, input.round.id)).toEqual({ revisionId: started.revisionId, number: 2, created: false });
    expect(await db.prisma.revision.count({ where: { planId: input.round.planId } })).toBe(2);
  });

  test("an open round is refused; a round past its closing time is closed first", async () => {
    const open = await createRound(db.prisma, { opensAt: new Date(Date.now() - 3_600_000), closesAt: new Date(Date.now() + 3_600_000) });
    const input = await closedRoundWithInput(db.prisma, { proposals: false });
    expect(await refusal(startRevisionDraft(db.prisma, input.facilitator, open.id))).toMatchObject({ code: "CONFLICT", messageKey: "synthesis.errors.roundNotClosed" });
    expect(await db.prisma.revision.count({ where: { fromRoundId: open.id } })).toBe(0);

    await db.prisma.round.update({ where: { id: open.id }, data: { closesAt: new Date(Date.now() - 1000) } });
    await startRevisionDraft(db.prisma, input.facilitator, open.id);
    expect((await db.prisma.round.findUniqueOrThrow({ where: { id: open.id } })).status).toBe("SYNTHESIS");
    expect(await refusal(startRevisionDraft(db.prisma, input.facilitator, "not-a-uuid"))).toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("editing a draft", () => {
  test("a text change records before/after and links; editing twice keeps one change and unions links; reverting deletes it", async () => {
    const input = await closedRoundWithInput(db.prisma);
    const { revisionId } = await startRevisionDraft(db.prisma, input.facilitator, input.round.id);
    const measureId = input.measures["1.1"]!;
    const consulted = (await versionIn(input.round.revisionId, measureId))!;

    const first = await changeDraftMeasure(db.prisma, input.facilitator, input.round.id, { measureId, text: "Primo testo nuovo.", rationale: why, commentIds: input.commentId });
    expect(first.changeIds).toHaveLength(1);
    await changeDraftMeasure(db.prisma, input.admin, input.round.id, { measureId, text: "Secondo testo nuovo.", rationale: "Seconda motivazione, più precisa.", swotEntryIds: [input.swotEntryId], commentIds: [input.commentId], voteResultsMeasureIds: [measureId] });

    const draft = await draftOf(revisionId);
    expect(draft.changes).toHaveLength(1);
    const [change] = draft.changes;
    expect(change).toMatchObject({ id: first.changeIds[0], kind: "MEASURE_TEXT_CHANGED", measureId, before: { text: consulted.text }, after: { text: "Secondo testo nuovo." }, rationale: "Seconda motivazione, più precisa.", editorial: false, createdById: input.facilitator.userId });
    expect(change!.links.map((link) => [link.commentId, link.swotEntryId, link.voteResultsMeasureId, link.voteResultsRoundId]).sort()).toEqual(
      [[input.commentId, null, null, null], [null, input.swotEntryId, null, null], [null, null, measureId, input.round.id]].sort(),
    );
    expect((await versionIn(revisionId, measureId))!.text).toBe("Secondo testo nuovo.");
    expect((await versionIn(input.round.revisionId, measureId))!.text).toBe(consulted.text);

    const reverted = await changeDraftMeasure(db.prisma, input.facilitator, input.round.id, { measureId, text: consulted.text, rationale: "Torniamo al testo consultato.", editorial: "on" });
    expect(reverted).toEqual({ changeIds: [], revertedKinds: ["MEASURE_TEXT_CHANGED"] });
    expect((await draftOf(revisionId)).changes).toHaveLength(0);
    expect(await db.prisma.revisionChangeLink.count({ where: { changeId: change!.id } })).toBe(0);
  });

  test("decision fields: euro typed by people to cents, dates from the timing, one change separate from the text", async () => {
    const input = await closedRoundWithInput(db.prisma, { proposals: false });
    const { revisionId } = await startRevisionDraft(db.prisma, input.facilitator, input.round.id);
    const measureId = input.measures["2.1"]!;
    const outcome = await changeDraftMeasure(db.prisma, input.facilitator, input.round.id, {
      measureId, text: "Studio continuo del territorio, con i quartieri.", timing: "2026-2027", startsOn: "", endsOn: "", budget: "125.000,50 €", fundingSource: "Fondi europei", department: "", rationale: why, editorial: true,
    });
    expect(outcome.changeIds).toHaveLength(2);
    const version = (await versionIn(revisionId, measureId))!;
    expect(version).toMatchObject({ text: "Studio continuo del territorio, con i quartieri.", timing: "2026-2027", budgetCents: 12_500_050n, fundingSource: "Fondi europei", department: null });
    expect(version.startsOn?.toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(version.endsOn?.toISOString()).toBe("2027-12-31T00:00:00.000Z");
    const decision = (await draftOf(revisionId)).changes.find((change) => change.kind === "MEASURE_DECISION_FIELDS_CHANGED");
    expect(decision).toMatchObject({
      editorial: true,
      before: { timing: null, startsOn: null, endsOn: null, budgetCents: null, fundingSource: null, department: null },
      after: { timing: "2026-2027", startsOn: "2026-01-01", endsOn: "2027-12-31", budgetCents: "12500050", fundingSource: "Fondi europei", department: null },
    });

    const bad = await refusal(changeDraftMeasure(db.prisma, input.facilitator, input.round.id, { measureId, budget: "1,200", startsOn: "2027-05-01", endsOn: "2026-01-01", rationale: why, editorial: true }));
    expect(bad).toMatchObject({ code: "VALIDATION", details: { budget: "synthesis.fields.budgetInvalid" } });
    const reversed = await refusal(changeDraftMeasure(db.prisma, input.facilitator, input.round.id, { measureId, startsOn: "2027-05-01", endsOn: "2026-01-01", rationale: why, editorial: true }));
    expect(reversed).toMatchObject({ code: "VALIDATION", details: { endsOn: "synthesis.fields.datesReversed" } });
  });

  test("links must belong to the round, and a change needs a link or the editorial mark", async () => {
    const input = await closedRoundWithInput(db.prisma);
    const other = await closedRoundWithInput(db.prisma);
    await startRevisionDraft(db.prisma, input.facilitator, input.round.id);
    const measureId = input.measures["1.1"]!;
    const edit = { measureId, text: "Un testo nuovo per la misura.", rationale: why };

    expect(await refusal(changeDraftMeasure(db.prisma, input.facilitator, input.round.id, { ...edit, proposalIds: [other.proposals.amend] }))).toMatchObject({
      code: "VALIDATION", messageKey: "synthesis.errors.linkForeign", details: { links: "synthesis.errors.linkForeign" },
    });
    expect(await refusal(changeDraftMeasure(db.prisma, input.facilitator, input.round.id, { ...edit, commentIds: [other.commentId] }))).toMatchObject({ messageKey: "synthesis.errors.linkForeign" });
    expect(await refusal(changeDraftMeasure(db.prisma, input.facilitator, input.round.id, edit))).toMatchObject({
      code: "VALIDATION", messageKey: "synthesis.errors.linkRequired", details: { links: "synthesis.errors.linkRequired" },
    });
    expect(await refusal(changeDraftMeasure(db.prisma, input.facilitator, input.round.id, { ...edit, rationale: "corto", editorial: true }))).toMatchObject({
      code: "VALIDATION", details: { rationale: "synthesis.fields.rationaleTooShort" },
    });
    expect(await refusal(changeDraftMeasure(db.prisma, input.facilitator, input.round.id, { ...edit, editorial: true, status: "PUBLISHED" }))).toMatchObject({
      code: "VALIDATION", details: { status: "synthesis.errors.unknownField" },
    });
    expect(await db.prisma.revisionChange.count({ where: { revision: { fromRoundId: input.round.id } } })).toBe(0);
  });

  test("add, retire, reorder, axis: each records its change; a new measure's code is never a used one", async () => {
    const input = await closedRoundWithInput(db.prisma, { proposals: false });
    const { revisionId } = await startRevisionDraft(db.prisma, input.facilitator, input.round.id);
    const axis1 = input.axes[1]!;
    const axis1Codes = Object.keys(input.measures).filter((code) => code.startsWith("1.")).sort((a, b) => Number(a.split(".")[1]) - Number(b.split(".")[1]));
    const last = axis1Codes.at(-1)!;
    const lastN = Number(last.split(".")[1]);

    // Retiring the last measure of axis 1, then adding: the new code skips the retired one.
    await retireDraftMeasure(db.prisma, input.facilitator, input.round.id, { measureId: input.measures[last], rationale: why, voteResultsMeasureIds: [input.measures[last]] });
    expect(await versionIn(revisionId, input.measures[last]!)).toBeNull();
    expect(await versionIn(input.round.revisionId, input.measures[last]!)).not.toBeNull();
    const added = await addDraftMeasure(db.prisma, input.facilitator, input.round.id, { axisId: axis1, text: "Una misura tutta nuova.", budget: "1.000", rationale: why, swotEntryIds: [input.swotEntryId] });
    expect(added.code).toBe(`1.${lastN + 1}`);
    // A measure added and retired in the same draft was never public: it goes, and its code with it.
    const second = await addDraftMeasure(db.prisma, input.facilitator, input.round.id, { axisId: axis1, text: "Una seconda misura nuova.", rationale: why, editorial: true });
    expect(second.code).toBe(`1.${lastN + 2}`);
    expect(await retireDraftMeasure(db.prisma, input.facilitator, input.round.id, { measureId: second.measureId, rationale: why, editorial: true })).toEqual({ changeIds: [], revertedKinds: ["MEASURE_ADDED"] });
    expect(await db.prisma.measure.count({ where: { id: second.measureId } })).toBe(0);

    const order = await db.prisma.measureVersion.findMany({ where: { revisionId, measure: { axisId: axis1 } }, orderBy: { position: "asc" }, include: { measure: { select: { code: true } } } });
    expect(order.map((version) => version.measure.code)).toEqual([...axis1Codes.slice(0, -1), added.code]);
    // Positions still run through the revision without gaps.
    const positions = (await db.prisma.measureVersion.findMany({ where: { revisionId }, orderBy: { position: "asc" }, select: { position: true } })).map((row) => row.position);
    expect(positions).toEqual(positions.map((_, index) => index + 1));

    const newOrder = [order[1]!, order[0]!, ...order.slice(2)].map((version) => version.measureId);
    await reorderDraftMeasures(db.prisma, input.facilitator, input.round.id, { axisId: axis1, measureIds: newOrder, rationale: why, commentIds: [input.commentId] });
    expect(await refusal(reorderDraftMeasures(db.prisma, input.facilitator, input.round.id, { axisId: axis1, measureIds: newOrder.slice(1), rationale: why, editorial: true }))).toMatchObject({
      code: "VALIDATION", messageKey: "synthesis.errors.orderMismatch",
    });

    await changeDraftAxis(db.prisma, input.facilitator, input.round.id, { axisId: axis1, title: "Buona governance partecipata", resultsBullets: "Più trasparenza\n\nPiù fiducia", rationale: why, editorial: "on" });
    const consultedAxis = await db.prisma.axisVersion.findUniqueOrThrow({ where: { axisId_revisionId: { axisId: axis1, revisionId: input.round.revisionId } } });

    const changes = (await draftOf(revisionId)).changes;
    const byKind = Object.fromEntries(changes.map((change) => [change.kind, change]));
    expect(Object.keys(byKind).sort()).toEqual(["AXIS_CHANGED", "MEASURES_REORDERED", "MEASURE_ADDED", "MEASURE_RETIRED"]);
    expect(byKind.MEASURE_RETIRED).toMatchObject({ measureId: input.measures[last], after: null, before: { code: last } });
    expect(byKind.MEASURE_ADDED).toMatchObject({ measureId: added.measureId, before: null, after: { code: added.code, text: "Una misura tutta nuova.", budgetCents: "100000" } });
    expect(byKind.MEASURE_ADDED!.links).toEqual([expect.objectContaining({ swotEntryId: input.swotEntryId })]);
    expect(byKind.MEASURES_REORDERED).toMatchObject({ axisId: axis1, before: { codes: axis1Codes }, after: { codes: [order[1]!.measure.code, order[0]!.measure.code, ...order.slice(2).map((v) => v.measure.code)] } });
    expect(byKind.AXIS_CHANGED).toMatchObject({
      axisId: axis1,
      before: { title: consultedAxis.title, resultsIntro: consultedAxis.resultsIntro, resultsBullets: consultedAxis.resultsBullets },
      after: { title: "Buona governance partecipata", resultsIntro: consultedAxis.resultsIntro, resultsBullets: ["Più trasparenza", "Più fiducia"] },
    });

    // Putting the consulted measures back in their order deletes the reorder change.
    await reorderDraftMeasures(db.prisma, input.facilitator, input.round.id, { axisId: axis1, measureIds: order.map((version) => version.measureId), rationale: why, editorial: true });
    expect(await db.prisma.revisionChange.count({ where: { revisionId, kind: "MEASURES_REORDERED" } })).toBe(0);

    const view = await getRevisionDraft(db.prisma, input.facilitator, input.round.id);
    const axisView = view.draft!.axes.find((axis) => axis.axisId === axis1)!;
    expect(axisView.retired.map((measure) => measure.code)).toEqual([last]);
    expect(axisView.measures.at(-1)).toMatchObject({ code: added.code, consulted: null, changeKinds: ["MEASURE_ADDED"] });
    expect(view).toMatchObject({ canEdit: true, canStartDraft: false, unansweredProposals: 0 });
  });

  test("two simultaneous edits of the same measure leave one consistent change", async () => {
    const input = await closedRoundWithInput(db.prisma);
    const { revisionId } = await startRevisionDraft(db.prisma, input.facilitator, input.round.id);
    const measureId = input.measures["1.2"]!;
    const results = await Promise.all([
      changeDraftMeasure(db.prisma, input.facilitator, input.round.id, { measureId, text: "Versione del facilitatore.", rationale: why, commentIds: [input.commentId] }),
      changeDraftMeasure(db.prisma, input.admin, input.round.id, { measureId, text: "Versione dell'amministratore.", rationale: why, swotEntryIds: [input.swotEntryId] }),
      changeDraftMeasure(db.prisma, input.facilitator, input.round.id, { measureId, text: "Terza versione concorrente.", rationale: why, proposalIds: [input.proposals.decision] }),
    ]);
    expect(new Set(results.map((result) => result.changeIds[0])).size).toBe(1);
    const changes = (await draftOf(revisionId)).changes;
    expect(changes).toHaveLength(1);
    expect(changes[0]!.links).toHaveLength(3);
    expect((changes[0]!.after as { text: string }).text).toBe((await versionIn(revisionId, measureId))!.text);
  });
});

describe("accepting proposals and publishing", () => {
  test("each proposal kind is applied, linked and answered in one step; publishing needs every answer, then the revision is current and immutable", async () => {
    const input = await closedRoundWithInput(db.prisma);
    const { revisionId, number } = await startRevisionDraft(db.prisma, input.facilitator, input.round.id);
    const answer = "Accolta: entra nella nuova revisione del piano.";

    const amend = await acceptProposalIntoDraft(db.prisma, input.facilitator, input.round.id, { proposalId: input.proposals.amend, answer, rationale: why, commentIds: [input.commentId] });
    const created = await acceptProposalIntoDraft(db.prisma, input.facilitator, input.round.id, { proposalId: input.proposals.create, answer, rationale: why });
    const retired = await acceptProposalIntoDraft(db.prisma, input.facilitator, input.round.id, { proposalId: input.proposals.retire, answer, rationale: why });
    const decision = await acceptProposalIntoDraft(db.prisma, input.facilitator, input.round.id, { proposalId: input.proposals.decision, answer, rationale: why });

    expect((await versionIn(revisionId, input.measures["1.1"]!))!.text).toBe(AMENDED_TEXT);
    expect((await versionIn(revisionId, created.measureId!))).toMatchObject({ text: NEW_MEASURE_TEXT });
    expect(await versionIn(revisionId, input.measures["1.3"]!)).toBeNull();
    const decided = (await versionIn(revisionId, input.measures["1.2"]!))!;
    expect(decided).toMatchObject({ timing: "2026-2027", budgetCents: 1_250_000n, fundingSource: "Fondi regionali", department: "Politiche sociali" });
    expect(decided.startsOn?.toISOString().slice(0, 10)).toBe("2026-01-01");

    const changes = (await draftOf(revisionId)).changes;
    const kinds = new Map(changes.map((change) => [change.id, change]));
    expect(kinds.get(amend.changeId!)).toMatchObject({ kind: "MEASURE_TEXT_CHANGED", after: { text: AMENDED_TEXT } });
    expect(kinds.get(created.changeId!)).toMatchObject({ kind: "MEASURE_ADDED", after: { text: NEW_MEASURE_TEXT } });
    expect(kinds.get(retired.changeId!)).toMatchObject({ kind: "MEASURE_RETIRED" });
    expect(kinds.get(decision.changeId!)).toMatchObject({ kind: "MEASURE_DECISION_FIELDS_CHANGED" });
    expect(kinds.get(amend.changeId!)!.links.map((link) => link.proposalId ?? link.commentId).sort()).toEqual([input.proposals.amend, input.commentId].sort());
    for (const [key, result] of [["create", created], ["retire", retired], ["decision", decision]] as const) {
      expect(kinds.get(result.changeId!)!.links.map((link) => link.proposalId)).toEqual([input.proposals[key]]);
    }

    const proposals = await db.prisma.proposal.findMany({ where: { roundId: input.round.id } });
    for (const proposal of proposals) expect(proposal).toMatchObject({ status: "ACCEPTED", answer, answeredById: input.facilitator.userId });
    const answered = await db.prisma.notification.findMany({ where: { kind: "PROPOSAL_ANSWERED", data: { path: ["proposalId"], equals: input.proposals.amend } } });
    expect(answered.map((row) => row.userId).sort()).toEqual([input.proposalAuthors.amend.userId, input.supporter.userId].sort());
    expect(await refusal(acceptProposalIntoDraft(db.prisma, input.facilitator, input.round.id, { proposalId: input.proposals.amend, answer, rationale: why }))).toMatchObject({
      code: "CONFLICT", messageKey: "synthesis.errors.proposalNotOpen",
    });

    const published = await publishRevision(db.prisma, input.facilitator, input.round.id, { summary: "Accolte le quattro proposte dei partecipanti." });
    expect(published).toEqual({ revisionId, number, planSlug: input.round.planSlug });
    expect(await db.prisma.revision.findUniqueOrThrow({ where: { id: revisionId } })).toMatchObject({ status: "PUBLISHED", summary: "Accolte le quattro proposte dei partecipanti." });
    expect((await db.prisma.plan.findUniqueOrThrow({ where: { id: input.round.planId } })).currentRevisionId).toBe(revisionId);
    expect((await db.prisma.round.findUniqueOrThrow({ where: { id: input.round.id } })).status).toBe("PUBLISHED");
    expect(await db.prisma.auditEvent.count({ where: { action: "revision.published", entityId: revisionId } })).toBe(1);
    const notified = await db.prisma.notification.findMany({ where: { kind: "REVISION_PUBLISHED", data: { path: ["roundId"], equals: input.round.id } } });
    const participants = [...input.voters, input.supporter, ...Object.values(input.proposalAuthors)].map((actor) => actor.userId);
    expect(notified.map((row) => row.userId).sort()).toEqual([...new Set(participants)].sort());
    expect(notified[0]!.data).toMatchObject({ revisionNumber: number, path: `/consultazioni/${input.round.id}/esiti` });
    expect(await db.prisma.emailOutbox.count({ where: { to: input.voters[0]!.email! } })).toBeGreaterThan(0);

    // A published revision is immutable.
    const edits = [
      changeDraftMeasure(db.prisma, input.facilitator, input.round.id, { measureId: input.measures["1.1"], text: "Dopo la pubblicazione.", rationale: why, editorial: true }),
      addDraftMeasure(db.prisma, input.facilitator, input.round.id, { axisId: input.axes[1], text: "Dopo la pubblicazione.", rationale: why, editorial: true }),
      retireDraftMeasure(db.prisma, input.facilitator, input.round.id, { measureId: input.measures["1.1"], rationale: why, editorial: true }),
      reorderDraftMeasures(db.prisma, input.facilitator, input.round.id, { axisId: input.axes[1], measureIds: [input.measures["1.1"]], rationale: why, editorial: true }),
      changeDraftAxis(db.prisma, input.facilitator, input.round.id, { axisId: input.axes[1], title: "Dopo la pubblicazione", rationale: why, editorial: true }),
      acceptProposalIntoDraft(db.prisma, input.facilitator, input.round.id, { proposalId: input.proposals.amend, answer, rationale: why }),
      publishRevision(db.prisma, input.facilitator, input.round.id, { summary: "Una seconda pubblicazione." }),
    ];
    for (const edit of edits) expect(await refusal(edit)).toMatchObject({ code: "CONFLICT", messageKey: "synthesis.errors.revisionPublished" });
    expect(await startRevisionDraft(db.prisma, input.facilitator, input.round.id)).toMatchObject({ revisionId, created: false });
    expect((await getRevisionDraft(db.prisma, input.facilitator, input.round.id)).canEdit).toBe(false);
  });

  test("the publication and its notifications commit together: when the notifications cannot be recorded, nothing is published", async () => {
    const input = await closedRoundWithInput(db.prisma);
    const { revisionId } = await startRevisionDraft(db.prisma, input.facilitator, input.round.id);
    for (const key of ["amend", "create", "retire", "decision"] as const) {
      await answerProposal(db.prisma, input.facilitator, input.proposals[key], { status: "REJECTED", answer: "Non rientra negli obiettivi del piano." });
    }
    // A failure in the middle of the fan-out (e.g. the connection lost): a trigger of this file's own database.
    await db.prisma.$executeRawUnsafe(`CREATE FUNCTION refuse_publication_notice() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RAISE EXCEPTION ''notification refused''; END'`);
    await db.prisma.$executeRawUnsafe(`CREATE TRIGGER refuse_publication_notice BEFORE INSERT ON "Notification" FOR EACH ROW WHEN (NEW.kind = 'REVISION_PUBLISHED') EXECUTE FUNCTION refuse_publication_notice()`);
    try {
      await expect(publishRevision(db.prisma, input.facilitator, input.round.id, { summary: "Una sintesi di prova." })).rejects.toThrow("notification refused");
      expect((await db.prisma.revision.findUniqueOrThrow({ where: { id: revisionId } })).status).toBe("DRAFT");
      expect((await db.prisma.round.findUniqueOrThrow({ where: { id: input.round.id } })).status).toBe("SYNTHESIS");
      expect(await db.prisma.auditEvent.count({ where: { action: "revision.published", entityId: revisionId } })).toBe(0);
    } finally {
      await db.prisma.$executeRawUnsafe(`DROP TRIGGER refuse_publication_notice ON "Notification"`);
      await db.prisma.$executeRawUnsafe(`DROP FUNCTION refuse_publication_notice()`);
    }
    await publishRevision(db.prisma, input.facilitator, input.round.id, { summary: "Una sintesi di prova." });
    expect(await db.prisma.notification.count({ where: { kind: "REVISION_PUBLISHED", data: { path: ["roundId"], equals: input.round.id } } })).toBeGreaterThan(0);
  });

  test("publishing is refused while proposals wait for an answer, with their count", async () => {
    const input = await closedRoundWithInput(db.prisma);
    await startRevisionDraft(db.prisma, input.facilitator, input.round.id);
    await acceptProposalIntoDraft(db.prisma, input.facilitator, input.round.id, { proposalId: input.proposals.amend, answer: "Accolta così com'è.", rationale: why });
    expect(await refusal(publishRevision(db.prisma, input.facilitator, input.round.id, { summary: "Una sintesi di prova." }))).toMatchObject({
      code: "CONFLICT", messageKey: "synthesis.errors.unansweredProposals", details: { count: 3 },
    });
    for (const key of ["create", "retire", "decision"] as const) {
      await answerProposal(db.prisma, input.facilitator, input.proposals[key], { status: "REJECTED", answer: "Non rientra negli obiettivi del piano." });
    }
    const view = await getRevisionDraft(db.prisma, input.facilitator, input.round.id);
    expect(view.unansweredProposals).toBe(0);
    await publishRevision(db.prisma, input.admin, input.round.id, { summary: "Una sintesi di prova." });
    expect((await db.prisma.round.findUniqueOrThrow({ where: { id: input.round.id } })).status).toBe("PUBLISHED");
  });
});
