import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/session";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { getLiveTally } from "./get-live-tally";
import { loadLiveItemViews } from "./live-item-view";
import { isLiveHost } from "./live.policy";
import type { LiveSnapshot } from "./live.types";
import { isUuid } from "@/lib/db/ids";

/**
 * The whole state of a session for someone signed in: the session, its meeting and round, the
 * current item, the items discussed so far, and the current item's tally — to hosts always, to
 * participants once the host has shown the results. `lastSeq` is the last event it includes: a
 * client continues from there. Ended sessions stay viewable.
 */
export async function getLiveSnapshot(db: PrismaClient, actor: Actor | null, sessionId: string): Promise<LiveSnapshot> {
  requireUser(actor, { liveSessionId: sessionId });
  if (!isUuid(sessionId)) throw new AppError("NOT_FOUND", "live.errors.sessionNotFound");
  // Read in one repeatable-read transaction: the session's lastSeq matches the items and tally read with it.
  return db.$transaction(
    async (tx) => {
      const session = await tx.liveSession.findUnique({
        where: { id: sessionId },
        select: {
          id: true,
          joinCode: true,
          status: true,
          lastSeq: true,
          currentItemId: true,
          meeting: { select: { id: true, title: true, venue: true, round: { select: { id: true, title: true, revisionId: true } } } },
        },
      });
      if (!session) throw new AppError("NOT_FOUND", "live.errors.sessionNotFound");
      const items = await loadLiveItemViews(tx, session.meeting.round.revisionId, { sessionId });
      const currentItem = items.find((item) => item.id === session.currentItemId) ?? null;
      const tally = currentItem && (isLiveHost(actor) || currentItem.resultsShown) ? await getLiveTally(tx, sessionId) : null;
      return {
        session: {
          id: session.id,
          joinCode: session.joinCode,
          status: session.status,
          lastSeq: session.lastSeq,
          meetingId: session.meeting.id,
          meetingTitle: session.meeting.title,
          venue: session.meeting.venue,
          roundId: session.meeting.round.id,
          roundTitle: session.meeting.round.title,
        },
        currentItem,
        tally,
        items,
      };
    },
    // A room of phones scanning the QR code joins at once: they queue for connections, each read takes milliseconds.
    { isolationLevel: "RepeatableRead", maxWait: 30_000, timeout: 30_000 },
  );
}
