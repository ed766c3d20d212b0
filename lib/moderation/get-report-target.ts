import type { PrismaClient } from "@/lib/db/client";
import { parseInput } from "@/lib/auth/auth.schemas";
import { type Actor, requireUser } from "@/lib/auth/session";
import { type LoadedContribution, loadContribution, reportColumnOf } from "./contribution-target";
import { contributionTargetSchema } from "./moderation.schemas";

export interface ReportTarget {
  contribution: Omit<LoadedContribution, "authorId">;
  /** The reader wrote it (they cannot report it). */
  own: boolean;
  /** The reader reported it already (a second report is refused). */
  alreadyReported: boolean;
}

/** What the report page shows: the contribution as the public sees it, and whether the reader may report it. */
export async function getReportTarget(db: PrismaClient, actor: Actor | null, input: unknown): Promise<ReportTarget> {
  const user = requireUser(actor);
  const target = parseInput(contributionTargetSchema, input);
  const { authorId, ...contribution } = await loadContribution(db, target);
  const existing = await db.contentReport.count({ where: { reporterId: user.userId, [reportColumnOf[target.type]]: target.id } });
  return { contribution, own: authorId === user.userId, alreadyReported: existing > 0 };
}
