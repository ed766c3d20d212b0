"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import type { FormState } from "@/components/auth/form-state";
import { formFailure, formFields } from "@/components/participation/form-failure";
import { getPrisma } from "@/lib/db/client";
import { localeOrDefault } from "@/lib/i18n/locales";
import { secureCookies } from "@/lib/auth/secret";
import { castLiveVote } from "@/lib/live/cast-live-vote";
import { checkLiveGuestAdmission } from "@/lib/live/check-live-guest-admission";
import { requestLiveBroadcast } from "@/lib/live/live-broadcast-requests";
import { LIVE_GUEST_COOKIE } from "@/lib/live/live-guest-credential";
import { joinCodeSchema } from "@/lib/live/live.schemas";
import { requestLiveGuestAdmission } from "@/lib/live/request-live-guest-admission";
import { startLiveSession } from "@/lib/live/start-live-session";
import { currentActor, requestContext, setSessionCookie } from "@/lib/web/auth";
import { localizedPath } from "@/lib/web/localized-path";

/**
 * The live views' server actions, for browsers without JavaScript (with it, the views talk to the
 * socket server): start a meeting's live session; cast a vote in the room; ask to take part as a
 * guest without an account, and pick up the admission.
 */

export async function startLiveSessionAction(locale: string, roundId: string, meetingId: string, _state: FormState, data: FormData): Promise<FormState> {
  try {
    await startLiveSession(getPrisma(), await currentActor(), { meetingId });
  } catch (error) {
    return formFailure(localeOrDefault(locale), error, data, []);
  }
  redirect(localizedPath(localeOrDefault(locale), `/consultazioni/${roundId}/incontri/${meetingId}/diretta`));
}

/** A vote from the participant's page posted as a plain form: the button pressed names the choice. */
export async function castLiveVoteAction(locale: string, code: string, sessionId: string, itemId: string, _state: FormState, data: FormData): Promise<FormState> {
  const values = formFields(data) as Record<string, string>;
  try {
    await castLiveVote(getPrisma(), await currentActor(), {
      sessionId,
      itemId,
      choice: values.choice,
      ...(values.priority ? { priority: Number(values.priority) } : {}),
      clientVoteId: values.clientVoteId,
    });
    requestLiveBroadcast("tally", sessionId);
  } catch (error) {
    return formFailure(localeOrDefault(locale), error, data, ["choice", "priority", "clientVoteId"]);
  }
  redirect(`${localizedPath(localeOrDefault(locale), `/partecipa/${code}`)}?esito=voto-registrato`);
}

/** A guest in the room asks to take part: the request's credential goes in an httpOnly cookie of this browser; the hosts' list is refreshed. */
export async function requestLiveGuestAction(locale: string, code: string, _state: FormState, data: FormData): Promise<FormState> {
  const values = formFields(data) as Record<string, string>;
  try {
    const receipt = await requestLiveGuestAdmission(getPrisma(), { code, displayName: values.displayName ?? "", category: values.category ?? "" }, await requestContext());
    (await cookies()).set(LIVE_GUEST_COOKIE, receipt.credential, { httpOnly: true, sameSite: "lax", secure: secureCookies(), path: "/", expires: receipt.expiresAt });
    requestLiveBroadcast("guests", receipt.sessionId);
  } catch (error) {
    const state = formFailure(localeOrDefault(locale), error, data, ["displayName", "category"]);
    // The code comes from the address, not from a field of the form: its error is the form's message.
    const { code: codeError, ...errors } = state.errors;
    return codeError ? { ...state, errors, message: codeError } : state;
  }
  redirect(localizedPath(localeOrDefault(locale), `/partecipa/${code}`));
}

export type LiveGuestCheck = "PENDING" | "ADMITTED" | "REFUSED" | "NONE";

/**
 * Claims this browser's admission if a host admitted it: the session cookie replaces the guest
 * cookie. A cookie that names nothing any more (expired, session ended, already used) is dropped.
 */
async function claimLiveGuestAdmission(): Promise<LiveGuestCheck> {
  const jar = await cookies();
  const credential = jar.get(LIVE_GUEST_COOKIE)?.value;
  if (!credential) return "NONE";
  const admission = await checkLiveGuestAdmission(getPrisma(), credential, await requestContext());
  if (!admission) {
    jar.delete(LIVE_GUEST_COOKIE);
    return "NONE";
  }
  if (admission.status !== "ADMITTED") return admission.status;
  await setSessionCookie(admission.userSession.sessionId, admission.userSession.expiresAt);
  jar.delete(LIVE_GUEST_COOKIE);
  return "ADMITTED";
}

/** The waiting guest's "Check now" button (a plain form): back to the page, which shows where the request stands. */
export async function checkLiveGuestAction(locale: string, code: string): Promise<void> {
  await claimLiveGuestAdmission();
  const parsed = joinCodeSchema.safeParse(code);
  redirect(localizedPath(localeOrDefault(locale), parsed.success ? `/partecipa/${parsed.data}` : "/partecipa"));
}

/** The same check made every few seconds by the waiting page's script, which refreshes the page when the answer is not "still waiting". */
export async function pollLiveGuestAction(): Promise<LiveGuestCheck> {
  return claimLiveGuestAdmission();
}
