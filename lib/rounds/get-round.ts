import type { Actor } from "@/lib/auth/session";
import type { Prisma } from "@/lib/db/generated/client";
import type { RegistrationMode, RoundStatus, VenueKind } from "@/lib/db/generated/enums";
import { isUuid } from "@/lib/db/ids";
import { AppError } from "@/lib/errors/app-error";
import type { Db } from "@/lib/plan/plan-read";
import { effectiveRoundStatus } from "./round-window";

export interface MeetingSummary {
  id: string;
  title: string;
  venue: string;
  venueKind: VenueKind;
  address: string | null;
  startsAt: Date;
  endsAt: Date;
  capacity: number | null;
  registration: RegistrationMode;
  cancelledAt: Date | null;
  registrations: number;
  /** Whether the viewer is registered (false when signed out). */
  registered: boolean;
}

export interface RoundDetail {
  id: string;
  title: string;
  description: string;
  /** Effective status, by the server's clock (round-window.ts). */
  status: RoundStatus;
  /** What is stored (the scheduler may be a little behind the clock). */
  storedStatus: RoundStatus;
  opensAt: Date;
  closesAt: Date;
  revisionId: string;
  revisionNumber: number;
  plan: { id: string; slug: string; title: string };
  meetings: MeetingSummary[];
}

/** Whether someone can register for a meeting now, and if not, why. */
export type RegistrationState = "not-needed" | "cancelled" | "closed" | "full" | "open";

export function registrationState(meeting: Pick<MeetingSummary, "registration" | "cancelledAt" | "startsAt" | "capacity" | "registrations">, now: Date = new Date()): RegistrationState {
  if (meeting.registration === "NONE") return "not-needed";
  if (meeting.cancelledAt) return "cancelled";
  if (now >= meeting.startsAt) return "closed";
  if (meeting.capacity !== null && meeting.registrations >= meeting.capacity) return "full";
  return "open";
}

export const meetingSummarySelect = {
  id: true,
  title: true,
  venue: true,
  venueKind: true,
  address: true,
  startsAt: true,
  endsAt: true,
  capacity: true,
  registration: true,
  cancelledAt: true,
  _count: { select: { registrations: true } },
} as const;

/** What every read of a round starts from (status, opensAt and closesAt give its effective status: round-window.ts). */
export const roundHeaderSelect = {
  id: true,
  title: true,
  status: true,
  opensAt: true,
  closesAt: true,
  revisionId: true,
  revision: { select: { number: true } },
  plan: { select: { id: true, slug: true, title: true } },
} as const satisfies Prisma.RoundSelect;

/**
 * A round by id: `roundHeaderSelect` plus the caller's `extra` fields. NOT_FOUND with the caller's
 * message key for an unknown round, and for anything but a UUID (never a database error).
 */
export async function findRound<S extends Prisma.RoundSelect>(db: Db, roundId: string, notFoundKey: string, extra: S): Promise<Prisma.RoundGetPayload<{ select: typeof roundHeaderSelect & S }>> {
  if (!isUuid(roundId)) throw new AppError("NOT_FOUND", notFoundKey);
  // The spread of a generic select defeats Prisma's inference; the declared result type is the same select's payload.
  const round = (await db.round.findUnique({ where: { id: roundId }, select: { ...roundHeaderSelect, ...extra } as Prisma.RoundSelect })) as Prisma.RoundGetPayload<{ select: typeof roundHeaderSelect & S }> | null;
  if (!round) throw new AppError("NOT_FOUND", notFoundKey);
  return round;
}

/** A round with its meetings, for everyone; `actor` only marks the meetings they registered for. */
export async function getRound(db: Db, roundId: string, actor: Actor | null = null, now: Date = new Date()): Promise<RoundDetail> {
  const round = await findRound(db, roundId, "rounds.errors.notFound", {
    description: true,
    meetings: {
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      select: { ...meetingSummarySelect, registrations: actor ? { where: { userId: actor.userId }, select: { userId: true } } : false },
    },
  });
  return {
    id: round.id,
    title: round.title,
    description: round.description,
    status: effectiveRoundStatus(round, now),
    storedStatus: round.status,
    opensAt: round.opensAt,
    closesAt: round.closesAt,
    revisionId: round.revisionId,
    revisionNumber: round.revision.number,
    plan: round.plan,
    meetings: round.meetings.map(({ _count, registrations, ...meeting }) => ({
      ...meeting,
      registrations: _count.registrations,
      registered: Array.isArray(registrations) && registrations.length > 0,
    })),
  };
}
