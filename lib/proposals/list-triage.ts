import type { PrismaClient } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { ModerationState, ProposalKind, ProposalStatus, StakeholderCategory, SwotKind } from "@/lib/db/generated/enums";
import type { Actor } from "@/lib/auth/session";
import { SYNTHESIS_EDITORS, requireSynthesisViewer } from "@/lib/synthesis/synthesis.policy";
import { TRIAGE_PAGE_SIZE, triageQuerySchema } from "./proposals.schemas";
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

/** A proposal a merge may keep (the target select), with where it stands. */
export interface TriageMergeTarget {
  id: string;
  title: string;
  supportCount: number;
  /** Its group: a measure's code, a new measure's axis number, or neither (the whole plan). */
  measureCode: string | null;
  axisNumber: number | null;
}

export interface Triage {
  round: RoundContext;
  filters: { category: StakeholderCategory | null; tag: string | null };
  /** The groups, holding only this page's items (every axis is listed; most are empty on a page). */
  axes: TriageAxis[];
  /** Observations about the whole plan (no axis), and proposals about a measure no longer in the consulted revision. */
  general: { proposals: TriageProposal[]; swot: TriageSwotEntry[] };
  /** Every tag used in the round (proposals and observations), for the filter. */
  tags: string[];
  /** Matching items in all (every page). */
  counts: { proposals: number; swot: number };
  /** Items are paged in display order (axis by axis, measure by measure), proposals and observations together. */
  page: number;
  pageCount: number;
  /**
   * Merge targets: the open (mergeable) proposals of every group this page shows, including those of the
   * group on other pages — duplicates are almost always about the same measure.
   */
  mergeTargets: TriageMergeTarget[];
  /** Whether the actor may tag and merge (facilitators, admins) or only read (officials). */
  canEdit: boolean;
}

type LightProposal = { id: string; title: string; status: ProposalStatus; measureId: string | null; axisId: string | null; supportCount: number };
const bySupport = (a: { supportCount: number; title: string }, b: { supportCount: number; title: string }) => b.supportCount - a.supportCount || a.title.localeCompare(b.title, "it");
const mergeable = (status: ProposalStatus) => status !== "MERGED" && status !== "WITHDRAWN";

/** One group of the lists in display order, with its items' ids. */
interface Group {
  key: string;
  measureCode: string | null;
  axisNumber: number | null;
  proposals: LightProposal[];
  swot: string[];
}

/**
 * Triage lists of a round, for staff (FACILITATOR, ADMIN, OFFICIAL): its proposals (with support
 * counts) and SWOT observations grouped by axis and measure of the consulted revision, optionally
 * only those by authors of one stakeholder category and / or with one tag. Hidden contributions are
 * included (marked): staff weigh everything. The query is read leniently.
 *
 * Paged (a round may have thousands of items): the matching items are ordered as they are shown
 * (axes in order; in each, its measures with their proposals, most supported first, then new-measure
 * proposals, then observations; the whole plan last) from a light query (ids, titles, support counts);
 * only the page's items are then read in full.
 */
export async function listTriage(db: PrismaClient, actor: Actor | null, roundId: string, query: unknown, { pageSize = TRIAGE_PAGE_SIZE }: { pageSize?: number } = {}): Promise<Triage> {
  const user = requireSynthesisViewer(actor);
  const round = await loadRoundContext(db, roundId);
  const parsed = triageQuerySchema.safeParse(query ?? {});
  const q = parsed.success ? parsed.data : triageQuerySchema.parse({});
  const category = q.categoria ?? null;
  const tag = q.tag ?? null;
  const authorFilter = category ? { author: { profile: { is: { category } } } } : {};
  const tagFilter = tag ? { tags: { has: tag } } : {};
  const proposalWhere: Prisma.ProposalWhereInput = { roundId: round.id, ...authorFilter, ...tagFilter };
  const swotWhere: Prisma.SwotEntryWhereInput = { roundId: round.id, ...authorFilter, ...tagFilter };

  const [proposalRows, swotRows, tagRows] = await Promise.all([
    db.proposal.findMany({
      where: proposalWhere,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, title: true, status: true, measureId: true, axisId: true, _count: { select: { supports: true } } },
    }),
    db.swotEntry.findMany({ where: swotWhere, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, axisId: true } }),
    db.$queryRaw<{ tag: string }[]>`
      SELECT DISTINCT t AS "tag" FROM (
        SELECT unnest("tags") AS t FROM "Proposal" WHERE "roundId" = ${round.id}::uuid
        UNION SELECT unnest("tags") AS t FROM "SwotEntry" WHERE "roundId" = ${round.id}::uuid
      ) AS used ORDER BY t`,
  ]);
  const proposals: LightProposal[] = proposalRows.map((row) => ({ id: row.id, title: row.title, status: row.status, measureId: row.measureId, axisId: row.axisId, supportCount: row._count.supports }));

  // The groups in display order.
  const placedMeasures = new Set(round.measures.map((measure) => measure.id));
  const placedAxes = new Set(round.axes.map((axis) => axis.id));
  const groups: Group[] = [];
  for (const axis of round.axes) {
    for (const measure of round.measures.filter((candidate) => candidate.axisId === axis.id)) {
      groups.push({ key: `m:${measure.id}`, measureCode: measure.code, axisNumber: axis.number, proposals: proposals.filter((p) => p.measureId === measure.id).sort(bySupport), swot: [] });
    }
    groups.push({ key: `n:${axis.id}`, measureCode: null, axisNumber: axis.number, proposals: proposals.filter((p) => p.measureId === null && p.axisId === axis.id).sort(bySupport), swot: [] });
    groups.push({ key: `s:${axis.id}`, measureCode: null, axisNumber: axis.number, proposals: [], swot: swotRows.filter((entry) => entry.axisId === axis.id).map((entry) => entry.id) });
  }
  groups.push({
    key: "general",
    measureCode: null,
    axisNumber: null,
    proposals: proposals.filter((p) => (p.measureId ? !placedMeasures.has(p.measureId) : !p.axisId || !placedAxes.has(p.axisId))).sort(bySupport),
    swot: swotRows.filter((entry) => !entry.axisId || !placedAxes.has(entry.axisId)).map((entry) => entry.id),
  });

  // This page's slice of the items, in that order.
  const ordered = groups.flatMap((group) => [...group.proposals.map((p) => ({ group, kind: "proposal" as const, id: p.id })), ...group.swot.map((id) => ({ group, kind: "swot" as const, id }))]);
  const size = Math.min(Math.max(1, pageSize), 500);
  const pageCount = Math.max(1, Math.ceil(ordered.length / size));
  const page = Math.min(q.pagina, pageCount);
  const slice = ordered.slice((page - 1) * size, page * size);
  const pageProposalIds = new Set(slice.filter((item) => item.kind === "proposal").map((item) => item.id));
  const pageSwotIds = new Set(slice.filter((item) => item.kind === "swot").map((item) => item.id));

  const [proposalDetails, swotDetails] = await Promise.all([
    db.proposal.findMany({
      where: { id: { in: [...pageProposalIds] } },
      select: {
        id: true,
        kind: true,
        status: true,
        title: true,
        tags: true,
        moderation: true,
        mergedInto: { select: { id: true, title: true } },
        author: { select: { profile: { select: { category: true } } } },
      },
    }),
    db.swotEntry.findMany({
      where: { id: { in: [...pageSwotIds] } },
      select: { id: true, kind: true, body: true, tags: true, moderation: true, author: { select: { profile: { select: { category: true } } } } },
    }),
  ]);
  const supportOf = new Map(proposals.map((p) => [p.id, p.supportCount]));
  const proposalView = new Map(
    proposalDetails.map((row) => [
      row.id,
      {
        id: row.id,
        kind: row.kind,
        status: row.status,
        title: row.title,
        tags: row.tags,
        supportCount: supportOf.get(row.id) ?? 0,
        authorCategory: row.author.profile?.category ?? null,
        moderation: row.moderation,
        mergedInto: row.mergedInto,
        mergeable: mergeable(row.status),
      } satisfies TriageProposal,
    ]),
  );
  const swotView = new Map(
    swotDetails.map((row) => [row.id, { id: row.id, kind: row.kind, body: row.body, tags: row.tags, authorCategory: row.author.profile?.category ?? null, moderation: row.moderation } satisfies TriageSwotEntry]),
  );
  const pageProposals = (group: Group) => group.proposals.filter((p) => pageProposalIds.has(p.id)).flatMap((p) => proposalView.get(p.id) ?? []);
  const pageSwot = (group: Group) => group.swot.filter((id) => pageSwotIds.has(id)).flatMap((id) => swotView.get(id) ?? []);
  const groupOf = new Map(groups.map((group) => [group.key, group]));

  const axes: TriageAxis[] = round.axes.map((axis) => ({
    id: axis.id,
    number: axis.number,
    title: axis.title,
    newMeasures: pageProposals(groupOf.get(`n:${axis.id}`)!),
    measures: round.measures
      .filter((measure) => measure.axisId === axis.id)
      .map((measure) => ({ id: measure.id, code: measure.code, text: measure.text, proposals: pageProposals(groupOf.get(`m:${measure.id}`)!) })),
    swot: pageSwot(groupOf.get(`s:${axis.id}`)!),
  }));
  const general = groupOf.get("general")!;
  const shownGroups = new Set(slice.map((item) => item.group));
  return {
    round,
    filters: { category, tag },
    axes,
    general: { proposals: pageProposals(general), swot: pageSwot(general) },
    tags: tagRows.map((row) => row.tag),
    counts: { proposals: proposals.length, swot: swotRows.length },
    page,
    pageCount,
    mergeTargets: groups
      .filter((group) => shownGroups.has(group))
      .flatMap((group) => group.proposals.filter((p) => mergeable(p.status)).map((p) => ({ id: p.id, title: p.title, supportCount: p.supportCount, measureCode: group.measureCode, axisNumber: group.axisNumber }))),
    canEdit: (SYNTHESIS_EDITORS as readonly string[]).includes(user.role),
  };
}
