import type { Actor } from "@/lib/auth/session";
import type { PrismaClient } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { roundIdSchema } from "@/lib/rounds/rounds.schemas";
import { requireLiveHost } from "./live.policy";

/** What a host may put under discussion in a live session: the measures of the round's revision, by axis, and its open proposals. */
export interface LiveCandidates {
  axes: { number: number; title: string; measures: { id: string; code: string; text: string }[] }[];
  proposals: { id: string; title: string }[];
}

/** For the console (hosts only: facilitators and admins, like round management). */
export async function listLiveCandidates(db: PrismaClient, actor: Actor | null, roundId: string): Promise<LiveCandidates> {
  requireLiveHost(actor);
  if (!roundIdSchema.safeParse(roundId).success) throw new AppError("NOT_FOUND", "meetings.errors.notFound");
  const round = await db.round.findUnique({ where: { id: roundId }, select: { revisionId: true } });
  if (!round) throw new AppError("NOT_FOUND", "meetings.errors.notFound");

  const [axisVersions, measureVersions, proposals] = await Promise.all([
    db.axisVersion.findMany({ where: { revisionId: round.revisionId }, select: { axisId: true, title: true, position: true, axis: { select: { number: true } } }, orderBy: { position: "asc" } }),
    db.measureVersion.findMany({
      where: { revisionId: round.revisionId },
      select: { text: true, position: true, measure: { select: { id: true, code: true, axisId: true } } },
      orderBy: { position: "asc" },
    }),
    db.proposal.findMany({ where: { roundId, status: "OPEN", moderation: "VISIBLE" }, select: { id: true, title: true }, orderBy: { createdAt: "asc" } }),
  ]);
  const axes = axisVersions.map((version) => ({
    number: version.axis.number,
    title: version.title,
    measures: measureVersions
      .filter((measure) => measure.measure.axisId === version.axisId)
      .map((measure) => ({ id: measure.measure.id, code: measure.measure.code, text: measure.text })),
  }));
  return { axes: axes.filter((axis) => axis.measures.length > 0), proposals };
}
