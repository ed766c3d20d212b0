/** Proposals against PostgreSQL: each kind's validation, the round's clock, supports, answers and merges, withdrawal, the list. */
import { answerProposal } from "@/lib/proposals/answer-proposal";
import { getProposal } from "@/lib/proposals/get-proposal";
import { getProposalForm } from "@/lib/proposals/get-proposal-form";
import { listProposals } from "@/lib/proposals/list-proposals";
import { submitProposal } from "@/lib/proposals/submit-proposal";
import { supportProposal } from "@/lib/proposals/support-proposal";
import { withdrawProposal } from "@/lib/proposals/withdraw-proposal";
import { withdrawSupport } from "@/lib/proposals/withdraw-support";
import { signedInUser } from "../support/auth-factory";
import { amendmentInput, axisId, closeRound, proposalOnOpenRound } from "../support/proposals-factory";
import { createRound, measureId, stakeholder } from "../support/round-factory";
import { refusal } from "../support/refusal";
import { databaseForThisFile } from "../support/test-database";

jest.setTimeout(60_000);
const db = databaseForThisFile();

const answer = { status: "ACCEPTED", answer: "Accolta: entra nella prossima revisione del piano." };

describe("submitting a proposal", () => {
  test("each kind is stored with what belongs to it; author, round and status come from the server", async () => {
    const round = await createRound(db.prisma);
    const author = await stakeholder(db.prisma, "THIRD_SECTOR");
    const measure = await measureId(db.prisma, round.planId, "3.12");
    const axis = await axisId(db.prisma, round.planId, 2);

    const amend = await submitProposal(db.prisma, author, round.id, await amendmentInput(db.prisma, round, "3.12", { title: "  Titolo\r\ncon a capo  ", proposedText: "Nuovo testo\r\n\r\nsecondo paragrafo" }));
    const created = await submitProposal(db.prisma, author, round.id, { kind: "NEW_MEASURE", axisId: axis, title: "Sportello unico", proposedText: "Aprire uno sportello unico.", rationale: "Semplifica." });
    const retire = await submitProposal(db.prisma, author, round.id, { kind: "RETIRE_MEASURE", measureId: measure, title: "Superata", rationale: "Già realizzata." });
    const decision = await submitProposal(db.prisma, author, round.id, {
      kind: "DECISION_FIELDS", measureId: measure, title: "Valori", rationale: "Stime del comune.",
      proposedTiming: "dal 2027 per tre anni", proposedBudget: "125.000,50 €", proposedFundingSource: "", proposedDepartment: " Politiche sociali ",
    });
    const budgetOnly = await submitProposal(db.prisma, author, round.id, { kind: "DECISION_FIELDS", measureId: measure, title: "Solo budget", rationale: "Basta questo.", proposedBudget: "1.200" });

    const rows = await db.prisma.proposal.findMany({ where: { roundId: round.id }, orderBy: { createdAt: "asc" } });
    expect(rows).toHaveLength(5);
    for (const row of rows) expect(row).toMatchObject({ authorId: author.userId, roundId: round.id, status: "OPEN", answer: null, moderation: "VISIBLE" });
    expect(rows.find((row) => row.id === amend.id)).toMatchObject({ kind: "AMEND_MEASURE", measureId: measure, axisId: null, title: "Titolo\ncon a capo", proposedText: "Nuovo testo\n\nsecondo paragrafo" });
    expect(rows.find((row) => row.id === created.id)).toMatchObject({ kind: "NEW_MEASURE", measureId: null, axisId: axis, proposedText: "Aprire uno sportello unico." });
    expect(rows.find((row) => row.id === retire.id)).toMatchObject({ kind: "RETIRE_MEASURE", measureId: measure, proposedText: null });
    expect(rows.find((row) => row.id === decision.id)).toMatchObject({
      kind: "DECISION_FIELDS", proposedTiming: "dal 2027 per tre anni", proposedBudgetCents: 12_500_050n, proposedFundingSource: null, proposedDepartment: "Politiche sociali",
    });
    expect(rows.find((row) => row.id === budgetOnly.id)).toMatchObject({ proposedBudgetCents: 120_000n, proposedTiming: null });
  });

  test("each kind refuses missing or malformed fields, with a message key per field", async () => {
    const round = await createRound(db.prisma);
    const author = await stakeholder(db.prisma);
    const measure = await measureId(db.prisma, round.planId, "1.2");
    const cases: Array<[Record<string, unknown>, Record<string, string>]> = [
      [{ kind: "AMEND_MEASURE", measureId: measure, title: "T", rationale: "R" }, { proposedText: "participation.text.required" }],
      [{ kind: "AMEND_MEASURE", measureId: "1.2", title: "T", proposedText: "P", rationale: "R" }, { measureId: "proposals.fields.measureRequired" }],
      [{ kind: "NEW_MEASURE", title: "T", proposedText: "P", rationale: "R" }, { axisId: "proposals.fields.axisRequired" }],
      [{ kind: "RETIRE_MEASURE", measureId: measure, title: "   ", rationale: "R" }, { title: "participation.text.required" }],
      [{ kind: "RETIRE_MEASURE", measureId: measure, title: "T", rationale: "x".repeat(10_001) }, { rationale: "participation.text.tooLong" }],
      [{ kind: "AMEND_MEASURE", measureId: measure, title: "x".repeat(201), proposedText: "P", rationale: "R" }, { title: "participation.text.tooLong" }],
      [{ kind: "DECISION_FIELDS", measureId: measure, title: "T", rationale: "R", proposedTiming: " ", proposedBudget: "" }, { proposedTiming: "proposals.fields.decisionFieldRequired" }],
      [{ kind: "DECISION_FIELDS", measureId: measure, title: "T", rationale: "R", proposedBudget: "1,200" }, { proposedBudget: "proposals.fields.budgetInvalid" }],
      [{ kind: "DECISION_FIELDS", measureId: measure, title: "T", rationale: "R", proposedBudget: "-5 €" }, { proposedBudget: "proposals.fields.budgetInvalid" }],
      [{ kind: "SOMETHING_ELSE", title: "T", rationale: "R" }, { kind: "proposals.fields.kindRequired" }],
      [{ title: "T", rationale: "R" }, { kind: "proposals.fields.kindRequired" }],
    ];
    for (const [input, details] of cases) {
      expect({ input, refusal: await refusal(submitProposal(db.prisma, author, round.id, input)) }).toEqual({ input, refusal: { code: "VALIDATION", messageKey: "proposals.errors.validation", details: expect.objectContaining(details) } });
    }
    // The limits themselves are accepted.
    await submitProposal(db.prisma, author, round.id, { kind: "RETIRE_MEASURE", measureId: measure, title: "x".repeat(200), rationale: "r".repeat(10_000) });
    expect(await db.prisma.proposal.count({ where: { roundId: round.id } })).toBe(1);
  });

  test("unknown fields are refused, not dropped: a stakeholder cannot set author, status, round or supports", async () => {
    const round = await createRound(db.prisma);
    const author = await stakeholder(db.prisma);
    const other = await stakeholder(db.prisma);
    const valid = await amendmentInput(db.prisma, round);
    for (const extra of [{ authorId: other.userId }, { status: "ACCEPTED" }, { roundId: round.id }, { answer: "sì" }, { proposedBudget: "100" }, { moderation: "VISIBLE" }]) {
      expect(await refusal(submitProposal(db.prisma, author, round.id, { ...valid, ...extra }))).toEqual({ code: "VALIDATION", messageKey: "proposals.errors.validation", details: { form: "proposals.errors.unknownFields" } });
    }
    // A retirement carries no proposed text: the field of another kind is unknown here.
    expect(await refusal(submitProposal(db.prisma, author, round.id, { kind: "RETIRE_MEASURE", measureId: valid.measureId, title: "T", rationale: "R", proposedText: "x" }))).toMatchObject({ details: { form: "proposals.errors.unknownFields" } });
    expect(await db.prisma.proposal.count({ where: { roundId: round.id } })).toBe(0);
  });

  test("the measure or axis must belong to the revision the round consults on", async () => {
    const round = await createRound(db.prisma);
    const author = await stakeholder(db.prisma);
    const axis = await axisId(db.prisma, round.planId, 1);
    const orphanMeasure = await db.prisma.measure.create({ data: { planId: round.planId, axisId: axis, code: "1.99" }, select: { id: true } });
    const orphanAxis = await db.prisma.axis.create({ data: { planId: round.planId, number: 9 }, select: { id: true } });
    expect(await refusal(submitProposal(db.prisma, author, round.id, await amendmentInput(db.prisma, round, "1.1", { measureId: orphanMeasure.id })))).toMatchObject({ code: "VALIDATION", details: { measureId: "proposals.fields.measureNotInRound" } });
    expect(await refusal(submitProposal(db.prisma, author, round.id, { kind: "NEW_MEASURE", axisId: orphanAxis.id, title: "T", proposedText: "P", rationale: "R" }))).toMatchObject({ code: "VALIDATION", details: { axisId: "proposals.fields.axisNotInRound" } });
    expect(await db.prisma.proposal.count({ where: { roundId: round.id } })).toBe(0);
  });

  test("a closed or not yet open round stores nothing; visitors and staff cannot propose", async () => {
    const author = await stakeholder(db.prisma);
    const hour = 3600_000;
    const closed = await createRound(db.prisma, { status: "OPEN", opensAt: new Date(Date.now() - 3 * hour), closesAt: new Date(Date.now() - hour) });
    const scheduled = await createRound(db.prisma, { status: "SCHEDULED" });
    expect(await refusal(submitProposal(db.prisma, author, closed.id, await amendmentInput(db.prisma, closed)))).toMatchObject({ code: "CONFLICT", messageKey: "participation.errors.roundClosed" });
    expect(await refusal(submitProposal(db.prisma, author, scheduled.id, await amendmentInput(db.prisma, scheduled)))).toMatchObject({ code: "CONFLICT", messageKey: "participation.errors.roundNotOpenYet" });
    const open = await createRound(db.prisma);
    expect(await refusal(submitProposal(db.prisma, null, open.id, await amendmentInput(db.prisma, open)))).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await refusal(submitProposal(db.prisma, await signedInUser(db.prisma, "FACILITATOR"), open.id, await amendmentInput(db.prisma, open)))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusal(submitProposal(db.prisma, author, "not-a-uuid", {}))).toMatchObject({ code: "NOT_FOUND" });
    expect(await db.prisma.proposal.count({ where: { roundId: { in: [closed.id, scheduled.id, open.id] } } })).toBe(0);
  });
});

describe("supports", () => {
  test("idempotent, never one's own, counted once even when sent together", async () => {
    const { round, author, proposalId } = await proposalOnOpenRound(db.prisma);
    const supporter = await stakeholder(db.prisma, "BUSINESS");
    await supportProposal(db.prisma, supporter, proposalId);
    await supportProposal(db.prisma, supporter, proposalId);
    await Promise.all(Array.from({ length: 10 }, () => supportProposal(db.prisma, supporter, proposalId)));
    expect(await db.prisma.proposalSupport.count({ where: { proposalId } })).toBe(1);
    expect(await refusal(supportProposal(db.prisma, author, proposalId))).toMatchObject({ code: "FORBIDDEN", messageKey: "proposals.errors.ownProposal" });

    const second = await stakeholder(db.prisma);
    await supportProposal(db.prisma, second, proposalId);
    const listed = await listProposals(db.prisma, second, round.id, {});
    expect(listed.proposals[0]).toMatchObject({ id: proposalId, supportCount: 2, supportedByActor: true, isOwn: false });

    await withdrawSupport(db.prisma, second, proposalId);
    await withdrawSupport(db.prisma, second, proposalId);
    expect(await db.prisma.proposalSupport.findMany({ where: { proposalId }, select: { userId: true } })).toEqual([{ userId: supporter.userId }]);
  });

  test("only open proposals, only while the round is open", async () => {
    const { round, proposalId } = await proposalOnOpenRound(db.prisma);
    const supporter = await stakeholder(db.prisma);
    await answerProposal(db.prisma, await signedInUser(db.prisma, "FACILITATOR"), proposalId, answer);
    expect(await refusal(supportProposal(db.prisma, supporter, proposalId))).toMatchObject({ code: "CONFLICT", messageKey: "proposals.errors.notOpen" });

    const other = await proposalOnOpenRound(db.prisma, undefined, round);
    await closeRound(db.prisma, round.id);
    expect(await refusal(supportProposal(db.prisma, supporter, other.proposalId))).toMatchObject({ code: "CONFLICT", messageKey: "participation.errors.roundClosed" });
    expect(await db.prisma.proposalSupport.count({ where: { proposalId: { in: [proposalId, other.proposalId] } } })).toBe(0);
    expect(await refusal(supportProposal(db.prisma, supporter, "00000000-0000-4000-8000-000000000000"))).toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("answers", () => {
  test("a facilitator answers publicly: status, answer, audit event, notifications for the author and supporters", async () => {
    const { round, author, proposalId } = await proposalOnOpenRound(db.prisma);
    const supporter = await stakeholder(db.prisma);
    const quiet = await stakeholder(db.prisma);
    await db.prisma.user.update({ where: { id: quiet.userId }, data: { notificationFrequency: "NONE" } });
    await supportProposal(db.prisma, supporter, proposalId);
    await supportProposal(db.prisma, quiet, proposalId);
    const facilitator = await signedInUser(db.prisma, "FACILITATOR");

    await answerProposal(db.prisma, facilitator, proposalId, { status: "PARTLY_ACCEPTED", answer: "Accolta in parte:\r\nil budget no." });
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: proposalId } })).toMatchObject({ status: "PARTLY_ACCEPTED", answer: "Accolta in parte:\nil budget no.", answeredById: facilitator.userId, mergedIntoId: null });
    expect(await db.prisma.auditEvent.findMany({ where: { entityType: "Proposal", entityId: proposalId }, select: { action: true, actorId: true, data: true } })).toEqual([
      { action: "proposal.answered", actorId: facilitator.userId, data: { roundId: round.id, status: "PARTLY_ACCEPTED", previousStatus: "OPEN", mergedIntoId: null } },
    ]);
    const notifications = await db.prisma.notification.findMany({ where: { kind: "PROPOSAL_ANSWERED" , userId: { in: [author.userId, supporter.userId, quiet.userId, facilitator.userId] } }, select: { userId: true, data: true } });
    expect(notifications.map((row) => row.userId).sort()).toEqual([author.userId, supporter.userId].sort());
    expect(notifications[0]?.data).toEqual({ roundId: round.id, proposalId, proposalTitle: "Coinvolgere le scuole", status: "PARTLY_ACCEPTED", path: `/consultazioni/${round.id}/proposte/${proposalId}` });

    // Answering again replaces the answer, after the round has closed too, and is audited again.
    await closeRound(db.prisma, round.id);
    await answerProposal(db.prisma, facilitator, proposalId, { status: "REJECTED", answer: "Respinta dopo la verifica." });
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: proposalId } })).toMatchObject({ status: "REJECTED", answer: "Respinta dopo la verifica." });
    expect(await db.prisma.auditEvent.count({ where: { entityId: proposalId, action: "proposal.answer-changed" } })).toBe(1);
    expect(await db.prisma.notification.count({ where: { kind: "PROPOSAL_ANSWERED", userId: author.userId } })).toBe(2);
  });

  test("only facilitators and admins; the answer text and a known outcome are required; unknown fields refused", async () => {
    const { author, proposalId } = await proposalOnOpenRound(db.prisma);
    expect(await refusal(answerProposal(db.prisma, author, proposalId, answer))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusal(answerProposal(db.prisma, await signedInUser(db.prisma, "OFFICIAL"), proposalId, answer))).toMatchObject({ code: "FORBIDDEN" });
    const admin = await signedInUser(db.prisma, "ADMIN");
    expect(await refusal(answerProposal(db.prisma, admin, proposalId, { status: "ACCEPTED", answer: " " }))).toMatchObject({ code: "VALIDATION", details: { answer: "participation.text.required" } });
    expect(await refusal(answerProposal(db.prisma, admin, proposalId, { status: "OPEN", answer: "x" }))).toMatchObject({ code: "VALIDATION", details: { status: "proposals.fields.statusRequired" } });
    expect(await refusal(answerProposal(db.prisma, admin, proposalId, { ...answer, answeredById: author.userId }))).toMatchObject({ code: "VALIDATION", details: { form: "proposals.errors.unknownFields" } });
    expect((await db.prisma.proposal.findUniqueOrThrow({ where: { id: proposalId } })).status).toBe("OPEN");
    await answerProposal(db.prisma, admin, proposalId, answer);
    expect((await db.prisma.proposal.findUniqueOrThrow({ where: { id: proposalId } })).status).toBe("ACCEPTED");
  });

  test("merges: into another proposal of the same round, not itself, not into a merged one, one level deep", async () => {
    const round = await createRound(db.prisma);
    const facilitator = await signedInUser(db.prisma, "FACILITATOR");
    const [a, b, c] = await Promise.all([0, 1, 2].map(async () => (await proposalOnOpenRound(db.prisma, undefined, round)).proposalId)) as [string, string, string];
    const elsewhere = (await proposalOnOpenRound(db.prisma)).proposalId;
    const merge = (id: string, into?: string) => answerProposal(db.prisma, facilitator, id, { status: "MERGED", answer: "Unita: stessa richiesta.", ...(into === undefined ? {} : { mergedIntoId: into }) });

    expect(await refusal(merge(a))).toMatchObject({ code: "VALIDATION", details: { mergedIntoId: "proposals.fields.mergedIntoRequired" } });
    expect(await refusal(merge(a, ""))).toMatchObject({ code: "VALIDATION", details: { mergedIntoId: "proposals.fields.mergedIntoRequired" } });
    expect(await refusal(merge(a, a))).toMatchObject({ code: "VALIDATION", details: { mergedIntoId: "proposals.fields.mergedIntoSelf" } });
    expect(await refusal(merge(a, elsewhere))).toMatchObject({ code: "VALIDATION", details: { mergedIntoId: "proposals.fields.mergedIntoOtherRound" } });

    await merge(a, b);
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: a } })).toMatchObject({ status: "MERGED", mergedIntoId: b });
    // No chains: nothing merges into a merged proposal, and a proposal others merged into stays a target.
    expect(await refusal(merge(c, a))).toMatchObject({ code: "VALIDATION", details: { mergedIntoId: "proposals.fields.mergedIntoMerged" } });
    expect(await refusal(merge(b, c))).toMatchObject({ code: "VALIDATION", details: { mergedIntoId: "proposals.fields.mergedIntoHasMerged" } });
    await merge(c, b);

    const detail = await getProposal(db.prisma, facilitator, round.id, b);
    expect(detail.mergedFrom.map((p) => p.id).sort()).toEqual([a, c].sort());
    expect(detail.mergeCandidates).toEqual([]);
    const ofA = await getProposal(db.prisma, facilitator, round.id, a);
    expect(ofA.proposal.mergedInto).toEqual({ id: b, title: "Coinvolgere le scuole" });

    // Re-answering a merged proposal with another outcome clears the link.
    await answerProposal(db.prisma, facilitator, a, answer);
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: a } })).toMatchObject({ status: "ACCEPTED", mergedIntoId: null });
    // Two crossing merges sent together cannot make a cycle.
    const [d, e] = await Promise.all([0, 1].map(async () => (await proposalOnOpenRound(db.prisma, undefined, round)).proposalId)) as [string, string];
    await Promise.allSettled([merge(d, e), merge(e, d)]);
    const pair = await db.prisma.proposal.findMany({ where: { id: { in: [d, e] } }, select: { status: true } });
    expect(pair.filter((row) => row.status === "MERGED")).toHaveLength(1);
  });
});

describe("withdrawing a proposal", () => {
  test("the author, while the round is open and nobody has answered", async () => {
    const { round, author, proposalId } = await proposalOnOpenRound(db.prisma);
    expect(await refusal(withdrawProposal(db.prisma, await stakeholder(db.prisma), proposalId))).toMatchObject({ code: "FORBIDDEN", messageKey: "proposals.errors.notAuthor" });
    await withdrawProposal(db.prisma, author, proposalId);
    expect((await db.prisma.proposal.findUniqueOrThrow({ where: { id: proposalId } })).status).toBe("WITHDRAWN");
    expect(await refusal(withdrawProposal(db.prisma, author, proposalId))).toMatchObject({ code: "CONFLICT" });
    // A withdrawn proposal is neither answered nor supported.
    expect(await refusal(answerProposal(db.prisma, await signedInUser(db.prisma, "FACILITATOR"), proposalId, answer))).toMatchObject({ code: "CONFLICT", messageKey: "proposals.errors.withdrawn" });

    const answered = await proposalOnOpenRound(db.prisma, author, round);
    await answerProposal(db.prisma, await signedInUser(db.prisma, "FACILITATOR"), answered.proposalId, answer);
    expect(await refusal(withdrawProposal(db.prisma, author, answered.proposalId))).toMatchObject({ code: "CONFLICT", messageKey: "proposals.errors.alreadyAnswered" });

    const late = await proposalOnOpenRound(db.prisma, author, round);
    await closeRound(db.prisma, round.id);
    expect(await refusal(withdrawProposal(db.prisma, author, late.proposalId))).toMatchObject({ code: "CONFLICT", messageKey: "participation.errors.roundClosed" });
    expect((await db.prisma.proposal.findUniqueOrThrow({ where: { id: late.proposalId } })).status).toBe("OPEN");
  });
});

describe("reading proposals", () => {
  test("the list filters by kind, status, measure and axis, pages, and counts per status", async () => {
    const round = await createRound(db.prisma);
    const author = await stakeholder(db.prisma);
    const m11 = await measureId(db.prisma, round.planId, "1.1");
    const m32 = await measureId(db.prisma, round.planId, "3.2");
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await submitProposal(db.prisma, author, round.id, { kind: "AMEND_MEASURE", measureId: m11, title: `Emendamento ${i}`, proposedText: "P", rationale: "R" })).id);
    const retire = (await submitProposal(db.prisma, author, round.id, { kind: "RETIRE_MEASURE", measureId: m32, title: "Ritiro", rationale: "R" })).id;
    const created = (await submitProposal(db.prisma, author, round.id, { kind: "NEW_MEASURE", axisId: await axisId(db.prisma, round.planId, 3), title: "Nuova", proposedText: "P", rationale: "R" })).id;
    await answerProposal(db.prisma, await signedInUser(db.prisma, "FACILITATOR"), retire, { status: "REJECTED", answer: "No." });

    const all = await listProposals(db.prisma, null, round.id, {}, { pageSize: 3 });
    expect(all).toMatchObject({ total: 7, page: 1, pageCount: 3, statusCounts: { OPEN: 6, REJECTED: 1, ACCEPTED: 0 } });
    expect(all.proposals.map((p) => p.id)).toEqual([created, retire, ids[4]]);
    const third = await listProposals(db.prisma, null, round.id, { pagina: "3" }, { pageSize: 3 });
    expect(third.proposals.map((p) => p.id)).toEqual([ids[0]]);
    expect((await listProposals(db.prisma, null, round.id, { pagina: "99" }, { pageSize: 3 })).page).toBe(3);

    expect((await listProposals(db.prisma, null, round.id, { misura: "1.1" })).total).toBe(5);
    expect((await listProposals(db.prisma, null, round.id, { tipo: "ritiro" })).proposals.map((p) => p.id)).toEqual([retire]);
    expect((await listProposals(db.prisma, null, round.id, { stato: "respinta" })).proposals.map((p) => p.id)).toEqual([retire]);
    expect((await listProposals(db.prisma, null, round.id, { asse: "3" })).proposals.map((p) => p.id).sort()).toEqual([created, retire].sort());
    // Unknown filters are ignored, not errors.
    expect((await listProposals(db.prisma, null, round.id, { tipo: "<script>", stato: 5, pagina: "-1" })).total).toBe(7);
    const forVisitor = await listProposals(db.prisma, null, round.id, { tipo: "ritiro" });
    expect(forVisitor.proposals[0]).toMatchObject({ answer: "No.", status: "REJECTED", measure: { code: "3.2" }, supportedByActor: false, isOwn: false });
  });

  test("a hidden proposal keeps its place with the moderators' reason, and cannot be supported", async () => {
    const { round, proposalId } = await proposalOnOpenRound(db.prisma);
    await db.prisma.proposal.update({ where: { id: proposalId }, data: { moderation: "HIDDEN", hiddenReason: "Offensiva" } });
    const supporter = await stakeholder(db.prisma);
    expect(await refusal(supportProposal(db.prisma, supporter, proposalId))).toMatchObject({ code: "CONFLICT", messageKey: "proposals.errors.notOpen" });
    const listed = await listProposals(db.prisma, null, round.id, {});
    expect(listed.proposals).toEqual([expect.objectContaining({ id: proposalId, moderation: "HIDDEN", hiddenReason: "Offensiva" })]);
    expect((await getProposal(db.prisma, supporter, round.id, proposalId)).can.support).toBe(false);
  });

  test("the detail says what the person looking may do; the form reads kind, measure and axis from the address", async () => {
    const { round, author, proposalId } = await proposalOnOpenRound(db.prisma);
    const other = await stakeholder(db.prisma);
    expect((await getProposal(db.prisma, author, round.id, proposalId)).can).toEqual({ support: false, withdraw: true, answer: false });
    expect((await getProposal(db.prisma, other, round.id, proposalId)).can).toEqual({ support: true, withdraw: false, answer: false });
    expect((await getProposal(db.prisma, await signedInUser(db.prisma, "FACILITATOR"), round.id, proposalId)).can).toEqual({ support: false, withdraw: false, answer: true });
    expect(await getProposal(db.prisma, null, round.id, proposalId)).toMatchObject({ can: { support: false, withdraw: false, answer: false }, measureText: expect.any(String), mergeCandidates: [] });
    const elsewhere = await createRound(db.prisma);
    expect(await refusal(getProposal(db.prisma, null, elsewhere.id, proposalId))).toMatchObject({ code: "NOT_FOUND" });

    expect(await getProposalForm(db.prisma, other, round.id, { tipo: "campi-decisionali", misura: "2.3" })).toMatchObject({ kind: "DECISION_FIELDS", measure: { code: "2.3" }, axis: { number: 2 }, blocked: null });
    expect(await getProposalForm(db.prisma, null, round.id, { asse: "4" })).toMatchObject({ kind: "NEW_MEASURE", measure: null, axis: { number: 4 }, blocked: "signIn" });
    expect(await getProposalForm(db.prisma, other, round.id, { tipo: "bogus", misura: "9.9" })).toMatchObject({ kind: "AMEND_MEASURE", measure: null });
    await closeRound(db.prisma, round.id);
    expect((await getProposalForm(db.prisma, other, round.id, {})).blocked).toBe("roundNotOpen");
  });
});
