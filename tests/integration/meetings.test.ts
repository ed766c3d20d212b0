/**
 * Meetings (public assemblies) against PostgreSQL: scheduled inside their round by facilitators,
 * edited until they start, cancelled (kept, marked), attendance and minutes after the start, and
 * registration — optional or required, never beyond capacity, even with simultaneous requests.
 */
import { getMeeting } from "@/lib/rounds/get-meeting";
import { getRound } from "@/lib/rounds/get-round";
import { recordMeetingOutcome } from "@/lib/rounds/record-meeting-outcome";
import { registerForMeeting, unregisterFromMeeting } from "@/lib/rounds/register-for-meeting";
import { scheduleMeeting } from "@/lib/rounds/schedule-meeting";
import { cancelMeeting, updateMeeting } from "@/lib/rounds/update-meeting";
import { signedInUser } from "../support/auth-factory";
import { DAY, HOUR, facilitator, freshPlan, fromNow, scheduledMeeting, scheduledRound, settle } from "../support/scheduling-factory";
import { refusal } from "../support/refusal";
import { databaseForThisFile } from "../support/test-database";

jest.setTimeout(120_000);
const db = databaseForThisFile();

/** A round open from an hour from now for ten days, and its facilitator. */
async function roundFixture() {
  const plan = await freshPlan(db.prisma);
  const actor = await facilitator(db.prisma);
  const roundId = await scheduledRound(db.prisma, actor, plan.id, { opensIn: HOUR, closesIn: 10 * DAY });
  return { plan, actor, roundId };
}

const form = (overrides: Record<string, unknown> = {}) => ({
  title: "Assemblea in parrocchia",
  venue: "Parrocchia di San Michele",
  venueKind: "PARISH",
  address: "",
  startsAt: fromNow(2 * DAY),
  endsAt: fromNow(2 * DAY + 2 * HOUR),
  capacity: "",
  registration: "REQUIRED",
  ...overrides,
});

describe("scheduling and editing meetings", () => {
  test("a facilitator schedules a meeting inside the round; it shows on the round; audited", async () => {
    const { actor, roundId } = await roundFixture();
    const { id } = await scheduleMeeting(db.prisma, actor, roundId, form({ capacity: "40", address: "  Piazza  San Michele 2 " }));
    const meeting = await db.prisma.meeting.findUniqueOrThrow({ where: { id } });
    expect(meeting).toMatchObject({ roundId, venueKind: "PARISH", capacity: 40, registration: "REQUIRED", address: "Piazza San Michele 2", cancelledAt: null });
    const round = await getRound(db.prisma, roundId);
    expect(round.meetings).toEqual([expect.objectContaining({ id, title: "Assemblea in parrocchia", registrations: 0, registered: false })]);
    expect(await db.prisma.auditEvent.count({ where: { action: "meeting.scheduled", entityId: id, actorId: actor.userId } })).toBe(1);
  });

  test("field errors: venue kind, end before start, capacity; a meeting outside the round; unknown fields", async () => {
    const { actor, roundId } = await roundFixture();
    expect(await refusal(scheduleMeeting(db.prisma, actor, roundId, form({ endsAt: fromNow(DAY), capacity: "0", venue: "" })))).toEqual({
      code: "VALIDATION",
      messageKey: "rounds.errors.validation",
      details: { capacity: "meetings.fields.capacityInvalid", venue: "meetings.fields.venueRequired", endsAt: "meetings.fields.endsBeforeStarts" },
    });
    expect(await refusal(scheduleMeeting(db.prisma, actor, roundId, form({ venueKind: "CASTLE", capacity: "2.5" })))).toMatchObject({
      details: { venueKind: "meetings.fields.venueKindRequired", capacity: "meetings.fields.capacityInvalid" },
    });
    expect(await refusal(scheduleMeeting(db.prisma, actor, roundId, form({ startsAt: fromNow(11 * DAY), endsAt: fromNow(11 * DAY + HOUR) })))).toMatchObject({ details: { startsAt: "meetings.fields.outsideRound" } });
    expect(await refusal(scheduleMeeting(db.prisma, actor, roundId, form({ startsAt: fromNow(10 * DAY - HOUR), endsAt: fromNow(10 * DAY + HOUR) })))).toMatchObject({ details: { endsAt: "meetings.fields.outsideRound" } });
    expect(await refusal(scheduleMeeting(db.prisma, actor, roundId, form({ headcount: "12" })))).toMatchObject({ messageKey: "rounds.errors.unknownFields" });
    expect(await db.prisma.meeting.count({ where: { roundId } })).toBe(0);
  });

  test("no meetings for a round that is over; stakeholders cannot schedule", async () => {
    const { actor, roundId } = await roundFixture();
    expect(await refusal(scheduleMeeting(db.prisma, actor, roundId, form(), fromNow(11 * DAY)))).toMatchObject({ code: "CONFLICT", messageKey: "meetings.errors.roundOver" });
    expect(await refusal(scheduleMeeting(db.prisma, await signedInUser(db.prisma, "STAKEHOLDER"), roundId, form()))).toMatchObject({ code: "FORBIDDEN" });
  });

  test("edited until it starts; never fewer seats than registrations", async () => {
    const { actor, roundId } = await roundFixture();
    const id = await scheduledMeeting(db.prisma, actor, roundId, { startsIn: 2 * DAY, capacity: 10 });
    for (let i = 0; i < 3; i++) await registerForMeeting(db.prisma, await signedInUser(db.prisma, "STAKEHOLDER"), roundId, id);
    expect(await refusal(updateMeeting(db.prisma, actor, roundId, id, form({ capacity: "2" })))).toMatchObject({ code: "VALIDATION", details: { capacity: "meetings.fields.capacityBelowRegistrations" } });
    await updateMeeting(db.prisma, actor, roundId, id, form({ title: "Assemblea spostata", capacity: "3", startsAt: fromNow(3 * DAY), endsAt: fromNow(3 * DAY + HOUR) }));
    expect(await db.prisma.meeting.findUniqueOrThrow({ where: { id } })).toMatchObject({ title: "Assemblea spostata", capacity: 3, venueKind: "PARISH" });
    expect(await refusal(updateMeeting(db.prisma, actor, roundId, id, form(), fromNow(3 * DAY + 10 * 60_000)))).toMatchObject({ code: "CONFLICT", messageKey: "meetings.errors.started" });
    // The meeting must belong to the round named in the address.
    const other = await roundFixture();
    expect(await refusal(updateMeeting(db.prisma, actor, other.roundId, id, form()))).toMatchObject({ code: "NOT_FOUND" });
  });

  test("cancelled: kept and marked, no more registrations or edits; audited", async () => {
    const { actor, roundId } = await roundFixture();
    const id = await scheduledMeeting(db.prisma, actor, roundId, { startsIn: 2 * DAY });
    await cancelMeeting(db.prisma, actor, roundId, id);
    const meeting = await getMeeting(db.prisma, roundId, id);
    expect(meeting.cancelledAt).toBeInstanceOf(Date);
    expect(meeting.registrationState).toBe("cancelled");
    expect((await getRound(db.prisma, roundId)).meetings.map((m) => m.id)).toEqual([id]);
    expect(await refusal(registerForMeeting(db.prisma, await signedInUser(db.prisma, "STAKEHOLDER"), roundId, id))).toMatchObject({ code: "CONFLICT", messageKey: "meetings.errors.cancelled" });
    expect(await refusal(cancelMeeting(db.prisma, actor, roundId, id))).toMatchObject({ code: "CONFLICT", messageKey: "meetings.errors.cancelled" });
    expect(await refusal(updateMeeting(db.prisma, actor, roundId, id, form()))).toMatchObject({ code: "CONFLICT", messageKey: "meetings.errors.cancelled" });
    expect(await db.prisma.auditEvent.count({ where: { action: "meeting.cancelled", entityId: id } })).toBe(1);
  });
});

describe("attendance and minutes", () => {
  test("only after the start; the minutes are plain text, normalised; shown publicly; audited", async () => {
    const { actor, roundId } = await roundFixture();
    const id = await scheduledMeeting(db.prisma, actor, roundId, { startsIn: 2 * DAY });
    const input = { headcount: "37", minutes: "Presenti 37 persone.\r\n\r\n<script>alert(1)</script>" };
    expect(await refusal(recordMeetingOutcome(db.prisma, actor, roundId, id, input))).toMatchObject({ code: "CONFLICT", messageKey: "meetings.errors.notStarted" });
    const during = fromNow(2 * DAY + HOUR);
    await recordMeetingOutcome(db.prisma, actor, roundId, id, input, during);
    const meeting = await getMeeting(db.prisma, roundId, id, null, during);
    expect(meeting).toMatchObject({ headcount: 37, minutes: "Presenti 37 persone.\n\n<script>alert(1)</script>", started: true, registrants: null });
    expect(await refusal(recordMeetingOutcome(db.prisma, actor, roundId, id, { headcount: "-1" }, during))).toMatchObject({ details: { headcount: "meetings.fields.headcountInvalid" } });
    expect(await refusal(recordMeetingOutcome(db.prisma, await signedInUser(db.prisma, "STAKEHOLDER"), roundId, id, input, during))).toMatchObject({ code: "FORBIDDEN" });
    // Emptied later: both may be left blank.
    await recordMeetingOutcome(db.prisma, actor, roundId, id, { headcount: "", minutes: "" }, during);
    expect(await db.prisma.meeting.findUniqueOrThrow({ where: { id } })).toMatchObject({ headcount: null, minutes: null });
    expect(await db.prisma.auditEvent.count({ where: { action: "meeting.outcome-recorded", entityId: id } })).toBe(2);
  });
});

describe("registration", () => {
  test("signed-in people register (twice is harmless) and withdraw until the start; facilitators see the names", async () => {
    const { actor, roundId } = await roundFixture();
    const id = await scheduledMeeting(db.prisma, actor, roundId, { startsIn: 2 * DAY, capacity: 30, registration: "OPTIONAL" });
    const person = await signedInUser(db.prisma, "STAKEHOLDER");
    expect(await registerForMeeting(db.prisma, person, roundId, id)).toEqual({ registered: true, seatsLeft: 29 });
    expect(await registerForMeeting(db.prisma, person, roundId, id)).toEqual({ registered: true, seatsLeft: 29 });
    expect(await db.prisma.meetingRegistration.count({ where: { meetingId: id } })).toBe(1);
    expect((await getMeeting(db.prisma, roundId, id, person)).registered).toBe(true);
    expect((await getMeeting(db.prisma, roundId, id, actor)).registrants).toEqual([person.displayName]);
    expect((await getRound(db.prisma, roundId, person)).meetings[0]).toMatchObject({ registered: true, registrations: 1 });
    await unregisterFromMeeting(db.prisma, person, roundId, id);
    expect(await db.prisma.meetingRegistration.count({ where: { meetingId: id } })).toBe(0);
    await registerForMeeting(db.prisma, person, roundId, id);
    expect(await refusal(unregisterFromMeeting(db.prisma, person, roundId, id, fromNow(2 * DAY + HOUR)))).toMatchObject({ code: "CONFLICT", messageKey: "meetings.errors.started" });
    expect(await refusal(registerForMeeting(db.prisma, await signedInUser(db.prisma, "OFFICIAL"), roundId, id, fromNow(2 * DAY + HOUR)))).toMatchObject({ code: "CONFLICT", messageKey: "meetings.errors.started" });
  });

  test("visitors must sign in; meetings without registration refuse it", async () => {
    const { actor, roundId } = await roundFixture();
    const open = await scheduledMeeting(db.prisma, actor, roundId, { startsIn: 2 * DAY, registration: "REQUIRED" });
    const none = await scheduledMeeting(db.prisma, actor, roundId, { startsIn: 3 * DAY, registration: "NONE" });
    expect(await refusal(registerForMeeting(db.prisma, null, roundId, open))).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await refusal(registerForMeeting(db.prisma, await signedInUser(db.prisma, "STAKEHOLDER"), roundId, none))).toMatchObject({ code: "CONFLICT", messageKey: "meetings.errors.noRegistration" });
  });

  test("capacity holds under concurrency: 25 people at once for 6 seats → 6 registered, 19 told it is full", async () => {
    const { actor, roundId } = await roundFixture();
    const id = await scheduledMeeting(db.prisma, actor, roundId, { startsIn: 2 * DAY, capacity: 6, registration: "REQUIRED" });
    const people = await Promise.all(Array.from({ length: 25 }, () => signedInUser(db.prisma, "STAKEHOLDER")));
    const result = await settle(people.map((person) => registerForMeeting(db.prisma, person, roundId, id)));
    expect(result).toEqual({ fulfilled: 6, codes: Array(19).fill("CONFLICT") });
    expect(await db.prisma.meetingRegistration.count({ where: { meetingId: id } })).toBe(6);
    expect((await getMeeting(db.prisma, roundId, id)).registrationState).toBe("full");
  });

  test("one person pressing twelve times at once: one registration, no error", async () => {
    const { actor, roundId } = await roundFixture();
    const id = await scheduledMeeting(db.prisma, actor, roundId, { startsIn: 2 * DAY, capacity: 2 });
    const person = await signedInUser(db.prisma, "STAKEHOLDER");
    const result = await settle(Array.from({ length: 12 }, () => registerForMeeting(db.prisma, person, roundId, id)));
    expect(result).toEqual({ fulfilled: 12, codes: [] });
    expect(await db.prisma.meetingRegistration.count({ where: { meetingId: id } })).toBe(1);
  });
});
