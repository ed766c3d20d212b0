import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/session";
import { requireSignedIn, requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { getLiveSnapshot } from "./get-live-snapshot";
import { joinLiveSessionSchema, parseLiveInput } from "./live.schemas";
import type { LiveSnapshot } from "./live.types";

/**
 * Someone signed in joins a session by its code (as typed: case and surrounding spaces do not
 * matter) or its id, and gets the snapshot. A stakeholder with a profile joining a session that has
 * not ended is recorded as attending the meeting (source LIVE); an attendance already recorded —
 * by the facilitators' tick-off or an earlier join — stays as it is. A live guest joins only the
 * session they were admitted to.
 */
export async function joinLiveSession(db: PrismaClient, actor: Actor | null, input: unknown): Promise<LiveSnapshot> {
  requireSignedIn(actor);
  const data = parseLiveInput(joinLiveSessionSchema, input);
  const session = await db.liveSession.findUnique({
    where: data.code ? { joinCode: data.code } : { id: data.sessionId },
    select: { id: true, meetingId: true, status: true },
  });
  if (!session) throw new AppError("NOT_FOUND", "live.errors.sessionNotFound");
  // A guest joins the session they were admitted to, no other.
  const user = requireUser(actor, { liveSessionId: session.id });
  if (session.status !== "ENDED" && user.role === "STAKEHOLDER") {
    await db.$executeRaw`
      INSERT INTO "MeetingAttendance" ("meetingId", "userId", "joinedAt", "source")
      SELECT ${session.meetingId}::uuid, p."userId", now(), 'LIVE' FROM "StakeholderProfile" p WHERE p."userId" = ${user.userId}::uuid
      ON CONFLICT ("meetingId", "userId") DO NOTHING`;
  }
  return getLiveSnapshot(db, user, session.id);
}
