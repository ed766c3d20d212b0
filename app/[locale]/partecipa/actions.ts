"use server";
import { redirect } from "next/navigation";
import type { FormState } from "@/components/auth/form-state";
import { formFailure, formFields } from "@/components/participation/form-failure";
import { getPrisma } from "@/lib/db/client";
import { localeOrDefault } from "@/lib/i18n/locales";
import { castLiveVote } from "@/lib/live/cast-live-vote";
import { requestLiveTally } from "@/lib/live/live-tally-requests";
import { startLiveSession } from "@/lib/live/start-live-session";
import { currentActor } from "@/lib/web/auth";
import { localizedPath } from "@/lib/web/localized-path";

/**
 * The live views' server actions, for browsers without JavaScript (with it, the views talk to the
 * socket server): start a meeting's live session; cast a vote in the room.
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
    requestLiveTally(sessionId);
  } catch (error) {
    return formFailure(localeOrDefault(locale), error, data, ["choice", "priority", "clientVoteId"]);
  }
  redirect(`${localizedPath(localeOrDefault(locale), `/partecipa/${code}`)}?esito=voto-registrato`);
}
