/**
 * The facilitators' attendance tick-off against PostgreSQL: who attended a meeting, among those
 * registered and, by e-mail address, stakeholders who came without registering; saving replaces
 * the facilitators' marks and never the live session's; audited; counts public, names not. And the
 * per-user rate limit on registering and withdrawing.
 */
import { getMeeting } from "@/lib/rounds/get-meeting";
import { recordAttendance } from "@/lib/rounds/record-attendance";
import { registerForMeeting, unregisterFromMeeting } from "@/lib/rounds/register-for-meeting";
import { rateLimitPolicies } from "@/lib/security/rate-limit-policies";
import { signedInUser } from "../support/auth-factory";
import { DAY, HOUR, facilitatedRound, fromNow, scheduledMeeting } from "../support/scheduling-factory";
import { refusal } from "../support/refusal";
import { databaseForThisFile } from "../support/test-database";

jest.setTimeout(120_000);
const db = databaseForThisFile();

/** A round opening in an hour, a meeting in two days with three registered stakeholders. */
async function fixture() {
  const { actor, roundId } = await facilitatedRound(db.prisma);
  const meetingId = await scheduledMeeting(db.prisma, actor, roundId, { startsIn: 2 * DAY, registration: "OPTIONAL" });
  const people = [];
  for (let i = 0; i < 3; i++) {
    const person = await signedInUser(db.prisma, "STAKEHOLDER");
    await registerForMeeting(db.prisma, person, roundId, meetingId);
    people.push(person);
  }
  return { actor, roundId, meetingId, people, during: fromNow(2 * DAY + HOUR) };
}

const attendanceOf = async (meetingId: string) =>
  (await db.prisma.meetingAttendance.findMany({ where: { meetingId }, select: { userId: true, source: true } })).sort((a, b) => a.userId.localeCompare(b.userId));

describe("attendance tick-off", () => {
  test("a facilitator ticks registered people and a walk-in by e-mail; saving again replaces the ticks; audited; counts public, names for staff only", async () => {
    const { actor, roundId, meetingId, people, during } = await fixture();
    const walkIn = await signedInUser(db.prisma, "STAKEHOLDER");
    const walkInEmail = (await db.prisma.user.findUniqueOrThrow({ where: { id: walkIn.userId }, select: { email: true } })).email!;

    expect(await recordAttendance(db.prisma, actor, roundId, meetingId, { attended: [people[0]!.userId, people[1]!.userId], email: `  ${walkInEmail.toUpperCase()} ` }, during)).toEqual({ attended: 3 });
    expect(await attendanceOf(meetingId)).toEqual(
      [people[0]!.userId, people[1]!.userId, walkIn.userId].sort().map((userId) => ({ userId, source: "FACILITATOR" })),
    );

    const forStaff = await getMeeting(db.prisma, roundId, meetingId, actor, during);
    expect(forStaff.attended).toBe(3);
    expect(forStaff.attendees).toEqual([
      { userId: people[0]!.userId, name: people[0]!.displayName, category: "CITIZEN", registered: true, attended: true, live: false },
      { userId: people[1]!.userId, name: people[1]!.displayName, category: "CITIZEN", registered: true, attended: true, live: false },
      { userId: people[2]!.userId, name: people[2]!.displayName, category: "CITIZEN", registered: true, attended: false, live: false },
      { userId: walkIn.userId, name: walkIn.displayName, category: "CITIZEN", registered: false, attended: true, live: false },
    ]);
    const forPublic = await getMeeting(db.prisma, roundId, meetingId, null, during);
    expect(forPublic).toMatchObject({ attended: 3, registrations: 3, attendees: null, registrants: null });
    expect(await getMeeting(db.prisma, roundId, meetingId, people[2]!, during)).toMatchObject({ attendees: null, registrants: null });

    // Saved again: the walk-in (now on the list) unticked, the third registrant ticked.
    await recordAttendance(db.prisma, actor, roundId, meetingId, { attended: [people[0]!.userId, people[2]!.userId] }, during);
    expect((await attendanceOf(meetingId)).map((row) => row.userId)).toEqual([people[0]!.userId, people[2]!.userId].sort());

    const events = await db.prisma.auditEvent.findMany({ where: { action: "meeting.attendance-recorded", entityId: meetingId }, orderBy: { id: "asc" } });
    expect(events.map((event) => ({ actorId: event.actorId, data: event.data }))).toEqual([
      { actorId: actor.userId, data: { roundId, attended: 3, added: 3, removed: 0, walkIn: true } },
      { actorId: actor.userId, data: { roundId, attended: 2, added: 1, removed: 2, walkIn: false } },
    ]);
    // No address in the audit trail.
    expect(JSON.stringify(events.map((event) => event.data))).not.toContain("@");
  });

  test("live-session attendances are never removed by the tick-off", async () => {
    const { actor, roundId, meetingId, people, during } = await fixture();
    const viewer = await signedInUser(db.prisma, "STAKEHOLDER");
    await db.prisma.meetingAttendance.createMany({
      data: [
        { meetingId, userId: viewer.userId, source: "LIVE" },
        { meetingId, userId: people[0]!.userId, source: "LIVE" },
      ],
    });
    // people[0] ticked although LIVE, the LIVE viewer not ticked: both LIVE rows stay as they are.
    expect(await recordAttendance(db.prisma, actor, roundId, meetingId, { attended: [people[0]!.userId, people[1]!.userId] }, during)).toEqual({ attended: 3 });
    await recordAttendance(db.prisma, actor, roundId, meetingId, { attended: [] }, during);
    expect(await attendanceOf(meetingId)).toEqual([people[0]!.userId, viewer.userId].sort().map((userId) => ({ userId, source: "LIVE" })));
    const meeting = await getMeeting(db.prisma, roundId, meetingId, actor, during);
    expect(meeting).toMatchObject({ attended: 2, liveAttendances: 2 });
    expect(meeting.attendees?.find((row) => row.userId === viewer.userId)).toMatchObject({ registered: false, attended: true, live: true });
  });

  test("refused: stakeholders and officials (FORBIDDEN), before the start, cancelled meetings, visitors", async () => {
    const { actor, roundId, meetingId, people, during } = await fixture();
    const input = { attended: [people[0]!.userId] };
    expect(await refusal(recordAttendance(db.prisma, people[0]!, roundId, meetingId, input, during))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusal(recordAttendance(db.prisma, await signedInUser(db.prisma, "OFFICIAL"), roundId, meetingId, input, during))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusal(recordAttendance(db.prisma, null, roundId, meetingId, input, during))).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await refusal(recordAttendance(db.prisma, actor, roundId, meetingId, input, fromNow(2 * DAY - 60_000)))).toMatchObject({ code: "CONFLICT", messageKey: "meetings.errors.notStarted" });
    const cancelled = await scheduledMeeting(db.prisma, actor, roundId, { startsIn: 3 * DAY });
    await db.prisma.meeting.update({ where: { id: cancelled }, data: { cancelledAt: new Date() } });
    expect(await refusal(recordAttendance(db.prisma, actor, roundId, cancelled, { attended: [] }, fromNow(3 * DAY + HOUR)))).toMatchObject({ code: "CONFLICT", messageKey: "meetings.errors.cancelled" });
    expect(await db.prisma.meetingAttendance.count({ where: { meetingId } })).toBe(0);
    expect(await db.prisma.auditEvent.count({ where: { action: "meeting.attendance-recorded", entityId: meetingId } })).toBe(0);
  });

  test("field errors: unknown address, an account that is not a stakeholder, a person not on the list, unknown fields; nothing saved", async () => {
    const { actor, roundId, meetingId, people, during } = await fixture();
    const ticked = { attended: [people[0]!.userId] };
    expect(await refusal(recordAttendance(db.prisma, actor, roundId, meetingId, { ...ticked, email: "nessuno@example.it" }, during))).toEqual({
      code: "VALIDATION",
      messageKey: "meetings.errors.validation",
      details: { email: "meetings.fields.attendeeEmailUnknown" },
    });
    const official = await signedInUser(db.prisma, "OFFICIAL");
    const officialEmail = (await db.prisma.user.findUniqueOrThrow({ where: { id: official.userId }, select: { email: true } })).email!;
    expect(await refusal(recordAttendance(db.prisma, actor, roundId, meetingId, { ...ticked, email: officialEmail }, during))).toMatchObject({ details: { email: "meetings.fields.attendeeEmailUnknown" } });
    expect(await refusal(recordAttendance(db.prisma, actor, roundId, meetingId, { ...ticked, email: "non è un indirizzo" }, during))).toMatchObject({ details: { email: "meetings.fields.attendeeEmailInvalid" } });
    const stranger = await signedInUser(db.prisma, "STAKEHOLDER");
    expect(await refusal(recordAttendance(db.prisma, actor, roundId, meetingId, { attended: [stranger.userId] }, during))).toMatchObject({ details: { attended: "meetings.fields.attendeeInvalid" } });
    expect(await refusal(recordAttendance(db.prisma, actor, roundId, meetingId, { attended: ["x"] }, during))).toMatchObject({ details: { attended: "meetings.fields.attendeeInvalid" } });
    expect(await refusal(recordAttendance(db.prisma, actor, roundId, meetingId, { ...ticked, source: "LIVE" }, during))).toMatchObject({ messageKey: "rounds.errors.unknownFields" });
    expect(await db.prisma.meetingAttendance.count({ where: { meetingId } })).toBe(0);
  });
});

describe("registration rate limit", () => {
  test(`registering and withdrawing: ${rateLimitPolicies.meetingRegistrationPerUser.limit} per window, then RATE_LIMITED with retryAfter; others unaffected`, async () => {
    const { actor, roundId } = await fixture();
    const meetingId = await scheduledMeeting(db.prisma, actor, roundId, { startsIn: 4 * DAY });
    const person = await signedInUser(db.prisma, "STAKEHOLDER");
    const now = new Date();
    const { limit } = rateLimitPolicies.meetingRegistrationPerUser;
    for (let i = 0; i < limit; i++) {
      if (i % 2 === 0) await registerForMeeting(db.prisma, person, roundId, meetingId, now);
      else await unregisterFromMeeting(db.prisma, person, roundId, meetingId, now);
    }
    const limited = await registerForMeeting(db.prisma, person, roundId, meetingId, now).catch((error: unknown) => error);
    expect(limited).toMatchObject({ code: "RATE_LIMITED", messageKey: "security.rateLimited", params: { retryAfter: expect.any(Number) } });
    expect(await refusal(unregisterFromMeeting(db.prisma, person, roundId, meetingId, now))).toMatchObject({ code: "RATE_LIMITED" });
    // Refused before any change: registered after the last admitted call only if that was a registration (even index).
    expect(await db.prisma.meetingRegistration.count({ where: { meetingId, userId: person.userId } })).toBe(limit % 2 === 0 ? 0 : 1);
    // Someone else still registers.
    expect(await registerForMeeting(db.prisma, await signedInUser(db.prisma, "STAKEHOLDER"), roundId, meetingId, now)).toMatchObject({ registered: true });
  });
});
