import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { notify } from "@/lib/notifications/notify";
import { lockPlanRounds } from "@/lib/rounds/round-overlap";
import { roundParticipants } from "@/lib/rounds/round-participants";
import { editDraft } from "./record-revision-change";
import { parseSynthesisInput, publishRevisionSchema } from "./synthesis.schemas";

/** Where a published round's outcome is shown ("you said, we did"). */
export const roundOutcomePath = (roundId: string) => `/consultazioni/${roundId}/esiti`;

/**
 * Publishes the round's draft: every proposal of the round not withdrawn must have an answer
 * (CONFLICT "synthesis.errors.unansweredProposals" {count}); then, in one transaction, the revision
 * becomes PUBLISHED (immutable from then on) with its summary, the plan's current revision, and the
 * round PUBLISHED, the officials' decisions on the draft published, with an audit event, and the
 * round's participants (voters, commenters, proposers, supporters, SWOT authors) notified
 * (REVISION_PUBLISHED): the notifications and their mails commit with the publication, so a crash
 * right after it cannot lose them (two bulk INSERTs, as when a round opens).
 */
export async function publishRevision(db: PrismaClient, actor: Actor | null, roundId: string, input: unknown, now: Date = new Date()): Promise<{ revisionId: string; number: number; planSlug: string }> {
  const { summary } = parseSynthesisInput(publishRevisionSchema, input);
  const published = await editDraft(db, actor, roundId, async (draft) => {
    const { tx } = draft;
    await lockPlanRounds(tx, draft.planId);
    const round = await tx.round.findUniqueOrThrow({ where: { id: roundId }, select: { title: true, plan: { select: { slug: true, title: true, currentRevisionId: true } } } });
    if (round.plan.currentRevisionId !== draft.consultedRevisionId) throw new AppError("CONFLICT", "synthesis.errors.consultedRevisionNotCurrent");
    const unanswered = await tx.proposal.count({ where: { roundId, status: "OPEN" } });
    if (unanswered > 0) throw new AppError("CONFLICT", "synthesis.errors.unansweredProposals", { count: unanswered }, { count: unanswered });

    const revision = await tx.revision.update({ where: { id: draft.revisionId }, data: { status: "PUBLISHED", publishedAt: now, summary }, select: { id: true, number: true } });
    await tx.plan.update({ where: { id: draft.planId }, data: { currentRevisionId: revision.id } });
    // The officials' decisions on the draft become public with it (lib/decisions/record-decision.ts).
    await tx.decision.updateMany({ where: { revisionId: revision.id, publishedAt: null }, data: { publishedAt: now } });
    await tx.round.update({ where: { id: roundId }, data: { status: "PUBLISHED" } });
    const changes = await tx.revisionChange.count({ where: { revisionId: revision.id } });
    await tx.auditEvent.create({
      data: { actorId: draft.actorId, action: "revision.published", entityType: "Revision", entityId: revision.id, data: { roundId, number: revision.number, changes, previousRevisionId: draft.consultedRevisionId } },
    });
    const participants = await roundParticipants(tx, roundId);
    await notify(
      tx,
      participants.filter((id) => id !== draft.actorId),
      "REVISION_PUBLISHED",
      { roundId, roundTitle: round.title, planTitle: round.plan.title, revisionNumber: revision.number, path: roundOutcomePath(roundId) },
    );
    return { revisionId: revision.id, number: revision.number, planSlug: round.plan.slug };
  });
  return published;
}
