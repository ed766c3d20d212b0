import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { type ProposalView, proposalViewSelect, toProposalView } from "./proposal-view";
import { type RoundContext, loadRoundContext, requireId } from "./round-context";

export interface ProposalDetail {
  round: RoundContext;
  proposal: ProposalView;
  /** The measure's text in the revision the round consults on (what an amendment changes). */
  measureText: string | null;
  axisTitle: string | null;
  /** Proposals merged into this one. */
  mergedFrom: { id: string; title: string }[];
  /** What the person looking may do now (the services check again). */
  can: { support: boolean; withdraw: boolean; answer: boolean };
  /** For facilitators: the proposals this one may be merged into (same round, not itself, not merged or withdrawn). */
  mergeCandidates: { id: string; title: string; kind: ProposalView["kind"] }[];
}

/** One proposal of a round, public; NOT_FOUND when it is not a proposal of that round. */
export async function getProposal(db: PrismaClient, actor: Actor | null, roundId: string, proposalId: string): Promise<ProposalDetail> {
  const round = await loadRoundContext(db, roundId);
  const actorId = actor?.userId ?? null;
  const row = await db.proposal.findFirst({
    where: { id: requireId(proposalId, "proposals.errors.notFound"), roundId: round.id },
    select: { ...proposalViewSelect(actorId), mergedFrom: { orderBy: { createdAt: "asc" }, select: { id: true, title: true } } },
  });
  if (!row) throw new AppError("NOT_FOUND", "proposals.errors.notFound");
  const { mergedFrom, ...viewRow } = row;
  const proposal = toProposalView(viewRow, actorId);
  const isStaff = actor?.role === "FACILITATOR" || actor?.role === "ADMIN";
  const open = round.acceptsContributions && proposal.status === "OPEN";
  const measure = proposal.measure ? round.measures.find((candidate) => candidate.id === proposal.measure?.id) : undefined;
  const axisId = proposal.axis?.id ?? measure?.axisId;
  const mergeCandidates =
    isStaff && proposal.status !== "WITHDRAWN" && mergedFrom.length === 0
      ? await db.proposal.findMany({
          where: { roundId: round.id, id: { not: proposal.id }, status: { notIn: ["MERGED", "WITHDRAWN"] } },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          take: 500,
          select: { id: true, title: true, kind: true },
        })
      : [];
  return {
    round,
    proposal,
    measureText: measure?.text ?? null,
    axisTitle: round.axes.find((axis) => axis.id === axisId)?.title ?? null,
    mergedFrom,
    can: {
      support: open && actor?.role === "STAKEHOLDER" && !proposal.isOwn && proposal.moderation !== "HIDDEN",
      withdraw: open && proposal.isOwn,
      answer: isStaff && proposal.status !== "WITHDRAWN",
    },
    mergeCandidates,
  };
}
