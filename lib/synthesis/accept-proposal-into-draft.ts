import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { applyProposalAnswer } from "@/lib/proposals/answer-proposal";
import { InvalidTimingError, parseTiming } from "@/lib/plan/timing";
import { applyAddMeasure } from "./add-draft-measure";
import { applyMeasureChange } from "./change-draft-measure";
import { type DraftEditOutcome, decisionOf, editDraft, validateLinks } from "./record-revision-change";
import { applyRetireMeasure } from "./retire-draft-measure";
import { acceptProposalIntoDraftSchema, type DecisionFields, parseSynthesisInput } from "./synthesis.schemas";

/**
 * Accepts a proposal of the round into its draft in one step: the change it asks for is applied
 * (AMEND_MEASURE → the measure's text; NEW_MEASURE → a new measure on its axis; RETIRE_MEASURE →
 * retirement; DECISION_FIELDS → the fields it proposes, the others kept), linked to the proposal
 * with the given rationale; the proposal is answered ACCEPTED with the given text, its author and
 * supporters notified (applyProposalAnswer, the audit event naming the draft and the change). All in
 * the draft's transaction.
 * Only OPEN proposals (CONFLICT proposalNotOpen); a proposal on a measure no longer in the draft
 * is CONFLICT proposalNotApplicable.
 */
export async function acceptProposalIntoDraft(db: PrismaClient, actor: Actor | null, roundId: string, input: unknown, now: Date = new Date()): Promise<{ changeId: string | null; measureId: string | null }> {
  const edit = parseSynthesisInput(acceptProposalIntoDraftSchema, input);
  return editDraft(db, actor, roundId, async (draft) => {
    const { tx } = draft;
    await tx.$queryRaw`SELECT "id" FROM "Proposal" WHERE "id" = ${edit.proposalId}::uuid FOR UPDATE`;
    const proposal = await tx.proposal.findUnique({ where: { id: edit.proposalId } });
    if (!proposal || proposal.roundId !== roundId) throw new AppError("NOT_FOUND", "synthesis.errors.proposalNotFound");
    if (proposal.status !== "OPEN") throw new AppError("CONFLICT", "synthesis.errors.proposalNotOpen");
    await validateLinks(draft, edit);

    const inDraft = async (measureId: string | null) =>
      measureId !== null && (await tx.measureVersion.count({ where: { measureId, revisionId: draft.revisionId } })) > 0;
    const notApplicable = () => new AppError("CONFLICT", "synthesis.errors.proposalNotApplicable");
    let changeId: string | null = null;
    let measureId: string | null = proposal.measureId;
    const first = (outcome: DraftEditOutcome) => outcome.changeIds[0] ?? null;

    switch (proposal.kind) {
      case "AMEND_MEASURE":
        if (!(await inDraft(proposal.measureId)) || !proposal.proposedText) throw notApplicable();
        changeId = first(await applyMeasureChange(draft, { measureId: proposal.measureId!, text: proposal.proposedText, decision: undefined, ...edit }));
        break;
      case "NEW_MEASURE": {
        if (!proposal.axisId || !proposal.proposedText) throw notApplicable();
        const none = { timing: null, startsOn: null, endsOn: null, budgetCents: null, fundingSource: null, department: null };
        const added = await applyAddMeasure(draft, { axisId: proposal.axisId, text: proposal.proposedText, decision: none, ...edit });
        changeId = added.changeId;
        measureId = added.measureId;
        break;
      }
      case "RETIRE_MEASURE":
        if (!(await inDraft(proposal.measureId))) throw notApplicable();
        changeId = first(await applyRetireMeasure(draft, { measureId: proposal.measureId!, ...edit }));
        break;
      case "DECISION_FIELDS": {
        if (!(await inDraft(proposal.measureId))) throw notApplicable();
        const version = await tx.measureVersion.findUniqueOrThrow({ where: { measureId_revisionId: { measureId: proposal.measureId!, revisionId: draft.revisionId } } });
        const decision = proposedDecision(decisionOf(version), proposal);
        changeId = first(await applyMeasureChange(draft, { measureId: proposal.measureId!, text: undefined, decision, ...edit }));
        break;
      }
    }

    await applyProposalAnswer(tx, { userId: draft.actorId }, proposal.id, { status: "ACCEPTED", answer: edit.answer, mergedIntoId: null }, now, { revisionId: draft.revisionId, changeId });
    return { changeId, measureId };
  });
}

/** The draft's decision fields with those the proposal gives replaced (a proposed timing brings its dates when unambiguous). */
function proposedDecision(
  current: DecisionFields,
  proposal: { proposedTiming: string | null; proposedBudgetCents: bigint | null; proposedFundingSource: string | null; proposedDepartment: string | null },
): DecisionFields {
  const decision = { ...current };
  if (proposal.proposedTiming !== null) {
    decision.timing = proposal.proposedTiming;
    try {
      Object.assign(decision, parseTiming(proposal.proposedTiming));
    } catch (error) {
      if (!(error instanceof InvalidTimingError)) throw error;
      Object.assign(decision, { startsOn: null, endsOn: null });
    }
  }
  if (proposal.proposedBudgetCents !== null) decision.budgetCents = proposal.proposedBudgetCents;
  if (proposal.proposedFundingSource !== null) decision.fundingSource = proposal.proposedFundingSource;
  if (proposal.proposedDepartment !== null) decision.department = proposal.proposedDepartment;
  return decision;
}
