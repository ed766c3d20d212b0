import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/session";
import type { LiveSessionStatus } from "@/lib/db/generated/enums";
import { isUuid } from "@/lib/db/ids";

/**
 * The meeting's live session, for pages (console, projector, the meeting page's "join" link): null
 * when there is none, or for someone signed out (the code is shown in the room, but joining needs
 * an account anyway). Pages for hosts check requireLiveHost themselves.
 */
export async function findMeetingLiveSession(db: PrismaClient, actor: Actor | null, meetingId: string): Promise<{ sessionId: string; joinCode: string; status: LiveSessionStatus } | null> {
  if (!actor || !isUuid(meetingId)) return null;
  const session = await db.liveSession.findUnique({ where: { meetingId }, select: { id: true, joinCode: true, status: true } });
  return session ? { sessionId: session.id, joinCode: session.joinCode, status: session.status } : null;
}
