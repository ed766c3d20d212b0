import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/session";
import type { CommentCursor } from "./comments.schemas";
import { type CommentPage, listComments } from "./list-comments";

/**
 * The round page's comments on the plan's axes: for each axis of the revision under consultation
 * (in the plan's order), one page of its comment threads (see listComments), each with its own cursor.
 */
export interface AxisComments {
  axisId: string;
  number: number;
  title: string;
  page: CommentPage;
}

export async function listAxisComments(
  db: PrismaClient,
  actor: Actor | null,
  { roundId, cursors = {}, now = new Date() }: { roundId: string; cursors?: Record<number, CommentCursor | null>; now?: Date },
): Promise<AxisComments[]> {
  const round = await db.round.findUnique({ where: { id: roundId }, select: { revisionId: true } });
  if (!round) return [];
  const axes = await db.axisVersion.findMany({ where: { revisionId: round.revisionId }, orderBy: { position: "asc" }, select: { axisId: true, title: true, axis: { select: { number: true } } } });
  return Promise.all(
    axes.map(async (axis) => ({
      axisId: axis.axisId,
      number: axis.axis.number,
      title: axis.title,
      page: await listComments(db, actor, { roundId, target: { axisId: axis.axisId }, cursor: cursors[axis.axis.number] ?? null, now }),
    })),
  );
}
