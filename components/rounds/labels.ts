import { registrationModes, venueKinds } from "@/lib/rounds/rounds.schemas";
import type { Translate } from "@/lib/i18n/translate";
import type { AttendanceFormLabels } from "./attendance-form";
import type { MeetingFormLabels } from "./meeting-form";
import type { MeetingOutcomeLabels } from "./meeting-outcome-form";
import type { RoundFormLabels } from "./round-form";

/** Translated labels for the client-side forms (functions cannot cross to the client). */
export function roundFormLabels(t: Translate, submit: string): RoundFormLabels {
  return {
    errorSummary: t("rounds.form.errorSummary"),
    title: t("rounds.fields.title"),
    description: t("rounds.fields.description"),
    descriptionHint: t("rounds.fields.descriptionHint"),
    revision: t("rounds.fields.revision"),
    revisionHint: t("rounds.fields.revisionHint"),
    opensAt: t("rounds.fields.opensAt"),
    closesAt: t("rounds.fields.closesAt"),
    timeHint: t("rounds.fields.timeHint"),
    submit,
  };
}

export function meetingFormLabels(t: Translate, submit: string): MeetingFormLabels {
  return {
    errorSummary: t("rounds.form.errorSummary"),
    title: t("meetings.fields.title"),
    venue: t("meetings.fields.venue"),
    venueHint: t("meetings.fields.venueHint"),
    venueKind: t("meetings.fields.venueKind"),
    address: t("meetings.fields.address"),
    addressHint: t("meetings.fields.addressHint"),
    startsAt: t("meetings.fields.startsAt"),
    endsAt: t("meetings.fields.endsAt"),
    timeHint: t("rounds.fields.timeHint"),
    capacity: t("meetings.fields.capacity"),
    capacityHint: t("meetings.fields.capacityHint"),
    registration: t("meetings.fields.registration"),
    registrationHint: t("meetings.fields.registrationHint"),
    submit,
  };
}

export function meetingOutcomeLabels(t: Translate): MeetingOutcomeLabels {
  return {
    errorSummary: t("rounds.form.errorSummary"),
    headcount: t("meetings.fields.headcount"),
    headcountHint: t("meetings.fields.headcountHint"),
    minutes: t("meetings.fields.minutes"),
    minutesHint: t("meetings.fields.minutesHint"),
    submit: t("meetings.outcome.submit"),
  };
}

export function attendanceFormLabels(t: Translate): AttendanceFormLabels {
  return {
    errorSummary: t("rounds.form.errorSummary"),
    legend: t("meetings.attendance.legend"),
    attended: t("meetings.attendance.attended"),
    none: t("meetings.attendance.none"),
    notRegistered: t("meetings.attendance.notRegistered"),
    live: t("meetings.attendance.live"),
    email: t("meetings.attendance.email"),
    emailHint: t("meetings.attendance.emailHint"),
    submit: t("meetings.attendance.submit"),
  };
}

export const venueKindOptions = (t: Translate) => venueKinds.map((value) => ({ value, label: t(`meetings.venueKinds.${value}`) }));
export const registrationOptions = (t: Translate) => registrationModes.map((value) => ({ value, label: t(`meetings.registration.${value}`) }));
