import type { PrismaClient } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { type Actor, requireRole } from "@/lib/auth/session";
import { type LoadedContribution, loadContributions, reportColumnOf } from "./contribution-target";
import { type ModerationSettings, readModerationSettings } from "./moderation-settings";
import { type ContributionType, MODERATION_PAGE_SIZE, contributionTypes, moderationQuerySchema } from "./moderation.schemas";

/** At most this many report reasons are listed per contribution (the count says how many there are). */
export const REASONS_SHOWN = 20;

export interface QueueItem {
  contribution: LoadedContribution;
  author: { displayName: string | null; erased: boolean };
  openReports: number;
  /** When the oldest open report arrived (or the contribution was written, when it is held without one). */
  since: Date;
  reasons: { reason: string; createdAt: Date }[];
}

export interface HiddenItem {
  contribution: LoadedContribution;
  author: { displayName: string | null; erased: boolean };
}

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageCount: number;
}

export interface ModerationQueue {
  queue: Paged<QueueItem>;
  hidden: Paged<HiddenItem>;
  settings: ModerationSettings;
}

interface Row {
  kind: ContributionType;
  id: string;
  since: Date;
  reports: number;
  total: bigint;
}

const pageCountOf = (total: number) => Math.max(1, Math.ceil(total / MODERATION_PAGE_SIZE));

/**
 * Facilitators and admins: the contributions waiting for a decision — with open reports, or held
 * for review — one entry per contribution with its reasons and count, oldest first; and the hidden
 * ones, newest first, to restore. Both paged (MODERATION_PAGE_SIZE), so the page stays bounded.
 */
export async function listModerationQueue(db: PrismaClient, actor: Actor | null, query: unknown = {}): Promise<ModerationQueue> {
  requireRole(actor, "FACILITATOR", "ADMIN");
  const { pagina, nascosti } = moderationQuerySchema.parse(query ?? {});
  const queueRows = await db.$queryRaw<Row[]>`
    WITH open_reports AS (
      SELECT CASE WHEN "commentId" IS NOT NULL THEN 'comment' WHEN "proposalId" IS NOT NULL THEN 'proposal' ELSE 'swot' END AS kind,
             COALESCE("commentId", "proposalId", "swotEntryId") AS id, MIN("createdAt") AS since, COUNT(*)::int AS reports
      FROM "ContentReport" WHERE status = 'OPEN'
      GROUP BY 1, 2
    ), held AS (
      SELECT 'comment' AS kind, id, "createdAt" AS since FROM "Comment" WHERE moderation = 'PENDING_REVIEW'
      UNION ALL SELECT 'proposal', id, "createdAt" FROM "Proposal" WHERE moderation = 'PENDING_REVIEW'
      UNION ALL SELECT 'swot', id, "createdAt" FROM "SwotEntry" WHERE moderation = 'PENDING_REVIEW'
    ), queue AS (
      SELECT COALESCE(o.kind, h.kind) AS kind, COALESCE(o.id, h.id) AS id, COALESCE(o.since, h.since) AS since, COALESCE(o.reports, 0) AS reports
      FROM open_reports o FULL JOIN held h ON o.kind = h.kind AND o.id = h.id
    )
    SELECT kind, id, since, reports, COUNT(*) OVER () AS total FROM queue
    ORDER BY since, id
    LIMIT ${MODERATION_PAGE_SIZE} OFFSET ${(pagina - 1) * MODERATION_PAGE_SIZE}`;
  const queueTotal = queueRows.length > 0 ? Number(queueRows[0]!.total) : await countQueue(db);

  const hiddenRows = await db.$queryRaw<Omit<Row, "reports" | "since">[]>`
    WITH hidden AS (
      SELECT 'comment' AS kind, id, "createdAt" FROM "Comment" WHERE moderation = 'HIDDEN'
      UNION ALL SELECT 'proposal', id, "createdAt" FROM "Proposal" WHERE moderation = 'HIDDEN'
      UNION ALL SELECT 'swot', id, "createdAt" FROM "SwotEntry" WHERE moderation = 'HIDDEN'
    )
    SELECT kind, id, COUNT(*) OVER () AS total FROM hidden
    ORDER BY "createdAt" DESC, id
    LIMIT ${MODERATION_PAGE_SIZE} OFFSET ${(nascosti - 1) * MODERATION_PAGE_SIZE}`;
  const hiddenTotal = hiddenRows.length > 0 ? Number(hiddenRows[0]!.total) : await countHidden(db);

  const contributions = await loadAll(db, [...queueRows, ...hiddenRows]);
  const authors = await authorsOf(db, [...contributions.values()].map((c) => c.authorId));
  const reasons = await reasonsOf(db, queueRows);
  const authorOf = (c: LoadedContribution) => authors.get(c.authorId) ?? { displayName: null, erased: true };

  const queueItems = queueRows.flatMap((row): QueueItem[] => {
    const contribution = contributions.get(`${row.kind}:${row.id}`);
    return contribution ? [{ contribution, author: authorOf(contribution), openReports: row.reports, since: row.since, reasons: reasons.get(`${row.kind}:${row.id}`) ?? [] }] : [];
  });
  const hiddenItems = hiddenRows.flatMap((row): HiddenItem[] => {
    const contribution = contributions.get(`${row.kind}:${row.id}`);
    return contribution ? [{ contribution, author: authorOf(contribution) }] : [];
  });
  return {
    queue: { items: queueItems, total: queueTotal, page: pagina, pageCount: pageCountOf(queueTotal) },
    hidden: { items: hiddenItems, total: hiddenTotal, page: nascosti, pageCount: pageCountOf(hiddenTotal) },
    settings: await readModerationSettings(db),
  };
}

/** Totals when the requested page is past the end (no row carried the window count). */
async function countQueue(db: PrismaClient): Promise<number> {
  const [row] = await db.$queryRaw<{ total: bigint }[]>`
    SELECT COUNT(*) AS total FROM (
      SELECT COALESCE("commentId", "proposalId", "swotEntryId") AS id FROM "ContentReport" WHERE status = 'OPEN'
      UNION SELECT id FROM "Comment" WHERE moderation = 'PENDING_REVIEW'
      UNION SELECT id FROM "Proposal" WHERE moderation = 'PENDING_REVIEW'
      UNION SELECT id FROM "SwotEntry" WHERE moderation = 'PENDING_REVIEW'
    ) q`;
  return Number(row?.total ?? 0);
}

async function countHidden(db: PrismaClient): Promise<number> {
  const [comments, proposals, swot] = await Promise.all([
    db.comment.count({ where: { moderation: "HIDDEN" } }),
    db.proposal.count({ where: { moderation: "HIDDEN" } }),
    db.swotEntry.count({ where: { moderation: "HIDDEN" } }),
  ]);
  return comments + proposals + swot;
}

async function loadAll(db: PrismaClient, rows: { kind: ContributionType; id: string }[]): Promise<Map<string, LoadedContribution>> {
  const loaded = await Promise.all(contributionTypes.map((type) => loadContributions(db, type, rows.filter((row) => row.kind === type).map((row) => row.id))));
  return new Map(loaded.flat().map((c) => [`${c.type}:${c.id}`, c]));
}

async function authorsOf(db: PrismaClient, ids: string[]): Promise<Map<string, { displayName: string | null; erased: boolean }>> {
  if (ids.length === 0) return new Map();
  const users = await db.user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true, erasedAt: true, profile: { select: { displayName: true } } } });
  return new Map(users.map((user) => [user.id, { displayName: user.erasedAt ? null : (user.profile?.displayName ?? user.name), erased: user.erasedAt !== null }]));
}

/** The newest REASONS_SHOWN open reasons of each contribution on the page (one query per kind). */
async function reasonsOf(db: PrismaClient, rows: { kind: ContributionType; id: string }[]): Promise<Map<string, { reason: string; createdAt: Date }[]>> {
  const result = new Map<string, { reason: string; createdAt: Date }[]>();
  for (const type of contributionTypes) {
    const ids = rows.filter((row) => row.kind === type).map((row) => row.id);
    if (ids.length === 0) continue;
    const column = Prisma.raw(`"${reportColumnOf[type]}"`);
    const reports = await db.$queryRaw<{ target: string; reason: string; createdAt: Date }[]>`
      SELECT target, reason, "createdAt" FROM (
        SELECT ${column} AS target, reason, "createdAt", ROW_NUMBER() OVER (PARTITION BY ${column} ORDER BY "createdAt" DESC, id) AS n
        FROM "ContentReport" WHERE status = 'OPEN' AND ${column} = ANY(${ids}::uuid[])
      ) r WHERE n <= ${REASONS_SHOWN}
      ORDER BY "createdAt"`;
    for (const report of reports) {
      const key = `${type}:${report.target}`;
      result.set(key, [...(result.get(key) ?? []), { reason: report.reason, createdAt: report.createdAt }]);
    }
  }
  return result;
}
