"use server";
import { redirect } from "next/navigation";
import type { FormState } from "@/components/auth/form-state";
import { getPrisma } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { type Locale, localeOrDefault } from "@/lib/i18n/locales";
import { createTranslator } from "@/lib/i18n/translate";
import { changeRoundStatus } from "@/lib/rounds/change-round-status";
import { recordAttendance } from "@/lib/rounds/record-attendance";
import { recordMeetingOutcome } from "@/lib/rounds/record-meeting-outcome";
import { registerForMeeting, unregisterFromMeeting } from "@/lib/rounds/register-for-meeting";
import { type RoundOutcome, failureOutcome } from "@/lib/rounds/rounds.schemas";
import { scheduleMeeting } from "@/lib/rounds/schedule-meeting";
import { scheduleRound } from "@/lib/rounds/schedule-round";
import { cancelMeeting, updateMeeting } from "@/lib/rounds/update-meeting";
import { updateRound } from "@/lib/rounds/update-round";
import { currentActor } from "@/lib/web/auth";
import { localizedPath } from "@/lib/web/localized-path";

/**
 * The rounds pages' server actions: parse, call one lib/rounds service, then redirect with the
 * outcome (?esito=…) or answer the form's state with its field errors.
 */

/** The posted fields, without React's own ($ACTION_…) entries. */
const fields = (data: FormData): Record<string, string> =>
  Object.fromEntries([...data.entries()].filter(([key, value]) => !key.startsWith("$") && typeof value === "string")) as Record<string, string>;

function failure(locale: Locale, error: unknown, values: Record<string, string>): FormState {
  if (!isAppError(error)) throw error;
  if (error.code === "UNAUTHENTICATED") redirect(localizedPath(locale, "/accedi"));
  const t = createTranslator(locale);
  const details = (error.code === "VALIDATION" && error.details && typeof error.details === "object" ? error.details : {}) as Record<string, string>;
  const errors = Object.fromEntries(Object.entries(details).filter(([field]) => field !== "form").map(([field, key]) => [field, t(key, error.params)]));
  return { values, errors, message: Object.keys(errors).length ? undefined : t(error.messageKey, error.params) };
}

const roundPath = (roundId: string) => `/consultazioni/${roundId}`;
const meetingPath = (roundId: string, meetingId: string) => `/consultazioni/${roundId}/incontri/${meetingId}`;
const withOutcome = (locale: Locale, path: string, outcome: RoundOutcome, retryAfter?: number) =>
  `${localizedPath(locale, path)}?esito=${outcome}${retryAfter ? `&attesa=${Math.max(1, Math.ceil(retryAfter))}` : ""}`;

/** For the buttons (plain forms without state): run, then back to `path` with the outcome. */
async function button(locale: string, path: string, done: RoundOutcome, action: () => Promise<unknown>): Promise<never> {
  const target = localeOrDefault(locale);
  let outcome: RoundOutcome = done;
  let retryAfter: number | undefined;
  try {
    await action();
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (error.code === "UNAUTHENTICATED") redirect(localizedPath(target, "/accedi"));
    outcome = failureOutcome(error.messageKey);
    // A rate limit says how long to wait (the page shows it, as the 429 answers do).
    if (error.code === "RATE_LIMITED" && typeof error.params?.retryAfter === "number") retryAfter = error.params.retryAfter;
  }
  redirect(withOutcome(target, path, outcome, retryAfter));
}

export async function scheduleRoundAction(locale: string, _state: FormState, data: FormData): Promise<FormState> {
  const target = localeOrDefault(locale);
  let id: string;
  try {
    ({ id } = await scheduleRound(getPrisma(), await currentActor(), fields(data)));
  } catch (error) {
    return failure(target, error, fields(data));
  }
  redirect(withOutcome(target, roundPath(id), "programmata"));
}

export async function updateRoundAction(locale: string, roundId: string, _state: FormState, data: FormData): Promise<FormState> {
  const target = localeOrDefault(locale);
  try {
    await updateRound(getPrisma(), await currentActor(), roundId, fields(data));
  } catch (error) {
    return failure(target, error, fields(data));
  }
  redirect(withOutcome(target, roundPath(roundId), "modificata"));
}

const statusOutcome: Record<string, RoundOutcome> = { OPEN: "aperta", CLOSED: "chiusa", SYNTHESIS: "sintesi-avviata" };

export async function changeRoundStatusAction(locale: string, roundId: string, data: FormData): Promise<void> {
  const status = String(data.get("status") ?? "");
  await button(locale, roundPath(roundId), statusOutcome[status] ?? "errore", async () => changeRoundStatus(getPrisma(), await currentActor(), roundId, { status }));
}

export async function scheduleMeetingAction(locale: string, roundId: string, _state: FormState, data: FormData): Promise<FormState> {
  const target = localeOrDefault(locale);
  let id: string;
  try {
    ({ id } = await scheduleMeeting(getPrisma(), await currentActor(), roundId, fields(data)));
  } catch (error) {
    return failure(target, error, fields(data));
  }
  redirect(withOutcome(target, meetingPath(roundId, id), "incontro-programmato"));
}

export async function updateMeetingAction(locale: string, roundId: string, meetingId: string, _state: FormState, data: FormData): Promise<FormState> {
  const target = localeOrDefault(locale);
  try {
    await updateMeeting(getPrisma(), await currentActor(), roundId, meetingId, fields(data));
  } catch (error) {
    return failure(target, error, fields(data));
  }
  redirect(withOutcome(target, meetingPath(roundId, meetingId), "incontro-modificato"));
}

export async function cancelMeetingAction(locale: string, roundId: string, meetingId: string): Promise<void> {
  await button(locale, meetingPath(roundId, meetingId), "incontro-annullato", async () => cancelMeeting(getPrisma(), await currentActor(), roundId, meetingId));
}

export async function recordMeetingOutcomeAction(locale: string, roundId: string, meetingId: string, _state: FormState, data: FormData): Promise<FormState> {
  const target = localeOrDefault(locale);
  try {
    await recordMeetingOutcome(getPrisma(), await currentActor(), roundId, meetingId, fields(data));
  } catch (error) {
    return failure(target, error, fields(data));
  }
  redirect(withOutcome(target, meetingPath(roundId, meetingId), "esito-registrato"));
}

/** The attendance tick-off: the ticked ids (one repeated field) and a walk-in's e-mail address. */
export async function recordAttendanceAction(locale: string, roundId: string, meetingId: string, _state: FormState, data: FormData): Promise<FormState> {
  const target = localeOrDefault(locale);
  const attended = data.getAll("attended").filter((value): value is string => typeof value === "string");
  const email = typeof data.get("email") === "string" ? String(data.get("email")) : "";
  try {
    await recordAttendance(getPrisma(), await currentActor(), roundId, meetingId, { attended, email });
  } catch (error) {
    return failure(target, error, { attended: attended.join(" "), email });
  }
  redirect(withOutcome(target, meetingPath(roundId, meetingId), "presenze-registrate"));
}

/** Registration buttons live on the round page and on the meeting page: `back` says which. */
const backTo = (data: FormData, roundId: string, meetingId: string) => (data.get("back") === "round" ? roundPath(roundId) : meetingPath(roundId, meetingId));

export async function registerForMeetingAction(locale: string, roundId: string, meetingId: string, data: FormData): Promise<void> {
  await button(locale, backTo(data, roundId, meetingId), "iscrizione-confermata", async () => registerForMeeting(getPrisma(), await currentActor(), roundId, meetingId));
}

export async function unregisterFromMeetingAction(locale: string, roundId: string, meetingId: string, data: FormData): Promise<void> {
  await button(locale, backTo(data, roundId, meetingId), "iscrizione-annullata", async () => unregisterFromMeeting(getPrisma(), await currentActor(), roundId, meetingId));
}
