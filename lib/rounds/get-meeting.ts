import type { Actor } from "@/lib/auth/session";
import type { RoundStatus, StakeholderCategory } from "@/lib/db/generated/enums";
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
  /** People recorded as attending: ticked off by facilitators or joined through the live session. */
  attended: number;
  /** People who joined the meeting's live session. */
  liveAttendances: number;
  round: { id: string; title: string; status: RoundStatus; opensAt: Date; closesAt: Date };
  /** Names of the registered people (null: no name to show), for facilitators and admins only. */
  registrants: (string | null)[] | null;
  /**
   * The facilitators' attendance list (registered people, then those recorded as attending without
   * registering), for facilitators and admins only: display name and category, never an address.
   */
  attendees: MeetingAttendee[] | null;
}

export interface MeetingAttendee {
  userId: string;
  /** null: no name to show (an erased account). */
  name: string | null;
  category: StakeholderCategory | null;
  registered: boolean;
  attended: boolean;
  /** Recorded by the live session: the tick-off leaves it as it is. */
  live: boolean;
}

type PersonRow = { name: string | null; erasedAt: Date | null; profile: { displayName: string; category: StakeholderCategory } | null };
const personSelect = { name: true, erasedAt: true, profile: { select: { displayName: true, category: true } } } as const;
const shownName = (user: PersonRow): string | null => (user.erasedAt ? null : (user.profile?.displayName ?? user.name ?? null));

/** Registered people in order of registration, then the other attendees in order of arrival. */
function attendanceList(
  registrations: { userId: string; user: PersonRow }[],
  attendances: { userId: string; source: string; user: PersonRow }[],
): MeetingAttendee[] {
  const byUser = new Map(attendances.map((row) => [row.userId, row]));
  const registered = new Set(registrations.map((row) => row.userId));
  const person = (userId: string, user: PersonRow, isRegistered: boolean): MeetingAttendee => ({
    userId,
    name: shownName(user),
    category: user.erasedAt ? null : (user.profile?.category ?? null),
    registered: isRegistered,
    attended: byUser.has(userId),
    live: byUser.get(userId)?.source === "LIVE",
  });
  return [
    ...registrations.map((row) => person(row.userId, row.user, true)),
    ...attendances.filter((row) => !registered.has(row.userId)).map((row) => person(row.userId, row.user, false)),
  ];
}

/** A meeting of a round, as its page shows it. Registrants' names and the attendance list only for facilitators and admins. */
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
        ? { orderBy: { createdAt: "asc" }, select: { userId: true, user: { select: personSelect } } }
        : actor
          ? { where: { userId: actor.userId }, select: { userId: true } }
          : false,
      attendances: manager ? { orderBy: { joinedAt: "asc" }, select: { userId: true, source: true, user: { select: personSelect } } } : false,
    },
  });
  if (!meeting) throw new AppError("NOT_FOUND", "meetings.errors.notFound");
  const liveAttendances = await db.meetingAttendance.count({ where: { meetingId, source: "LIVE" } });
  const { _count, registrations, attendances, round, ...rest } = meeting;
  const list = Array.isArray(registrations) ? registrations : [];
  // With a manager, the rows carry their person (the select above); the conditional select types them loosely.
  const managerRegistrations = (manager ? list : []) as unknown as { userId: string; user: PersonRow }[];
  const managerAttendances = (manager && Array.isArray(attendances) ? attendances : []) as unknown as { userId: string; source: string; user: PersonRow }[];
  const seatsLeft = rest.capacity === null ? null : Math.max(0, rest.capacity - _count.registrations);
  return {
    ...rest,
    registrations: _count.registrations,
    attended: _count.attendances,
    liveAttendances,
    registered: actor !== null && list.some((registration) => registration.userId === actor.userId),
    started: now >= rest.startsAt,
    ended: now >= rest.endsAt,
    registrationState: registrationState({ ...rest, registrations: _count.registrations }, now),
    seatsLeft,
    round: { ...round, status: effectiveRoundStatus(round, now) },
    registrants: manager ? managerRegistrations.map((registration) => shownName(registration.user)) : null,
    attendees: manager ? attendanceList(managerRegistrations, managerAttendances) : null,
  };
}
