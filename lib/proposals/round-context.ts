import type { Prisma, PrismaClient } from "@/lib/db/generated/client";
import type { RoundStatus } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";
import { findRound } from "@/lib/rounds/get-round";
import { effectiveRoundStatus } from "@/lib/rounds/round-window";
import { isUuid } from "@/lib/db/ids";

type Db = PrismaClient | Prisma.TransactionClient;

export interface RoundMeasure {
  id: string;
  code: string;
  axisId: string;
  axisNumber: number;
  text: string;
}

export interface RoundAxis {
  id: string;
  number: number;
  title: string;
}

/** What the proposal and SWOT pages show about their round, and what its revision contains. */
export interface RoundContext {
  id: string;
  title: string;
  /** As of now, by the server's clock (see round-window.ts). */
  status: RoundStatus;
  opensAt: Date;
  closesAt: Date;
  acceptsContributions: boolean;
  plan: { id: string; slug: string; title: string };
  revisionId: string;
  axes: RoundAxis[];
  measures: RoundMeasure[];
}

/** An id from an address or a form: anything but a UUID names nothing (NOT_FOUND, never a database error). */
export function requireId(value: unknown, messageKey: string): string {
  if (!isUuid(value)) throw new AppError("NOT_FOUND", messageKey);
  return value;
}

/** The round with its revision's axes and measures (in plan order); NOT_FOUND when there is no such round. */
export async function loadRoundContext(db: Db, roundId: string, { withMeasures = true }: { withMeasures?: boolean } = {}, now: Date = new Date()): Promise<RoundContext> {
  const round = await findRound(db, roundId, "participation.errors.roundNotFound", {});
  const status = effectiveRoundStatus(round, now);
  const [axes, measures] = withMeasures
    ? await Promise.all([
        db.axisVersion.findMany({ where: { revisionId: round.revisionId }, orderBy: { position: "asc" }, select: { title: true, axis: { select: { id: true, number: true } } } }),
        db.measureVersion.findMany({
          where: { revisionId: round.revisionId },
          orderBy: [{ measure: { axis: { number: "asc" } } }, { position: "asc" }],
          select: { text: true, measure: { select: { id: true, code: true, axis: { select: { id: true, number: true } } } } },
        }),
      ])
    : [[], []];
  return {
    id: round.id,
    title: round.title,
    status,
    opensAt: round.opensAt,
    closesAt: round.closesAt,
    acceptsContributions: status === "OPEN",
    plan: round.plan,
    revisionId: round.revisionId,
    axes: axes.map((version) => ({ id: version.axis.id, number: version.axis.number, title: version.title })),
    measures: measures.map((version) => ({ id: version.measure.id, code: version.measure.code, axisId: version.measure.axis.id, axisNumber: version.measure.axis.number, text: version.text })),
  };
}

/** Whether a measure / an axis is part of the revision a round consults on. */
export async function measureInRevision(db: Db, revisionId: string, measureId: string): Promise<boolean> {
  return (await db.measureVersion.count({ where: { revisionId, measureId } })) > 0;
}

export async function axisInRevision(db: Db, revisionId: string, axisId: string): Promise<boolean> {
  return (await db.axisVersion.count({ where: { revisionId, axisId } })) > 0;
}
