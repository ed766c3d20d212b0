import type { Prisma } from "@/lib/db/generated/client";
import type { ModerationState, ProposalKind, ProposalStatus } from "@/lib/db/generated/enums";

/** A proposal as the pages show it. Texts are the author's own words: render them with UserText / ContributionBody. */
export interface ProposalView {
  id: string;
  roundId: string;
  kind: ProposalKind;
  status: ProposalStatus;
  title: string;
  proposedText: string | null;
  rationale: string;
  proposedTiming: string | null;
  /** Euro cents (a number is exact far beyond any budget). */
  proposedBudgetCents: number | null;
  proposedFundingSource: string | null;
  proposedDepartment: string | null;
  measure: { id: string; code: string } | null;
  axis: { id: string; number: number } | null;
  /** The author's display name; null when they erased their account (shown as an anonymous participant). */
  authorName: string | null;
  answer: string | null;
  answeredAt: Date | null;
  mergedInto: { id: string; title: string } | null;
  moderation: ModerationState;
  hiddenReason: string | null;
  createdAt: Date;
  supportCount: number;
  /** Whether the person looking supports it / wrote it (false for visitors). */
  supportedByActor: boolean;
  isOwn: boolean;
}

export function proposalViewSelect(actorId: string | null) {
  return {
    id: true,
    roundId: true,
    kind: true,
    status: true,
    title: true,
    proposedText: true,
    rationale: true,
    proposedTiming: true,
    proposedBudgetCents: true,
    proposedFundingSource: true,
    proposedDepartment: true,
    measure: { select: { id: true, code: true } },
    axis: { select: { id: true, number: true } },
    authorId: true,
    author: { select: { erasedAt: true, name: true, profile: { select: { displayName: true } } } },
    answer: true,
    answeredAt: true,
    mergedInto: { select: { id: true, title: true } },
    moderation: true,
    hiddenReason: true,
    createdAt: true,
    _count: { select: { supports: true } },
    // A never-matching id keeps the shape the same for visitors.
    supports: { where: { userId: actorId ?? "00000000-0000-0000-0000-000000000000" }, select: { userId: true } },
  } satisfies Prisma.ProposalSelect;
}

type Row = Prisma.ProposalGetPayload<{ select: ReturnType<typeof proposalViewSelect> }>;

export function toProposalView(row: Row, actorId: string | null): ProposalView {
  const { author, _count, supports, authorId, proposedBudgetCents, ...rest } = row;
  return {
    ...rest,
    proposedBudgetCents: proposedBudgetCents === null ? null : Number(proposedBudgetCents),
    authorName: author.erasedAt ? null : (author.profile?.displayName ?? author.name ?? null),
    supportCount: _count.supports,
    supportedByActor: supports.length > 0,
    isOwn: actorId !== null && authorId === actorId,
  };
}
