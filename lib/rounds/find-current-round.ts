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

export interface HomeRounds {
  /** The round open now, if any. */
  open: CurrentRound | null;
  /** The next round that has not opened yet, if any. */
  next: CurrentRound | null;
}

/** What the home page announces: the open round and the next one (effective statuses, server clock). */
export async function findOpenAndNextRound(db: PrismaClient, planId: string, now: Date = new Date()): Promise<HomeRounds> {
  const select = { id: true, title: true, status: true, opensAt: true, closesAt: true, revisionId: true } as const;
  const [started, next] = await Promise.all([
    db.round.findFirst({ where: { planId, opensAt: { lte: now } }, orderBy: { opensAt: "desc" }, select }),
    db.round.findFirst({ where: { planId, opensAt: { gt: now }, status: "SCHEDULED" }, orderBy: { opensAt: "asc" }, select }),
  ]);
  const open = started && effectiveRoundStatus(started, now) === "OPEN" ? { ...started, status: "OPEN" as const } : null;
  return { open, next: next ? { ...next, status: effectiveRoundStatus(next, now) } : null };
}
