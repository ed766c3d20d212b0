import { Prisma, type PrismaClient } from "@/lib/db/generated/client";
import type { ModerationState } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";
import type { ContributionTarget, ContributionType } from "./moderation.schemas";

/**
 * The three kinds of contribution people can report (comments, proposals, SWOT entries), seen
 * through one shape, so the moderation services do not repeat themselves per table.
 */
type Db = PrismaClient | Prisma.TransactionClient;

export interface LoadedContribution {
  type: ContributionType;
  id: string;
  authorId: string;
  roundId: string;
  /** The text people wrote (a proposal shows its title above its rationale). */
  title: string | null;
  body: string;
  moderation: ModerationState;
  hiddenReason: string | null;
  createdAt: Date;
  /** Unprefixed app path where the contribution is shown, with its anchor. */
  path: string;
}

/** AuditEvent.entityType of each kind. */
export const entityTypeOf: Record<ContributionType, string> = { comment: "Comment", proposal: "Proposal", swot: "SwotEntry" };

/** ContentReport's column naming each kind. */
export const reportColumnOf = { comment: "commentId", proposal: "proposalId", swot: "swotEntryId" } as const satisfies Record<ContributionType, string>;

const tableOf: Record<ContributionType, Prisma.Sql> = { comment: Prisma.sql`"Comment"`, proposal: Prisma.sql`"Proposal"`, swot: Prisma.sql`"SwotEntry"` };

/** The open reports of one contribution, as a Prisma filter. */
export function reportsOf(target: ContributionTarget): Prisma.ContentReportWhereInput {
  return { [reportColumnOf[target.type]]: target.id };
}

/**
 * Locks the contribution's row until the transaction ends (reports, hiding and restoring of one
 * contribution then happen one after the other, so counts and states stay consistent).
 * NO KEY UPDATE: replies and reports that only reference the row are not blocked.
 */
export async function lockContribution(tx: Prisma.TransactionClient, target: ContributionTarget): Promise<void> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM ${tableOf[target.type]} WHERE id = ${target.id}::uuid FOR NO KEY UPDATE`;
  if (rows.length === 0) throw new AppError("NOT_FOUND", "moderation.errors.notFound");
}

const commentPath = (c: { id: string; roundId: string; measure: { code: string; plan: { slug: string } } | null }) =>
  c.measure ? `/piani/${c.measure.plan.slug}/misure/${c.measure.code}#comment-${c.id}` : `/consultazioni/${c.roundId}#comment-${c.id}`;

/** Several contributions of one kind by id (missing ids are left out). */
export async function loadContributions(db: Db, type: ContributionType, ids: readonly string[]): Promise<LoadedContribution[]> {
  if (ids.length === 0) return [];
  const common = { id: true, authorId: true, roundId: true, moderation: true, hiddenReason: true, createdAt: true } as const;
  switch (type) {
    case "comment": {
      const rows = await db.comment.findMany({ where: { id: { in: [...ids] } }, select: { ...common, body: true, measure: { select: { code: true, plan: { select: { slug: true } } } } } });
      return rows.map((row) => ({ type, id: row.id, authorId: row.authorId, roundId: row.roundId, title: null, body: row.body, moderation: row.moderation, hiddenReason: row.hiddenReason, createdAt: row.createdAt, path: commentPath(row) }));
    }
    case "proposal": {
      const rows = await db.proposal.findMany({ where: { id: { in: [...ids] } }, select: { ...common, title: true, rationale: true } });
      return rows.map((row) => ({ type, id: row.id, authorId: row.authorId, roundId: row.roundId, title: row.title, body: row.rationale, moderation: row.moderation, hiddenReason: row.hiddenReason, createdAt: row.createdAt, path: `/consultazioni/${row.roundId}/proposte/${row.id}` }));
    }
    case "swot": {
      const rows = await db.swotEntry.findMany({ where: { id: { in: [...ids] } }, select: { ...common, body: true } });
      return rows.map((row) => ({ type, id: row.id, authorId: row.authorId, roundId: row.roundId, title: null, body: row.body, moderation: row.moderation, hiddenReason: row.hiddenReason, createdAt: row.createdAt, path: `/consultazioni/${row.roundId}/swot#swot-${row.id}` }));
    }
  }
}

/** One contribution, or NOT_FOUND. */
export async function loadContribution(db: Db, target: ContributionTarget): Promise<LoadedContribution> {
  const [found] = await loadContributions(db, target.type, [target.id]);
  if (!found) throw new AppError("NOT_FOUND", "moderation.errors.notFound");
  return found;
}

/** Sets the moderation state of one contribution (and its public reason: null unless hidden). */
export async function setModeration(tx: Prisma.TransactionClient, target: ContributionTarget, moderation: ModerationState, hiddenReason: string | null): Promise<void> {
  const data = { moderation, hiddenReason };
  switch (target.type) {
    case "comment":
      await tx.comment.update({ where: { id: target.id }, data });
      return;
    case "proposal":
      await tx.proposal.update({ where: { id: target.id }, data });
      return;
    case "swot":
      await tx.swotEntry.update({ where: { id: target.id }, data });
      return;
  }
}
