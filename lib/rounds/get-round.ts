import type { Actor } from "@/lib/auth/session";
import type { RegistrationMode, RoundStatus, VenueKind } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";
import type { Db } from "@/lib/plan/plan-read";
import { effectiveRoundStatus } from "./round-window";
import { roundIdSchema } from "./rounds.schemas";

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

/** A round with its meetings, for everyone; `actor` only marks the meetings they registered for. */
export async function getRound(db: Db, roundId: string, actor: Actor | null = null, now: Date = new Date()): Promise<RoundDetail> {
  if (!roundIdSchema.safeParse(roundId).success) throw new AppError("NOT_FOUND", "rounds.errors.notFound");
  const round = await db.round.findUnique({
    where: { id: roundId },
    select: {
      id: true,
      title: true,
      description: true,
      status: true,
      opensAt: true,
      closesAt: true,
      revisionId: true,
      revision: { select: { number: true } },
      plan: { select: { id: true, slug: true, title: true } },
      meetings: {
        orderBy: [{ startsAt: "asc" }, { id: "asc" }],
        select: { ...meetingSummarySelect, registrations: actor ? { where: { userId: actor.userId }, select: { userId: true } } : false },
      },
    },
  });
  if (!round) throw new AppError("NOT_FOUND", "rounds.errors.notFound");
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
