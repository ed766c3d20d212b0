import type { PrismaClient } from "@/lib/db/client";
import type { ProposalKind, ProposalStatus, SwotKind } from "@/lib/db/generated/enums";
import { isUuid } from "@/lib/db/ids";
import { AppError } from "@/lib/errors/app-error";
import { excerpt } from "@/lib/text/excerpt";

/** How many comments the workbench offers as links for one measure (most replied, then latest). */
export const COMMENT_CANDIDATES = 20;

export interface LinkCandidates {
  proposals: { id: string; title: string; kind: ProposalKind; status: ProposalStatus; supportCount: number; measureCode: string | null }[];
  swot: { id: string; kind: SwotKind; excerpt: string }[];
  comments: { id: string; excerpt: string; replies: number }[];
  /** Whether the vote results of the measure can be linked (it was consulted on in the round). */
  voteResults: { measureId: string; code: string } | null;
}

/** The measure or the axis a workbench page edits. */
export type LinkTarget = { measureId: string } | { axisId: string };

/**
 * What a workbench edit can cite as its motivation (read by getRevisionDraft for its viewers): for a
 * measure, the round's proposals about it, the SWOT observations of its axis and its visible comments
 * (capped, most replied first) and its vote results; for an axis, the proposals about the axis (its
 * measures and new measures for it) and its SWOT observations. NOT_FOUND for an unknown measure.
 */
export async function loadLinkCandidates(db: PrismaClient, round: { id: string; revisionId: string }, target: LinkTarget): Promise<LinkCandidates> {
  const roundId = round.id;
  let measureId: string | null = null;
  let axisId: string;
  if ("measureId" in target) {
    if (!isUuid(target.measureId)) throw new AppError("NOT_FOUND", "synthesis.errors.measureNotFound");
    const measure = await db.measure.findUnique({ where: { id: target.measureId }, select: { id: true, axisId: true, plan: { select: { rounds: { where: { id: roundId }, select: { id: true } } } } } });
    if (!measure || measure.plan.rounds.length === 0) throw new AppError("NOT_FOUND", "synthesis.errors.measureNotFound");
    measureId = measure.id;
    axisId = measure.axisId;
  } else {
    if (!isUuid(target.axisId)) throw new AppError("NOT_FOUND", "synthesis.errors.axisNotFound");
    axisId = target.axisId;
  }

  const [proposals, swot, comments, consulted] = await Promise.all([
    db.proposal.findMany({
      where: { roundId, status: { not: "WITHDRAWN" }, ...(measureId ? { measureId } : { OR: [{ axisId }, { measure: { axisId } }] }) },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, title: true, kind: true, status: true, measure: { select: { code: true } }, _count: { select: { supports: true } } },
    }),
    db.swotEntry.findMany({ where: { roundId, axisId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, kind: true, body: true } }),
    measureId
      ? db.comment.findMany({
          where: { roundId, measureId, moderation: "VISIBLE" },
          orderBy: [{ replies: { _count: "desc" } }, { createdAt: "desc" }, { id: "asc" }],
          take: COMMENT_CANDIDATES,
          select: { id: true, body: true, _count: { select: { replies: true } } },
        })
      : Promise.resolve([]),
    measureId ? db.measureVersion.findFirst({ where: { revisionId: round.revisionId, measureId }, select: { measure: { select: { id: true, code: true } } } }) : Promise.resolve(null),
  ]);
  return {
    proposals: proposals
      .map((row) => ({ id: row.id, title: row.title, kind: row.kind, status: row.status, supportCount: row._count.supports, measureCode: row.measure?.code ?? null }))
      .sort((a, b) => b.supportCount - a.supportCount),
    swot: swot.map((row) => ({ id: row.id, kind: row.kind, excerpt: excerpt(row.body) })),
    comments: comments.map((row) => ({ id: row.id, excerpt: excerpt(row.body), replies: row._count.replies })),
    voteResults: consulted ? { measureId: consulted.measure.id, code: consulted.measure.code } : null,
  };
}
