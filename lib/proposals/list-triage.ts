import type { PrismaClient } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { ModerationState, ProposalKind, ProposalStatus, StakeholderCategory, SwotKind } from "@/lib/db/generated/enums";
import type { Actor } from "@/lib/auth/session";
import { SYNTHESIS_EDITORS, requireSynthesisViewer } from "@/lib/synthesis/synthesis.policy";
import { triageQuerySchema } from "./proposals.schemas";
import { type RoundContext, loadRoundContext } from "./round-context";

export interface TriageProposal {
  id: string;
  kind: ProposalKind;
  status: ProposalStatus;
  title: string;
  tags: string[];
  supportCount: number;
  /** The author's profile category; null when they have no profile (erased account, staff). */
  authorCategory: StakeholderCategory | null;
  moderation: ModerationState;
  mergedInto: { id: string; title: string } | null;
  /** Merged and withdrawn proposals cannot be merge targets or merged again. */
  mergeable: boolean;
}

export interface TriageSwotEntry {
  id: string;
  kind: SwotKind;
  body: string;
  tags: string[];
  authorCategory: StakeholderCategory | null;
  moderation: ModerationState;
}

export interface TriageMeasure {
  id: string;
  code: string;
  text: string;
  proposals: TriageProposal[];
}

export interface TriageAxis {
  id: string;
  number: number;
  title: string;
  /** Proposals of new measures for this axis. */
  newMeasures: TriageProposal[];
  measures: TriageMeasure[];
  swot: TriageSwotEntry[];
}

export interface Triage {
  round: RoundContext;
  filters: { category: StakeholderCategory | null; tag: string | null };
  axes: TriageAxis[];
  /** Observations about the whole plan (no axis), and proposals about a measure no longer in the consulted revision. */
  general: { proposals: TriageProposal[]; swot: TriageSwotEntry[] };
  /** Every tag used in the round (proposals and observations), for the filter. */
  tags: string[];
  /** Matching items in all. */
  counts: { proposals: number; swot: number };
  /** Whether the actor may tag and merge (facilitators, admins) or only read (officials). */
  canEdit: boolean;
}

const bySupport = (a: TriageProposal, b: TriageProposal) => b.supportCount - a.supportCount || a.title.localeCompare(b.title, "it");

/**
 * Triage lists of a round, for staff (FACILITATOR, ADMIN, OFFICIAL): its proposals (with support
 * counts) and SWOT observations grouped by axis and measure of the consulted revision, optionally
 * only those by authors of one stakeholder category and / or with one tag. Hidden contributions are
 * included (marked): staff weigh everything. The query is read leniently.
 */
export async function listTriage(db: PrismaClient, actor: Actor | null, roundId: string, query: unknown): Promise<Triage> {
  const user = requireSynthesisViewer(actor);
  const round = await loadRoundContext(db, roundId);
  const parsed = triageQuerySchema.safeParse(query ?? {});
  const category = (parsed.success ? parsed.data.categoria : undefined) ?? null;
  const tag = (parsed.success ? parsed.data.tag : undefined) ?? null;
  const authorFilter = category ? { author: { profile: { is: { category } } } } : {};
  const tagFilter = tag ? { tags: { has: tag } } : {};
  const proposalWhere: Prisma.ProposalWhereInput = { roundId: round.id, ...authorFilter, ...tagFilter };
  const swotWhere: Prisma.SwotEntryWhereInput = { roundId: round.id, ...authorFilter, ...tagFilter };

  const [proposalRows, swotRows, tagRows] = await Promise.all([
    db.proposal.findMany({
      where: proposalWhere,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        kind: true,
        status: true,
        title: true,
        tags: true,
        moderation: true,
        measureId: true,
        axisId: true,
        mergedInto: { select: { id: true, title: true } },
        author: { select: { profile: { select: { category: true } } } },
        _count: { select: { supports: true } },
      },
    }),
    db.swotEntry.findMany({
      where: swotWhere,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, kind: true, body: true, tags: true, moderation: true, axisId: true, author: { select: { profile: { select: { category: true } } } } },
    }),
    db.$queryRaw<{ tag: string }[]>`
      SELECT DISTINCT t AS "tag" FROM (
        SELECT unnest("tags") AS t FROM "Proposal" WHERE "roundId" = ${round.id}::uuid
        UNION SELECT unnest("tags") AS t FROM "SwotEntry" WHERE "roundId" = ${round.id}::uuid
      ) AS used ORDER BY t`,
  ]);

  const proposals = proposalRows.map((row) => ({
    measureId: row.measureId,
    axisId: row.axisId,
    view: {
      id: row.id,
      kind: row.kind,
      status: row.status,
      title: row.title,
      tags: row.tags,
      supportCount: row._count.supports,
      authorCategory: row.author.profile?.category ?? null,
      moderation: row.moderation,
      mergedInto: row.mergedInto,
      mergeable: row.status !== "MERGED" && row.status !== "WITHDRAWN",
    } satisfies TriageProposal,
  }));
  const swot = swotRows.map((row) => ({
    axisId: row.axisId,
    view: { id: row.id, kind: row.kind, body: row.body, tags: row.tags, authorCategory: row.author.profile?.category ?? null, moderation: row.moderation } satisfies TriageSwotEntry,
  }));

  const placedMeasures = new Set(round.measures.map((measure) => measure.id));
  const placedAxes = new Set(round.axes.map((axis) => axis.id));
  const axes: TriageAxis[] = round.axes.map((axis) => ({
    id: axis.id,
    number: axis.number,
    title: axis.title,
    newMeasures: proposals.filter((p) => p.measureId === null && p.axisId === axis.id).map((p) => p.view).sort(bySupport),
    measures: round.measures
      .filter((measure) => measure.axisId === axis.id)
      .map((measure) => ({ id: measure.id, code: measure.code, text: measure.text, proposals: proposals.filter((p) => p.measureId === measure.id).map((p) => p.view).sort(bySupport) })),
    swot: swot.filter((entry) => entry.axisId === axis.id).map((entry) => entry.view),
  }));
  const general = {
    proposals: proposals.filter((p) => (p.measureId ? !placedMeasures.has(p.measureId) : !p.axisId || !placedAxes.has(p.axisId))).map((p) => p.view).sort(bySupport),
    swot: swot.filter((entry) => !entry.axisId || !placedAxes.has(entry.axisId)).map((entry) => entry.view),
  };
  return {
    round,
    filters: { category, tag },
    axes,
    general,
    tags: tagRows.map((row) => row.tag),
    counts: { proposals: proposals.length, swot: swot.length },
    canEdit: (SYNTHESIS_EDITORS as readonly string[]).includes(user.role),
  };
}
