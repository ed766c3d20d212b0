import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { guardContribution } from "@/lib/participation/contribution-guard";
import { createOnce, submissionIdOf } from "@/lib/participation/once-per-submission";
import { parseContribution, submitProposalSchema } from "./proposals.schemas";
import { axisInRevision, measureInRevision, requireId } from "./round-context";

/**
 * A stakeholder proposes, while the round is open: amend, add or retire a measure, or values for
 * its four decision fields. The measure or axis must be part of the revision the round consults
 * on. The author, the round and the status come from the server, never from the request.
 * Once per form submission: a re-post with the same submissionId by the same author answers the
 * first proposal's id, without a second row (see once-per-submission.ts).
 */
export async function submitProposal(db: PrismaClient, actor: Actor | null, roundId: string, input: unknown, now: Date = new Date()): Promise<{ id: string }> {
  const submissionId = submissionIdOf(input);
  const stored = (authorId: string, id: string) => db.proposal.findUnique({ where: { authorId_submissionId: { authorId, submissionId: id } }, select: { id: true } });
  if (submissionId && actor) {
    const first = await stored(actor.userId, submissionId);
    if (first) return first;
  }
  const { actor: author, round } = await guardContribution(db, actor, requireId(roundId, "participation.errors.roundNotFound"), "proposal", now);
  const proposal = parseContribution(submitProposalSchema, input, "proposals.errors.validation");

  if ("measureId" in proposal && !(await measureInRevision(db, round.revisionId, proposal.measureId))) {
    throw new AppError("VALIDATION", "proposals.errors.validation", {}, { measureId: "proposals.fields.measureNotInRound" });
  }
  if ("axisId" in proposal && !(await axisInRevision(db, round.revisionId, proposal.axisId))) {
    throw new AppError("VALIDATION", "proposals.errors.validation", {}, { axisId: "proposals.fields.axisNotInRound" });
  }

  const common = { roundId: round.id, authorId: author.userId, submissionId: proposal.submissionId ?? null, kind: proposal.kind, title: proposal.title, rationale: proposal.rationale };
  const data = (() => {
    switch (proposal.kind) {
      case "AMEND_MEASURE":
        return { ...common, measureId: proposal.measureId, proposedText: proposal.proposedText };
      case "NEW_MEASURE":
        return { ...common, axisId: proposal.axisId, proposedText: proposal.proposedText };
      case "RETIRE_MEASURE":
        return { ...common, measureId: proposal.measureId };
      case "DECISION_FIELDS":
        return {
          ...common,
          measureId: proposal.measureId,
          proposedTiming: proposal.proposedTiming,
          proposedBudgetCents: proposal.proposedBudget,
          proposedFundingSource: proposal.proposedFundingSource,
          proposedDepartment: proposal.proposedDepartment,
        };
    }
  })();
  return createOnce(
    async () => (await db.proposal.createManyAndReturn({ data: [data], skipDuplicates: true, select: { id: true } }))[0] ?? null,
    () => stored(author.userId, proposal.submissionId!),
  );
}
