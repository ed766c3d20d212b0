import type { PrismaClient } from "@/lib/db/client";
import type { RoundStatus } from "@/lib/db/generated/enums";
import { effectiveRoundStatus } from "./round-window";

/** The round a plan page talks about: the open one, else the latest that has closed, else the next. */
export interface CurrentRound {
  id: string;
  title: string;
  status: RoundStatus;
  opensAt: Date;
  closesAt: Date;
  revisionId: string;
}

export async function findCurrentRound(db: PrismaClient, planId: string, now: Date = new Date()): Promise<CurrentRound | null> {
  const select = { id: true, title: true, status: true, opensAt: true, closesAt: true, revisionId: true } as const;
  // Rounds of a plan do not overlap, so the open one is the latest that has opened.
  const [started, next] = await Promise.all([
    db.round.findFirst({ where: { planId, opensAt: { lte: now } }, orderBy: { opensAt: "desc" }, select }),
    db.round.findFirst({ where: { planId, opensAt: { gt: now } }, orderBy: { opensAt: "asc" }, select }),
  ]);
  const round = started ?? next;
  return round ? { ...round, status: effectiveRoundStatus(round, now) } : null;
}
