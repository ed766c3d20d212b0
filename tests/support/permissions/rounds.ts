import { changeRoundStatus } from "@/lib/rounds/change-round-status";
import { recordAttendance } from "@/lib/rounds/record-attendance";
import { recordMeetingOutcome } from "@/lib/rounds/record-meeting-outcome";
import { registerForMeeting, unregisterFromMeeting } from "@/lib/rounds/register-for-meeting";
import { scheduleMeeting } from "@/lib/rounds/schedule-meeting";
import { scheduleRound } from "@/lib/rounds/schedule-round";
import { cancelMeeting, updateMeeting } from "@/lib/rounds/update-meeting";
import { updateRound } from "@/lib/rounds/update-round";
import { DAY, HOUR, barePlan, fromNow, meetingOf, roundOnOwnPlan } from "../scheduling-factory";
import { type MutationTable, anySignedIn, facilitatorsAndAdmins } from "./matrix";

/** Each cell's round lives on a plan of its own: rounds of one plan may not overlap, and cells must not collide. */
const scheduled = (db: Parameters<typeof roundOnOwnPlan>[0]) => roundOnOwnPlan(db, { status: "SCHEDULED", opensAt: fromNow(DAY), closesAt: fromNow(10 * DAY) });
const open = (db: Parameters<typeof roundOnOwnPlan>[0]) => roundOnOwnPlan(db, { status: "OPEN", opensAt: fromNow(-DAY), closesAt: fromNow(10 * DAY) });

const meetingForm = () => ({ title: "Assemblea", venue: "Scuola media", venueKind: "SCHOOL", startsAt: fromNow(2 * DAY), endsAt: fromNow(2 * DAY + 2 * HOUR), registration: "OPTIONAL" });

/** The rounds module's mutations in the permission matrix (rounds, meetings, registrations). */
export const roundsMutations: MutationTable = {
  "schedule a round": {
    run: async (db, actor) => {
      const plan = await barePlan(db);
      return scheduleRound(db, actor, { planId: plan.id, title: "Giro", description: "Testo", opensAt: fromNow(DAY), closesAt: fromNow(5 * DAY) });
    },
    expected: facilitatorsAndAdmins,
  },
  "edit a round": {
    run: async (db, actor) => updateRound(db, actor, (await scheduled(db)).id, { title: "Nuovo", description: "Nuovo testo", opensAt: fromNow(2 * DAY), closesAt: fromNow(9 * DAY) }),
    expected: facilitatorsAndAdmins,
  },
  "open a round now": {
    run: async (db, actor) => changeRoundStatus(db, actor, (await scheduled(db)).id, { status: "OPEN" }),
    expected: facilitatorsAndAdmins,
  },
  "close a round now": {
    run: async (db, actor) => changeRoundStatus(db, actor, (await open(db)).id, { status: "CLOSED" }),
    expected: facilitatorsAndAdmins,
  },
  "start a round's synthesis": {
    run: async (db, actor) => changeRoundStatus(db, actor, (await roundOnOwnPlan(db, { status: "CLOSED", opensAt: fromNow(-5 * DAY), closesAt: fromNow(-DAY) })).id, { status: "SYNTHESIS" }),
    expected: facilitatorsAndAdmins,
  },
  "schedule a meeting": {
    run: async (db, actor) => scheduleMeeting(db, actor, (await open(db)).id, meetingForm()),
    expected: facilitatorsAndAdmins,
  },
  "edit a meeting": {
    run: async (db, actor) => {
      const round = await open(db);
      return updateMeeting(db, actor, round.id, await meetingOf(db, round.id, { startsAt: fromNow(DAY) }), meetingForm());
    },
    expected: facilitatorsAndAdmins,
  },
  "cancel a meeting": {
    run: async (db, actor) => {
      const round = await open(db);
      return cancelMeeting(db, actor, round.id, await meetingOf(db, round.id, { startsAt: fromNow(DAY) }));
    },
    expected: facilitatorsAndAdmins,
  },
  "record a meeting's attendance and minutes": {
    run: async (db, actor) => {
      const round = await open(db);
      return recordMeetingOutcome(db, actor, round.id, await meetingOf(db, round.id, { startsAt: fromNow(-HOUR) }), { headcount: "20", minutes: "Verbale" });
    },
    expected: facilitatorsAndAdmins,
  },
  "tick off who attended a meeting": {
    run: async (db, actor) => {
      const round = await open(db);
      return recordAttendance(db, actor, round.id, await meetingOf(db, round.id, { startsAt: fromNow(-HOUR) }), { attended: [] });
    },
    expected: facilitatorsAndAdmins,
  },
  "register for a meeting": {
    run: async (db, actor) => {
      const round = await open(db);
      return registerForMeeting(db, actor, round.id, await meetingOf(db, round.id, { startsAt: fromNow(DAY) }));
    },
    expected: anySignedIn,
  },
  "withdraw one's own registration": {
    run: async (db, actor) => {
      const round = await open(db);
      const meetingId = await meetingOf(db, round.id, { startsAt: fromNow(DAY) });
      if (actor) await db.meetingRegistration.create({ data: { meetingId, userId: actor.userId } });
      return unregisterFromMeeting(db, actor, round.id, meetingId);
    },
    expected: anySignedIn,
  },
};
