import type { PrismaClient } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { ProposalKind, ProposalStatus } from "@/lib/db/generated/enums";
import type { Actor } from "@/lib/auth/session";
import { PROPOSALS_PAGE_SIZE, kindBySlug, proposalStatuses, proposalsQuerySchema, statusBySlug } from "./proposals.schemas";
import { type ProposalView, proposalViewSelect, toProposalView } from "./proposal-view";
import { type RoundContext, loadRoundContext } from "./round-context";

export interface ProposalsPage {
  round: RoundContext;
  filters: { kind: ProposalKind | null; status: ProposalStatus | null; measureCode: string | null; axisNumber: number | null };
  proposals: ProposalView[];
  total: number;
  page: number;
  pageCount: number;
  /** Proposals of the round per status, whatever the filters. */
  statusCounts: Record<ProposalStatus, number>;
}

/**
 * The proposals of a round, newest first, optionally about one measure or axis, of one kind or
 * status; one bounded page at a time, with support counts. Public (visitors included); the query
 * is read leniently (an unknown filter is ignored).
 */
export async function listProposals(db: PrismaClient, actor: Actor | null, roundId: string, query: unknown, { pageSize = PROPOSALS_PAGE_SIZE }: { pageSize?: number } = {}): Promise<ProposalsPage> {
  const round = await loadRoundContext(db, roundId);
  const parsed = proposalsQuerySchema.safeParse(query ?? {});
  const q = parsed.success ? parsed.data : proposalsQuerySchema.parse({});
  const kind = q.tipo ? (kindBySlug[q.tipo] ?? null) : null;
  const status = q.stato ? (statusBySlug[q.stato] ?? null) : null;
  const measure = q.misura ? round.measures.find((candidate) => candidate.code === q.misura) : undefined;
  const axis = q.asse ? round.axes.find((candidate) => candidate.number === q.asse) : undefined;

  const where: Prisma.ProposalWhereInput = { roundId: round.id };
  if (kind) where.kind = kind;
  if (status) where.status = status;
  // A measure that is no longer in the revision still has its proposals: look it up by code in the plan.
  if (q.misura) where.measure = { planId: round.plan.id, code: q.misura };
  if (q.asse) where.OR = [{ axis: { planId: round.plan.id, number: q.asse } }, { measure: { axis: { planId: round.plan.id, number: q.asse } } }];

  const actorId = actor?.userId ?? null;
  const size = Math.min(Math.max(1, pageSize), 100);
  const [total, groups] = await Promise.all([db.proposal.count({ where }), db.proposal.groupBy({ by: ["status"], where: { roundId: round.id }, _count: { _all: true } })]);
  const pageCount = Math.max(1, Math.ceil(total / size));
  const page = Math.min(q.pagina, pageCount);
  const rows = await db.proposal.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * size,
    take: size,
    select: proposalViewSelect(actorId),
  });
  const statusCounts = Object.fromEntries(proposalStatuses.map((value) => [value, groups.find((group) => group.status === value)?._count._all ?? 0])) as Record<ProposalStatus, number>;
  return {
    round,
    filters: { kind, status, measureCode: measure?.code ?? q.misura ?? null, axisNumber: axis?.number ?? q.asse ?? null },
    proposals: rows.map((row) => toProposalView(row, actorId)),
    total,
    page,
    pageCount,
    statusCounts,
  };
}
