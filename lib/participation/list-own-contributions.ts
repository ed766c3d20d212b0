import { z } from "zod";
import type { PrismaClient } from "@/lib/db/client";
import type { ModerationState, ProposalKind, ProposalStatus, SwotKind, VoteChoice } from "@/lib/db/generated/enums";
import { type Actor, requireUser } from "@/lib/auth/session";

/**
 * "My contributions": everything the signed-in person gave — current votes, comments, proposals
 * (with their answers), supports and SWOT observations — newest first. Each type is bounded
 * (OWN_CONTRIBUTIONS_PER_TYPE) and pages on by itself with a keyset cursor in the address
 * (?voti=…, ?commenti=…, ?proposte=…, ?sostegni=…, ?swot=…). Only ever the actor's own rows.
 */
export const OWN_CONTRIBUTIONS_PER_TYPE = 10;
export const ownContributionTypes = ["votes", "comments", "proposals", "supports", "swot"] as const;
export type OwnContributionType = (typeof ownContributionTypes)[number];
/** The query parameter of each type's cursor. */
export const ownContributionParams: Record<OwnContributionType, string> = { votes: "voti", comments: "commenti", proposals: "proposte", supports: "sostegni", swot: "swot" };

const cursorSchema = z
  .string()
  .regex(/^\d{1,15}_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
  .transform((value) => {
    const [ms, id] = value.split("_") as [string, string];
    return { at: new Date(Number(ms)), id };
  })
  .optional()
  .catch(undefined);

const querySchema = z.object(Object.fromEntries(ownContributionTypes.map((type) => [ownContributionParams[type], cursorSchema])) as Record<string, typeof cursorSchema>);

type Cursor = { at: Date; id: string };
const encode = (at: Date, id: string) => `${at.getTime()}_${id}`;

interface Section<T> {
  items: T[];
  /** The cursor of the next page, or null when this was the last one. */
  next: string | null;
  /** Whether this section is past its first page. */
  paged: boolean;
}

export interface OwnContributions {
  votes: Section<{ id: string; round: RoundRef; measure: MeasureRef; choice: VoteChoice; priority: number | null; updatedAt: Date }>;
  comments: Section<{ id: string; round: RoundRef; measure: MeasureRef | null; axisNumber: number | null; isReply: boolean; body: string; moderation: ModerationState; hiddenReason: string | null; createdAt: Date; editedAt: Date | null }>;
  proposals: Section<{ id: string; round: RoundRef; kind: ProposalKind; status: ProposalStatus; title: string; measureCode: string | null; axisNumber: number | null; moderation: ModerationState; hiddenReason: string | null; answer: string | null; answeredAt: Date | null; mergedInto: { id: string; title: string } | null; supportCount: number; createdAt: Date }>;
  supports: Section<{ id: string; round: RoundRef; title: string; status: ProposalStatus; moderation: ModerationState; createdAt: Date }>;
  swot: Section<{ id: string; round: RoundRef; kind: SwotKind; axisNumber: number | null; body: string; moderation: ModerationState; hiddenReason: string | null; createdAt: Date }>;
}

interface RoundRef {
  id: string;
  title: string;
}
interface MeasureRef {
  code: string;
  planSlug: string;
}

/** Newest first, strictly after the cursor (createdAt/updatedAt, then id, both descending). */
function after(field: "createdAt" | "updatedAt", idField: string, cursor: Cursor | undefined) {
  if (!cursor) return {};
  return { OR: [{ [field]: { lt: cursor.at } }, { [field]: cursor.at, [idField]: { lt: cursor.id } }] };
}

function section<T>(rows: T[], size: number, key: (row: T) => [Date, string], cursor: Cursor | undefined): Section<T> {
  const items = rows.slice(0, size);
  const last = items.at(-1);
  return { items, next: rows.length > size && last ? encode(...key(last)) : null, paged: cursor !== undefined };
}

const round = { select: { id: true, title: true } } as const;

export async function listOwnContributions(db: PrismaClient, actor: Actor | null, query: unknown, { perType = OWN_CONTRIBUTIONS_PER_TYPE }: { perType?: number } = {}): Promise<OwnContributions> {
  const user = requireUser(actor);
  const parsed = querySchema.safeParse(query ?? {});
  const cursors = parsed.success ? (parsed.data as Record<string, Cursor | undefined>) : {};
  const cursorOf = (type: OwnContributionType) => cursors[ownContributionParams[type]];
  const size = Math.min(Math.max(1, perType), 100);
  const take = size + 1;
  const userId = user.userId;

  const [votes, comments, proposals, supports, swot] = await Promise.all([
    db.vote.findMany({
      where: { userId, ...after("updatedAt", "id", cursorOf("votes")) },
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      take,
      select: { id: true, choice: true, priority: true, updatedAt: true, round, measure: { select: { code: true, plan: { select: { slug: true } } } } },
    }),
    db.comment.findMany({
      where: { authorId: userId, ...after("createdAt", "id", cursorOf("comments")) },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take,
      select: { id: true, body: true, moderation: true, hiddenReason: true, createdAt: true, editedAt: true, parentId: true, round, measure: { select: { code: true, plan: { select: { slug: true } } } }, axis: { select: { number: true } } },
    }),
    db.proposal.findMany({
      where: { authorId: userId, ...after("createdAt", "id", cursorOf("proposals")) },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take,
      select: {
        id: true,
        kind: true,
        status: true,
        title: true,
        moderation: true,
        hiddenReason: true,
        answer: true,
        answeredAt: true,
        createdAt: true,
        round,
        measure: { select: { code: true } },
        axis: { select: { number: true } },
        mergedInto: { select: { id: true, title: true } },
        _count: { select: { supports: true } },
      },
    }),
    db.proposalSupport.findMany({
      where: { userId, ...after("createdAt", "proposalId", cursorOf("supports")) },
      orderBy: [{ createdAt: "desc" }, { proposalId: "desc" }],
      take,
      select: { createdAt: true, proposal: { select: { id: true, title: true, status: true, moderation: true, round } } },
    }),
    db.swotEntry.findMany({
      where: { authorId: userId, ...after("createdAt", "id", cursorOf("swot")) },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take,
      select: { id: true, kind: true, body: true, moderation: true, hiddenReason: true, createdAt: true, round, axis: { select: { number: true } } },
    }),
  ]);

  return {
    votes: section(
      votes.map(({ measure, ...row }) => ({ ...row, measure: { code: measure.code, planSlug: measure.plan.slug } })),
      size,
      (row) => [row.updatedAt, row.id],
      cursorOf("votes"),
    ),
    comments: section(
      comments.map(({ measure, axis, parentId, ...row }) => ({ ...row, measure: measure ? { code: measure.code, planSlug: measure.plan.slug } : null, axisNumber: axis?.number ?? null, isReply: parentId !== null })),
      size,
      (row) => [row.createdAt, row.id],
      cursorOf("comments"),
    ),
    proposals: section(
      proposals.map(({ measure, axis, _count, ...row }) => ({ ...row, measureCode: measure?.code ?? null, axisNumber: axis?.number ?? null, supportCount: _count.supports })),
      size,
      (row) => [row.createdAt, row.id],
      cursorOf("proposals"),
    ),
    supports: section(
      supports.map(({ createdAt, proposal }) => ({ id: proposal.id, round: proposal.round, title: proposal.title, status: proposal.status, moderation: proposal.moderation, createdAt })),
      size,
      (row) => [row.createdAt, row.id],
      cursorOf("supports"),
    ),
    swot: section(
      swot.map(({ axis, ...row }) => ({ ...row, axisNumber: axis?.number ?? null })),
      size,
      (row) => [row.createdAt, row.id],
      cursorOf("swot"),
    ),
  };
}
