/**
 * Public synthesis pages' data on real PostgreSQL, from a hand-built published revision
 * (tests/support/synthesis-public-scenario.ts): the word-level revision diff (added, retired,
 * changed text with exact segments, decision fields old → new, moved, unchanged counted, axis
 * texts), revision 1 with nothing to compare, drafts never exposed, and "you said, we did":
 * changes with rationale, before/after and links, proposals with answers, results by category
 * merged for k-anonymity, participation figures.
 */
import { AppError } from "@/lib/errors/app-error";
import { planAddressExists } from "@/lib/plan/plan-address-exists";
import { getRevisionDiff } from "@/lib/synthesis/get-revision-diff";
import { getRoundOutcome } from "@/lib/synthesis/get-round-outcome";
import { MERGED_CATEGORY } from "@/lib/synthesis/k-anonymity";
import { acceptProposalIntoDraft } from "@/lib/synthesis/accept-proposal-into-draft";
import { changeDraftMeasure } from "@/lib/synthesis/change-draft-measure";
import { publishRevision } from "@/lib/synthesis/publish-revision";
import { retireDraftMeasure } from "@/lib/synthesis/retire-draft-measure";
import { startRevisionDraft } from "@/lib/synthesis/start-revision-draft";
import { facilitator, freshPlan } from "../support/scheduling-factory";
import { BULLET_AFTER_SUFFIX, NEW_BULLET, NEW_MEASURE_TEXT, type PublicScenario, TEXT_AFTER, TEXT_BEFORE, buildPublicScenario } from "../support/synthesis-public-scenario";
import { databaseForThisFile } from "../support/test-database";

jest.setTimeout(120_000);
const db = databaseForThisFile();

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

let scenario: PublicScenario;
beforeAll(async () => {
  const plan = await freshPlan(db.prisma);
  scenario = await buildPublicScenario(db.prisma, plan.id, "integrazione");
});

describe("getRevisionDiff", () => {
  test("the published revision against the previous one: every kind of difference, measure by measure", async () => {
    const diff = await getRevisionDiff(db.prisma, { slug: scenario.plan.slug, number: scenario.published });
    expect(diff.previous?.number).toBe(scenario.consulted);
    expect(diff.revision).toMatchObject({ number: scenario.published, isCurrent: true, fromRound: { id: scenario.round.id, title: scenario.round.title } });
    const comparison = diff.comparison!;
    expect(comparison.counts).toEqual({ added: 1, retired: 1, changed: 2, moved: 1, unchanged: scenario.consultedMeasures - 4, axesChanged: 1 });

    const axis1 = comparison.axes.find((axis) => axis.number === 1)!;
    const byCode = (code: string) => comparison.axes.flatMap((axis) => axis.measures).find((measure) => measure.code === code);

    // Text: the exact word-level segments.
    expect(byCode(scenario.measures.changed.code)).toMatchObject({
      kind: "changed",
      fields: [],
      moved: null,
      currentText: TEXT_AFTER,
      text: [
        { kind: "same", text: "Istituire un tavolo " },
        { kind: "removed", text: "permanente " },
        { kind: "added", text: "stabile " },
        { kind: "same", text: "di coordinamento tra i servizi " },
        { kind: "added", text: "sociali " },
        { kind: "same", text: "del territorio." },
      ],
    });
    // Concatenations give back both texts.
    const segments = byCode(scenario.measures.changed.code)!.text!;
    expect(segments.filter((segment) => segment.kind !== "added").map((segment) => segment.text).join("")).toBe(TEXT_BEFORE);
    expect(segments.filter((segment) => segment.kind !== "removed").map((segment) => segment.text).join("")).toBe(TEXT_AFTER);

    // Decision fields old → new; the text untouched.
    expect(byCode(scenario.measures.fields.code)).toMatchObject({
      kind: "changed",
      text: null,
      fields: [
        { field: "budgetCents", before: 10_000_000, after: 15_000_000 },
        { field: "department", before: null, after: "Ufficio Ambiente" },
      ],
    });
    // Retired and added: whole texts, where they stand in the axis.
    const retired = byCode(scenario.measures.retired.code)!;
    expect(retired).toMatchObject({ kind: "retired", fields: [] });
    expect(retired.text).toEqual([{ kind: "removed", text: retired.currentText }]);
    expect(byCode(scenario.added.code)).toMatchObject({ kind: "added", text: [{ kind: "added", text: NEW_MEASURE_TEXT }] });
    expect(axis1.measures.map((measure) => measure.code)).toEqual([scenario.measures.changed.code, scenario.measures.fields.code, scenario.measures.retired.code, scenario.added.code]);
    // Moved: 2.1 from first to last place of axis 2; no other measure of the axis counts as moved.
    const axis2 = comparison.axes.find((axis) => axis.number === 2)!;
    expect(axis2.measures).toEqual([expect.objectContaining({ code: scenario.measures.moved.code, kind: "moved", text: null, fields: [], moved: { from: 1, to: scenario.axis2.lastPlace } })]);
    expect(axis2.axisChanged).toBe(false);
    expect(axis2.unchangedMeasures).toBe(scenario.axis2.lastPlace - 1);

    // Axis 1: title and expected results.
    expect(axis1.axisChanged).toBe(true);
    expect(axis1.title).toBe(scenario.axis1.newTitle);
    expect(axis1.titleDiff).toEqual([
      { kind: "same", text: scenario.axis1.title },
      { kind: "added", text: " condivisa" },
    ]);
    const bullets = axis1.bullets!;
    expect(bullets[0]!.kind).toBe("changed");
    expect(bullets[0]!.segments.filter((segment) => segment.kind === "added").map((segment) => segment.text).join("")).toContain(BULLET_AFTER_SUFFIX.trim());
    expect(bullets.at(-1)).toEqual({ kind: "added", segments: [{ kind: "added", text: NEW_BULLET }] });
    expect(bullets.slice(1, -1).every((bullet) => bullet.kind === "same")).toBe(true);
    // Untouched axes are listed without differences.
    expect(comparison.axes.filter((axis) => axis.number > 2).every((axis) => !axis.axisChanged && axis.measures.length === 0)).toBe(true);

    // The recorded rationales come along.
    expect(diff.rationales).toEqual(expect.arrayContaining([expect.objectContaining({ kind: "MEASURE_RETIRED", measureId: scenario.measures.retired.id, editorial: true, rationale: "La misura è già stata realizzata." })]));
  });

  test("revision 1 has nothing to compare with", async () => {
    const diff = await getRevisionDiff(db.prisma, { slug: scenario.plan.slug, number: 1 });
    expect(diff.revision.number).toBe(1);
    expect(diff.previous).toBeNull();
    expect(diff.comparison).toBeNull();
    expect(diff.revision.isCurrent).toBe(false);
  });

  test("drafts are not public: the revision is NOT_FOUND, like one that does not exist", async () => {
    expect((await refusal(getRevisionDiff(db.prisma, { slug: scenario.plan.slug, number: scenario.draft }))).code).toBe("NOT_FOUND");
    expect((await refusal(getRevisionDiff(db.prisma, { slug: scenario.plan.slug, number: 999 }))).code).toBe("NOT_FOUND");
    expect((await refusal(getRevisionDiff(db.prisma, { slug: "piano-che-non-esiste", number: 1 }))).code).toBe("NOT_FOUND");
    expect((await refusal(getRevisionDiff(db.prisma, { slug: scenario.plan.slug, number: "uno" }))).code).toBe("NOT_FOUND");
    // The router's address check agrees (proxy answers 404 before the page).
    expect(await planAddressExists(db.prisma, { slug: scenario.plan.slug, revisionNumber: scenario.draft })).toBe(false);
    expect(await planAddressExists(db.prisma, { slug: scenario.plan.slug, revisionNumber: scenario.published })).toBe(true);
    // The draft's text appears nowhere in the published diff.
    const published = await getRevisionDiff(db.prisma, { slug: scenario.plan.slug, number: scenario.published });
    expect(JSON.stringify(published)).not.toContain("bozza");
  });
});

describe("getRoundOutcome", () => {
  test("a round whose revision is still a draft has no public outcome; an unknown round is NOT_FOUND", async () => {
    const outcome = await getRoundOutcome(db.prisma, scenario.draftRound.id);
    expect(outcome).toEqual({ published: false, round: expect.objectContaining({ id: scenario.draftRound.id }) });
    expect(Object.keys(outcome).sort()).toEqual(["published", "round"]);
    expect((await refusal(getRoundOutcome(db.prisma, "6f1d1c39-94f5-4a8c-9d4e-3d1f3f0f0a11"))).code).toBe("NOT_FOUND");
    expect((await refusal(getRoundOutcome(db.prisma, "non-un-id"))).code).toBe("NOT_FOUND");
  });

  test("every change with its kind, rationale, before/after and links to what motivated it; editorial ones marked", async () => {
    const outcome = await getRoundOutcome(db.prisma, scenario.round.id);
    if (!outcome.published) throw new Error("expected a published outcome");
    expect(outcome.revision.number).toBe(scenario.published);
    expect(outcome.consultedRevision.number).toBe(scenario.consulted);
    expect(outcome.changes).toHaveLength(6);
    const change = (id: string) => outcome.changes.find((item) => item.id === id)!;

    const text = change(scenario.changes.text);
    expect(text).toMatchObject({ kind: "MEASURE_TEXT_CHANGED", editorial: false, measure: { code: scenario.measures.changed.code }, rationale: "Molti hanno chiesto un tavolo stabile con i servizi sociali." });
    expect(text.measureDiff?.text).toContainEqual({ kind: "added", text: "stabile " });
    expect(text.links).toEqual(
      expect.arrayContaining([
        { type: "proposal", id: scenario.proposals.accepted, roundId: scenario.round.id, title: expect.stringContaining("Un tavolo stabile"), moderation: "VISIBLE", status: "ACCEPTED" },
        { type: "comment", id: scenario.commentId, roundId: scenario.round.id, measureCode: scenario.measures.changed.code, axisNumber: null, excerpt: "Il tavolo deve coinvolgere anche i servizi sociali." },
      ]),
    );
    expect(text.links).toHaveLength(2);

    const fields = change(scenario.changes.fields);
    expect(fields.measureDiff?.fields).toEqual([
      { field: "budgetCents", before: 10_000_000, after: 15_000_000 },
      { field: "department", before: null, after: "Ufficio Ambiente" },
    ]);
    expect(fields.links).toEqual(
      expect.arrayContaining([
        { type: "voteResults", roundId: scenario.round.id, measureCode: scenario.measures.fields.code },
        { type: "swot", id: scenario.swotId, roundId: scenario.round.id, kind: "WEAKNESS", excerpt: "Manca un ufficio che segua l'ambiente." },
      ]),
    );

    expect(change(scenario.changes.retired)).toMatchObject({ kind: "MEASURE_RETIRED", editorial: true, links: [], measureDiff: { kind: "retired" } });
    expect(change(scenario.changes.added)).toMatchObject({ kind: "MEASURE_ADDED", measureDiff: { kind: "added", currentText: NEW_MEASURE_TEXT }, links: [expect.objectContaining({ type: "proposal", id: scenario.proposals.newMeasure })] });
    const reordered = change(scenario.changes.reordered);
    expect(reordered).toMatchObject({ kind: "MEASURES_REORDERED", editorial: true, axis: { number: 2 } });
    expect(reordered.axisDiff?.measures.map((measure) => [measure.code, measure.moved])).toEqual([[scenario.measures.moved.code, { from: 1, to: scenario.axis2.lastPlace }]]);
    expect(change(scenario.changes.axis).axisDiff?.titleDiff).toContainEqual({ kind: "added", text: " condivisa" });
    // Ordered by axis, then measure.
    expect(outcome.changes.map((item) => item.measure?.code ?? `asse ${item.axis?.number}`)).toEqual(["asse 1", "1.1", "1.2", "1.3", scenario.added.code, "asse 2"]);
  });

  test("every proposal of the round with its status and answer", async () => {
    const outcome = await getRoundOutcome(db.prisma, scenario.round.id);
    if (!outcome.published) throw new Error("expected a published outcome");
    expect(outcome.proposals.map((proposal) => [proposal.id, proposal.status, proposal.answer, proposal.supportCount])).toEqual([
      [scenario.proposals.accepted, "ACCEPTED", "Accolta: il tavolo sarà stabile e aperto ai servizi sociali.", 1],
      [scenario.proposals.newMeasure, "ACCEPTED", "Accolta come nuova misura.", 0],
      [scenario.proposals.rejected, "REJECTED", "Respinta: la misura ha un ampio sostegno.", 0],
    ]);
    expect(outcome.proposals[2]).toMatchObject({ kind: "RETIRE_MEASURE", measureCode: scenario.measures.rejectedTarget.code });
    expect(outcome.proposals[1]).toMatchObject({ kind: "NEW_MEASURE", measureCode: null, axisNumber: 1 });
  });

  test("results by category merge small categories into OTHER (k-anonymity); no individual vote; participation figures", async () => {
    const outcome = await getRoundOutcome(db.prisma, scenario.round.id);
    if (!outcome.published) throw new Error("expected a published outcome");
    const { results } = outcome;
    expect(results.minVoters).toBe(5);
    // 1.1: CITIZEN 6 shown; BUSINESS 2 + THIRD_SECTOR 1 are too few, so FAMILY (5, the smallest left) joins them.
    const changed = results.byCategory.find((measure) => measure.code === scenario.measures.changed.code)!;
    expect(changed.rows.map(({ category, support, oppose, abstain, voters, prioritySum, priorityCount, suppressed }) => ({ category, support, oppose, abstain, voters, prioritySum, priorityCount, suppressed }))).toEqual([
      { category: "CITIZEN", support: 6, oppose: 0, abstain: 0, voters: 6, prioritySum: 30, priorityCount: 6, suppressed: false },
      { category: MERGED_CATEGORY, support: 3, oppose: 4, abstain: 1, voters: 8, prioritySum: 15, priorityCount: 5, suppressed: false },
    ]);
    // 1.2: one live voter only: even merged they are too few, so the row is flagged suppressed.
    const fields = results.byCategory.find((measure) => measure.code === scenario.measures.fields.code)!;
    expect(fields.rows).toEqual([expect.objectContaining({ category: MERGED_CATEGORY, voters: 1, suppressed: true })]);
    // Totals combine web, live and paper.
    const total = results.measures.find((measure) => measure.code === scenario.measures.changed.code)!;
    expect(total.total).toMatchObject({ support: 12, oppose: 5, abstain: 1, total: 18 });
    expect(total.bySource.paper).toMatchObject({ support: 3, oppose: 1, abstain: 0 });
    // Nothing in the data names a voter.
    const json = JSON.stringify(outcome);
    expect(json).not.toMatch(/userId|sintesi-integrazione-\d+@/);

    expect(outcome.participation).toEqual({
      voters: 15,
      votersByChannel: { web: 14, live: 1 },
      votesBySource: { web: 14, live: 1, paper: 4 },
      comments: 1,
      proposals: 3,
      proposalSupports: 1,
      swotEntries: 1,
    });
  });
});

describe("through the drafting domain", () => {
  test("a draft is not public until published; then its diff and outcome show exactly what was drafted, with the links", async () => {
    const plan = await freshPlan(db.prisma);
    const day = 24 * 3600_000;
    const round = await db.prisma.round.create({
      data: { planId: plan.id, revisionId: plan.revisionId, title: "Consultazione da sintetizzare", status: "CLOSED", opensAt: new Date(Date.now() - 3 * day), closesAt: new Date(Date.now() - day) },
      select: { id: true },
    });
    const code = async (measureCode: string) => (await db.prisma.measure.findUniqueOrThrow({ where: { planId_code: { planId: plan.id, code: measureCode } }, select: { id: true } })).id;
    const [first, second, third] = [await code("1.1"), await code("1.2"), await code("1.3")];
    const author = await db.prisma.user.create({ data: { email: `autrice-dominio-${Date.now()}@example.it`, profile: { create: { displayName: "Autrice", category: "FAMILY" } } }, select: { id: true } });
    const comment = await db.prisma.comment.create({ data: { roundId: round.id, authorId: author.id, measureId: first, body: "Serve più chiarezza." }, select: { id: true } });
    const proposal = await db.prisma.proposal.create({
      data: { roundId: round.id, authorId: author.id, kind: "AMEND_MEASURE", measureId: second, title: "Riscrivere la misura", rationale: "Più semplice.", proposedText: "Un testo nuovo e più semplice per la misura." },
      select: { id: true },
    });
    const staff = await facilitator(db.prisma);
    const draft = await startRevisionDraft(db.prisma, staff, round.id);
    const firstBefore = (await db.prisma.measureVersion.findUniqueOrThrow({ where: { measureId_revisionId: { measureId: first, revisionId: plan.revisionId } } })).text;
    await changeDraftMeasure(db.prisma, staff, round.id, { measureId: first, text: `${firstBefore} Con un calendario pubblico.`, rationale: "Richiesto nei commenti.", commentIds: [comment.id] });
    await acceptProposalIntoDraft(db.prisma, staff, round.id, { proposalId: proposal.id, answer: "Accolta così com'è.", rationale: "La proposta semplifica il testo." });
    await retireDraftMeasure(db.prisma, staff, round.id, { measureId: third, rationale: "Già realizzata nel frattempo.", editorial: "on" });

    // Not public while a draft.
    expect((await refusal(getRevisionDiff(db.prisma, { slug: plan.slug, number: draft.number }))).code).toBe("NOT_FOUND");
    expect((await getRoundOutcome(db.prisma, round.id)).published).toBe(false);

    await publishRevision(db.prisma, staff, round.id, { summary: "Tre modifiche dopo la consultazione." });
    const diff = await getRevisionDiff(db.prisma, { slug: plan.slug, number: draft.number });
    expect(diff.revision).toMatchObject({ isCurrent: true, summary: "Tre modifiche dopo la consultazione.", fromRound: { id: round.id } });
    expect(diff.comparison!.counts).toMatchObject({ added: 0, retired: 1, changed: 2, moved: 0 });
    const axis1 = diff.comparison!.axes.find((axis) => axis.number === 1)!;
    expect(axis1.measures.find((measure) => measure.code === "1.1")!.text!.filter((segment) => segment.kind !== "same")).toEqual([{ kind: "added", text: " Con un calendario pubblico." }]);
    expect(axis1.measures.find((measure) => measure.code === "1.2")!.currentText).toBe("Un testo nuovo e più semplice per la misura.");

    const outcome = await getRoundOutcome(db.prisma, round.id);
    if (!outcome.published) throw new Error("expected a published outcome");
    expect(outcome.changes.map((change) => [change.kind, change.measure?.code, change.editorial, change.links.map((link) => `${link.type}:${"id" in link ? link.id : ""}`)])).toEqual([
      ["MEASURE_TEXT_CHANGED", "1.1", false, [`comment:${comment.id}`]],
      ["MEASURE_TEXT_CHANGED", "1.2", false, [`proposal:${proposal.id}`]],
      ["MEASURE_RETIRED", "1.3", true, []],
    ]);
    expect(outcome.proposals).toEqual([expect.objectContaining({ id: proposal.id, status: "ACCEPTED", answer: "Accolta così com'è." })]);
  });
});
