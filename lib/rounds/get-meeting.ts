import type { Actor } from "@/lib/auth/session";
import type { RoundStatus } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";
import type { Db } from "@/lib/plan/plan-read";
import { type MeetingSummary, type RegistrationState, meetingSummarySelect, registrationState } from "./get-round";
import { effectiveRoundStatus } from "./round-window";
import { meetingIdSchema, roundIdSchema } from "./rounds.schemas";
import { canManageRounds } from "./schedule-round";

export interface MeetingDetail extends MeetingSummary {
  headcount: number | null;
  minutes: string | null;
  /** Whether it has started (attendance and minutes can be recorded from then on). */
  started: boolean;
  ended: boolean;
  /** Whether one can register now, and if not, why. */
  registrationState: RegistrationState;
  /** Seats left, when there is a capacity. */
  seatsLeft: number | null;
  /** People who joined the meeting's live session. */
  liveAttendances: number;
  round: { id: string; title: string; status: RoundStatus; opensAt: Date; closesAt: Date };
  /** Names of the registered people (null: no name to show), for facilitators and admins only. */
  registrants: (string | null)[] | null;
}

/** A meeting of a round, as its page shows it. Registrants' names only for facilitators and admins. */
export async function getMeeting(db: Db, roundId: string, meetingId: string, actor: Actor | null = null, now: Date = new Date()): Promise<MeetingDetail> {
  if (!roundIdSchema.safeParse(roundId).success || !meetingIdSchema.safeParse(meetingId).success) throw new AppError("NOT_FOUND", "meetings.errors.notFound");
  const manager = canManageRounds(actor);
  const meeting = await db.meeting.findFirst({
    where: { id: meetingId, roundId },
    select: {
      ...meetingSummarySelect,
      headcount: true,
      minutes: true,
      round: { select: { id: true, title: true, status: true, opensAt: true, closesAt: true } },
      _count: { select: { registrations: true, attendances: true } },
      registrations: manager
        ? { orderBy: { createdAt: "asc" }, select: { userId: true, user: { select: { name: true, erasedAt: true, profile: { select: { displayName: true } } } } } }
        : actor
          ? { where: { userId: actor.userId }, select: { userId: true } }
          : false,
    },
  });
  if (!meeting) throw new AppError("NOT_FOUND", "meetings.errors.notFound");
  const { _count, registrations, round, ...rest } = meeting;
  const list = Array.isArray(registrations) ? registrations : [];
  const seatsLeft = rest.capacity === null ? null : Math.max(0, rest.capacity - _count.registrations);
  return {
    ...rest,
    registrations: _count.registrations,
    liveAttendances: _count.attendances,
    registered: actor !== null && list.some((registration) => registration.userId === actor.userId),
    started: now >= rest.startsAt,
    ended: now >= rest.endsAt,
    registrationState: registrationState({ ...rest, registrations: _count.registrations }, now),
    seatsLeft,
    round: { ...round, status: effectiveRoundStatus(round, now) },
    registrants: manager
      ? list.map((registration) => {
          const user = "user" in registration ? (registration.user as { name: string | null; erasedAt: Date | null; profile: { displayName: string } | null }) : null;
          return user && !user.erasedAt ? (user.profile?.displayName ?? user.name ?? null) : null;
        })
      : null,
  };
}
