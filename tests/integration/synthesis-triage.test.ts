/** Triage of a round's input against PostgreSQL: tags, the grouped and filtered lists, merging duplicates with their supports. */
import { answerProposal } from "@/lib/proposals/answer-proposal";
import { listTriage } from "@/lib/proposals/list-triage";
import { mergeProposals } from "@/lib/proposals/merge-proposals";
import { submitProposal } from "@/lib/proposals/submit-proposal";
import { supportProposal } from "@/lib/proposals/support-proposal";
import { tagProposal } from "@/lib/proposals/tag-proposal";
import { tagSwotEntry } from "@/lib/swot/tag-swot-entry";
import { withdrawProposal } from "@/lib/proposals/withdraw-proposal";
import { signedInUser } from "../support/auth-factory";
import { amendmentInput, axisId, closeRound, swotEntry } from "../support/proposals-factory";
import { createRound, measureId, stakeholder } from "../support/round-factory";
import { refusal } from "../support/refusal";
import { databaseForThisFile } from "../support/test-database";

jest.setTimeout(60_000);
const db = databaseForThisFile();

const mergeAnswer = "Unita: la stessa richiesta è già in un'altra proposta.";

async function amendment(round: Awaited<ReturnType<typeof createRound>>, author: Awaited<ReturnType<typeof stakeholder>>, code: string, title: string) {
  return (await submitProposal(db.prisma, author, round.id, await amendmentInput(db.prisma, round, code, { title }))).id;
}

describe("tags", () => {
  test("are normalised, deduplicated and replace the earlier ones; audited", async () => {
    const round = await createRound(db.prisma);
    const author = await stakeholder(db.prisma);
    const facilitator = await signedInUser(db.prisma, "FACILITATOR");
    const id = await amendment(round, author, "1.1", "Scuole");
    expect(await tagProposal(db.prisma, facilitator, id, { tags: " Scuole ,  TRASPORTI  pubblici, scuole,, " })).toEqual({ tags: ["scuole", "trasporti pubblici"] });
    expect((await db.prisma.proposal.findUniqueOrThrow({ where: { id } })).tags).toEqual(["scuole", "trasporti pubblici"]);
    await tagProposal(db.prisma, facilitator, id, { tags: "giovani" });
    expect((await db.prisma.proposal.findUniqueOrThrow({ where: { id } })).tags).toEqual(["giovani"]);
    await tagProposal(db.prisma, facilitator, id, { tags: "" });
    expect((await db.prisma.proposal.findUniqueOrThrow({ where: { id } })).tags).toEqual([]);
    const events = await db.prisma.auditEvent.findMany({ where: { entityId: id, action: "proposal.tagged" }, orderBy: { at: "asc" } });
    expect(events).toHaveLength(3);
    expect(events).toContainEqual(expect.objectContaining({ actorId: facilitator.userId, data: { roundId: round.id, tags: ["scuole", "trasporti pubblici"], previousTags: [] } }));

    const entry = await swotEntry(db.prisma, author, round);
    expect(await tagSwotEntry(db.prisma, facilitator, entry, { tags: ["Rete", "rete", "Associazioni"] })).toEqual({ tags: ["rete", "associazioni"] });
    expect((await db.prisma.swotEntry.findUniqueOrThrow({ where: { id: entry } })).tags).toEqual(["rete", "associazioni"]);
  });

  test("at most 10 tags of at most 40 characters; unknown fields refused; only facilitators and admins", async () => {
    const round = await createRound(db.prisma);
    const author = await stakeholder(db.prisma);
    const facilitator = await signedInUser(db.prisma, "FACILITATOR");
    const id = await amendment(round, author, "1.1", "Scuole");
    expect(await refusal(tagProposal(db.prisma, facilitator, id, { tags: Array.from({ length: 11 }, (_, i) => `t${i}`) }))).toMatchObject({ code: "VALIDATION", details: { tags: "synthesis.triage.errors.tooManyTags" } });
    expect(await refusal(tagProposal(db.prisma, facilitator, id, { tags: "x".repeat(41) }))).toMatchObject({ code: "VALIDATION", details: { tags: "synthesis.triage.errors.tagTooLong" } });
    expect(await refusal(tagProposal(db.prisma, facilitator, id, { tags: "a", status: "ACCEPTED" }))).toMatchObject({ code: "VALIDATION" });
    // Eleven given, ten after deduplication, one of exactly 40 characters: fine.
    expect((await tagProposal(db.prisma, facilitator, id, { tags: [...Array.from({ length: 9 }, (_, i) => `tag${i}`), "TAG0", "y".repeat(40)] })).tags).toHaveLength(10);
    expect(await refusal(tagProposal(db.prisma, await signedInUser(db.prisma, "OFFICIAL"), id, { tags: "a" }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusal(tagProposal(db.prisma, author, id, { tags: "a" }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusal(tagProposal(db.prisma, null, id, { tags: "a" }))).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await refusal(tagProposal(db.prisma, facilitator, "not-an-id", { tags: "a" }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await refusal(tagSwotEntry(db.prisma, facilitator, "00000000-0000-4000-8000-000000000000", { tags: "a" }))).toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("the triage lists", () => {
  test("group proposals and observations by axis and measure, with support counts, filterable by author category and tag", async () => {
    const round = await createRound(db.prisma);
    const citizen = await stakeholder(db.prisma, "CITIZEN");
    const business = await stakeholder(db.prisma, "BUSINESS");
    const supporter = await stakeholder(db.prisma, "FAMILY");
    const facilitator = await signedInUser(db.prisma, "FACILITATOR");
    const onFirst = await amendment(round, citizen, "1.1", "Da cittadini");
    const onFirstByBusiness = await amendment(round, business, "1.1", "Da imprese");
    const onOther = await amendment(round, business, "3.12", "Altra misura");
    const axis2 = await axisId(db.prisma, round.planId, 2);
    const newMeasure = (await submitProposal(db.prisma, citizen, round.id, { kind: "NEW_MEASURE", axisId: axis2, title: "Nuova", proposedText: "Una misura nuova.", rationale: "Serve." })).id;
    await supportProposal(db.prisma, supporter, onFirstByBusiness);
    await supportProposal(db.prisma, citizen, onFirstByBusiness);
    const swotOnAxis = await swotEntry(db.prisma, business, round, "WEAKNESS", "Pochi servizi.", axis2);
    const swotGeneral = await swotEntry(db.prisma, citizen, round, "STRENGTH", "Molte associazioni.");
    await tagProposal(db.prisma, facilitator, onFirst, { tags: "scuole" });
    await tagSwotEntry(db.prisma, facilitator, swotGeneral, { tags: "scuole, rete" });
    await tagProposal(db.prisma, facilitator, onOther, { tags: "bilancio" });

    const all = await listTriage(db.prisma, facilitator, round.id, {});
    expect(all.canEdit).toBe(true);
    expect(all.counts).toEqual({ proposals: 4, swot: 2 });
    expect(all.tags).toEqual(["bilancio", "rete", "scuole"]);
    const measure11 = all.axes.flatMap((axis) => axis.measures).find((measure) => measure.code === "1.1")!;
    // Most supported first.
    expect(measure11.proposals.map((p) => [p.id, p.supportCount, p.authorCategory])).toEqual([[onFirstByBusiness, 2, "BUSINESS"], [onFirst, 0, "CITIZEN"]]);
    expect(all.axes.flatMap((axis) => axis.measures).find((measure) => measure.code === "3.12")!.proposals.map((p) => p.id)).toEqual([onOther]);
    const second = all.axes.find((axis) => axis.number === 2)!;
    expect(second.newMeasures.map((p) => p.id)).toEqual([newMeasure]);
    expect(second.swot.map((entry) => [entry.id, entry.kind, entry.authorCategory])).toEqual([[swotOnAxis, "WEAKNESS", "BUSINESS"]]);
    expect(all.general.swot.map((entry) => entry.id)).toEqual([swotGeneral]);

    const businessOnly = await listTriage(db.prisma, facilitator, round.id, { categoria: "BUSINESS" });
    expect(businessOnly.filters.category).toBe("BUSINESS");
    expect(businessOnly.axes.flatMap((axis) => [...axis.newMeasures, ...axis.measures.flatMap((m) => m.proposals)]).map((p) => p.id).sort()).toEqual([onFirstByBusiness, onOther].sort());
    expect(businessOnly.axes.flatMap((axis) => axis.swot).map((entry) => entry.id)).toEqual([swotOnAxis]);
    expect(businessOnly.general.swot).toEqual([]);

    const tagged = await listTriage(db.prisma, facilitator, round.id, { tag: " SCUOLE " });
    expect(tagged.filters.tag).toBe("scuole");
    expect(tagged.counts).toEqual({ proposals: 1, swot: 1 });
    expect(tagged.axes.flatMap((axis) => axis.measures.flatMap((m) => m.proposals)).map((p) => p.id)).toEqual([onFirst]);
    // Both filters at once, and a bad category ignored.
    expect((await listTriage(db.prisma, facilitator, round.id, { tag: "scuole", categoria: "BUSINESS" })).counts).toEqual({ proposals: 0, swot: 0 });
    expect((await listTriage(db.prisma, facilitator, round.id, { categoria: "NOPE" })).counts).toEqual({ proposals: 4, swot: 2 });
  });

  test("are paged in display order (measure by measure, then observations), with merge targets from the groups shown", async () => {
    const round = await createRound(db.prisma);
    const author = await stakeholder(db.prisma, "CITIZEN");
    const facilitator = await signedInUser(db.prisma, "FACILITATOR");
    const [m11, m12, axis1] = await Promise.all([measureId(db.prisma, round.planId, "1.1"), measureId(db.prisma, round.planId, "1.2"), axisId(db.prisma, round.planId, 1)]);
    const two = (n: number) => String(n).padStart(2, "0");
    const proposal = (measure: string, title: string) => ({ roundId: round.id, authorId: author.userId, kind: "RETIRE_MEASURE" as const, measureId: measure, title, rationale: "Non serve più." });
    // 60 proposals (40 on 1.1, 20 on 1.2), 5 observations on axis 1, 3 on the whole plan: 68 items.
    await db.prisma.proposal.createMany({ data: [...Array.from({ length: 40 }, (_, i) => proposal(m11, `A ${two(i + 1)}`)), ...Array.from({ length: 20 }, (_, i) => proposal(m12, `B ${two(i + 1)}`))] });
    await db.prisma.swotEntry.createMany({
      data: [
        ...Array.from({ length: 5 }, (_, i) => ({ roundId: round.id, authorId: author.userId, kind: "WEAKNESS" as const, body: `Asse ${i}`, axisId: axis1, createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)) })),
        ...Array.from({ length: 3 }, (_, i) => ({ roundId: round.id, authorId: author.userId, kind: "STRENGTH" as const, body: `Piano ${i}`, axisId: null, createdAt: new Date(Date.UTC(2026, 0, 1, 0, 1, i)) })),
      ],
    });
    const byTitle = async (title: string) => (await db.prisma.proposal.findFirstOrThrow({ where: { roundId: round.id, title } })).id;
    // Support reorders 1.1 (most supported first); a withdrawn proposal is listed but is no merge target.
    await supportProposal(db.prisma, await stakeholder(db.prisma), await byTitle("A 40"));
    await db.prisma.proposal.update({ where: { id: await byTitle("A 02") }, data: { status: "WITHDRAWN" } });

    const list = (query: Record<string, string>) => listTriage(db.prisma, facilitator, round.id, query, { pageSize: 25 });
    const titles = (triage: Awaited<ReturnType<typeof list>>) => [...triage.axes.flatMap((axis) => [...axis.measures.flatMap((m) => m.proposals), ...axis.newMeasures]), ...triage.general.proposals].map((p) => p.title);
    const swot = (triage: Awaited<ReturnType<typeof list>>) => [...triage.axes.flatMap((axis) => axis.swot), ...triage.general.swot].map((entry) => entry.body);

    const first = await list({});
    expect([first.page, first.pageCount, first.counts]).toEqual([1, 3, { proposals: 60, swot: 8 }]);
    expect(titles(first)).toEqual(["A 40", ...Array.from({ length: 24 }, (_, i) => `A ${two(i + 1)}`)]);
    expect(swot(first)).toEqual([]);
    // Targets: every open proposal of measure 1.1, on this page or the next; not the withdrawn one, nothing of 1.2.
    expect(first.mergeTargets).toHaveLength(39);
    expect(new Set(first.mergeTargets.map((target) => target.measureCode))).toEqual(new Set(["1.1"]));
    expect(first.mergeTargets.map((target) => target.title)).not.toContain("A 02");

    const second = await list({ pagina: "2" });
    expect(titles(second)).toEqual([...Array.from({ length: 15 }, (_, i) => `A ${two(i + 25)}`), ...Array.from({ length: 10 }, (_, i) => `B ${two(i + 1)}`)]);
    expect(second.mergeTargets).toHaveLength(59);

    const last = await list({ pagina: "3" });
    expect(titles(last)).toEqual(Array.from({ length: 10 }, (_, i) => `B ${two(i + 11)}`));
    expect(swot(last)).toEqual(["Asse 0", "Asse 1", "Asse 2", "Asse 3", "Asse 4", "Piano 0", "Piano 1", "Piano 2"]);
    expect(last.mergeTargets.map((target) => target.measureCode)).toEqual(Array(20).fill("1.2"));
    // Every item once over the pages.
    expect(new Set([...titles(first), ...titles(second), ...titles(last)]).size).toBe(60);

    // A page past the end is the last one; a bad one is the first; a filter pages its own matches.
    expect((await list({ pagina: "99" })).page).toBe(3);
    expect((await list({ pagina: "nope" })).page).toBe(1);
    await tagProposal(db.prisma, facilitator, await byTitle("B 20"), { tags: "doppioni" });
    const tagged = await list({ tag: "doppioni", pagina: "2" });
    expect([tagged.page, tagged.pageCount, titles(tagged)]).toEqual([1, 1, ["B 20"]]);
    // The default page holds 50 items.
    expect((await listTriage(db.prisma, facilitator, round.id, {})).pageCount).toBe(2);
  });

  test("officials may read but not edit; stakeholders and visitors may not read", async () => {
    const round = await createRound(db.prisma);
    const official = await listTriage(db.prisma, await signedInUser(db.prisma, "OFFICIAL"), round.id, {});
    expect(official.canEdit).toBe(false);
    expect((await listTriage(db.prisma, await signedInUser(db.prisma, "ADMIN"), round.id, {})).canEdit).toBe(true);
    expect(await refusal(listTriage(db.prisma, await stakeholder(db.prisma), round.id, {}))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusal(listTriage(db.prisma, null, round.id, {}))).toMatchObject({ code: "UNAUTHENTICATED" });
  });
});

describe("merging duplicates", () => {
  test("answers each duplicate MERGED, carries supports over once, notifies authors and supporters, audits, in one go", async () => {
    const round = await createRound(db.prisma);
    const [targetAuthor, firstAuthor, secondAuthor, both, onlyFirst] = await Promise.all([stakeholder(db.prisma), stakeholder(db.prisma), stakeholder(db.prisma), stakeholder(db.prisma), stakeholder(db.prisma)]);
    const facilitator = await signedInUser(db.prisma, "FACILITATOR");
    const target = await amendment(round, targetAuthor, "1.1", "Bersaglio");
    const first = await amendment(round, firstAuthor, "1.1", "Doppione uno");
    const second = await amendment(round, secondAuthor, "1.1", "Doppione due");
    await supportProposal(db.prisma, both, first);
    await supportProposal(db.prisma, both, second);
    await supportProposal(db.prisma, onlyFirst, first);
    await supportProposal(db.prisma, targetAuthor, second); // the target's author: not added to their own proposal
    await supportProposal(db.prisma, both, target); // already supports the target
    await closeRound(db.prisma, round.id);

    const result = await mergeProposals(db.prisma, facilitator, round.id, { targetId: target, duplicateIds: [first, second, first], answer: mergeAnswer });
    expect(result).toEqual({ targetId: target, mergedIds: [first, second], supportsCarried: 1 });

    for (const id of [first, second]) {
      expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "MERGED", mergedIntoId: target, answer: mergeAnswer, answeredById: facilitator.userId });
    }
    const supporters = (await db.prisma.proposalSupport.findMany({ where: { proposalId: target } })).map((s) => s.userId).sort();
    expect(supporters).toEqual([both.userId, onlyFirst.userId].sort());
    // The duplicates keep their own supports.
    expect(await db.prisma.proposalSupport.count({ where: { proposalId: first } })).toBe(2);

    const notified = await db.prisma.notification.findMany({ where: { kind: "PROPOSAL_ANSWERED" }, select: { userId: true, data: true } });
    const about = (id: string) => notified.filter((n) => (n.data as { proposalId: string }).proposalId === id).map((n) => n.userId).sort();
    expect(about(first)).toEqual([firstAuthor.userId, both.userId, onlyFirst.userId].sort());
    expect(about(second)).toEqual([secondAuthor.userId, both.userId, targetAuthor.userId].sort());
    expect(about(target)).toEqual([]);

    expect(await db.prisma.auditEvent.findFirst({ where: { action: "proposals.merged", entityId: target } })).toMatchObject({ actorId: facilitator.userId, data: { roundId: round.id, mergedIds: [first, second], supportsCarried: 1 } });
    expect(await db.prisma.auditEvent.count({ where: { action: "proposal.answered", entityId: { in: [first, second] } } })).toBe(2);
  });

  test("all or nothing: a duplicate of another round, a withdrawn one, a merged target, a proposal others were merged into", async () => {
    const round = await createRound(db.prisma);
    const other = await createRound(db.prisma, { opensAt: new Date(Date.now() + 10 * 86_400_000), closesAt: new Date(Date.now() + 12 * 86_400_000), status: "SCHEDULED" });
    const author = await stakeholder(db.prisma);
    const facilitator = await signedInUser(db.prisma, "FACILITATOR");
    const target = await amendment(round, author, "1.1", "Bersaglio");
    const fine = await amendment(round, author, "1.1", "Doppione");
    const supporter = await stakeholder(db.prisma);
    await supportProposal(db.prisma, supporter, fine);
    const withdrawn = await amendment(round, author, "1.1", "Ritirata");
    await withdrawProposal(db.prisma, author, withdrawn);
    const foreign = (await db.prisma.proposal.create({ data: { roundId: other.id, authorId: author.userId, kind: "RETIRE_MEASURE", measureId: await measureId(db.prisma, round.planId, "1.1"), title: "Altrove", rationale: "Altrove." } })).id;

    const merge = (input: Record<string, unknown>) => refusal(mergeProposals(db.prisma, facilitator, round.id, { answer: mergeAnswer, ...input }));
    expect(await merge({ targetId: target, duplicateIds: [fine, foreign] })).toMatchObject({ code: "VALIDATION", details: { duplicateIds: "proposals.fields.mergedIntoOtherRound" } });
    expect(await merge({ targetId: target, duplicateIds: [fine, withdrawn] })).toMatchObject({ code: "VALIDATION", details: { duplicateIds: "synthesis.triage.errors.duplicateWithdrawn" } });
    expect(await merge({ targetId: target, duplicateIds: [target] })).toMatchObject({ code: "VALIDATION", details: { duplicateIds: "synthesis.triage.errors.targetAmongDuplicates" } });
    expect(await merge({ targetId: foreign, duplicateIds: [fine] })).toMatchObject({ code: "VALIDATION", details: { targetId: "synthesis.triage.errors.targetRequired" } });
    expect(await merge({ targetId: target, duplicateIds: [] })).toMatchObject({ code: "VALIDATION", details: { duplicateIds: "synthesis.triage.errors.duplicatesRequired" } });
    expect(await merge({ targetId: target, duplicateIds: [fine], answer: "" })).toMatchObject({ code: "VALIDATION", details: { answer: expect.any(String) } });
    // Nothing of the refused attempts stuck.
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: fine } })).toMatchObject({ status: "OPEN", mergedIntoId: null });
    expect(await db.prisma.proposalSupport.count({ where: { proposalId: target } })).toBe(0);

    // A proposal others were merged into cannot itself be merged away, and a merged one is no target.
    await mergeProposals(db.prisma, facilitator, round.id, { targetId: target, duplicateIds: [fine], answer: mergeAnswer });
    const third = await amendment(round, author, "1.1", "Terza");
    expect(await merge({ targetId: third, duplicateIds: [target] })).toMatchObject({ code: "VALIDATION", details: { mergedIntoId: "proposals.fields.mergedIntoHasMerged" } });
    expect(await merge({ targetId: fine, duplicateIds: [third] })).toMatchObject({ code: "VALIDATION", details: { targetId: "proposals.fields.mergedIntoMerged" } });
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: target } })).toMatchObject({ status: "OPEN" });
    // answerProposal keeps its behaviour (it shares the merge code).
    await answerProposal(db.prisma, facilitator, third, { status: "MERGED", mergedIntoId: target, answer: mergeAnswer });
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: third } })).toMatchObject({ status: "MERGED", mergedIntoId: target });
    // Only facilitators and admins.
    expect(await refusal(mergeProposals(db.prisma, await signedInUser(db.prisma, "OFFICIAL"), round.id, { targetId: target, duplicateIds: [third], answer: mergeAnswer }))).toMatchObject({ code: "FORBIDDEN" });
  });
});
