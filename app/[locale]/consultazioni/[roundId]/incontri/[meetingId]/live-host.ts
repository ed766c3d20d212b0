import { forbidden, redirect } from "next/navigation";
import type { Actor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import type { Locale } from "@/lib/i18n/locales";
import { findMeetingLiveSession } from "@/lib/live/find-meeting-live-session";
import { isLiveHost } from "@/lib/live/live.policy";
import { getMeeting } from "@/lib/rounds/get-meeting";
import { currentActor } from "@/lib/web/auth";
import { localizedPath } from "@/lib/web/localized-path";
import { pageContext, rethrowAsPage } from "@/lib/web/page-context";

/**
 * The live console's and projector's gate: visitors go to sign in, signed-in people who are not
 * hosts (facilitators, admins) get the 403 page. The services check again.
 */
export async function liveHostOrForbidden(locale: Locale): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect(localizedPath(locale, "/accedi"));
  if (!isLiveHost(actor)) forbidden();
  return actor;
}

/** What the console and the projector start from: the host, the meeting and its live session (if any). */
export async function liveHostPage(params: Promise<{ locale: string; roundId: string; meetingId: string }>) {
  const { locale, t } = await pageContext(params);
  const { roundId, meetingId } = await params;
  const actor = await liveHostOrForbidden(locale);
  const db = getPrisma();
  const meeting = await getMeeting(db, roundId, meetingId, actor).catch(rethrowAsPage);
  const live = await findMeetingLiveSession(db, actor, meetingId);
  return { locale, t, roundId, meetingId, actor, db, meeting, live };
}
