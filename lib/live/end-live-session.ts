import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/session";
import { recordLiveAudit } from "./live-audit";
import { appendLiveEvent } from "./live-events";
import { isVotingOpen, runLiveCommand } from "./live-session-lock";
import { requireLiveHost } from "./live.policy";
import { liveSessionCommandSchema, parseLiveInput } from "./live.schemas";
import type { LiveChange } from "./live.types";

/**
 * The host ends the session: open voting closes, the session is ENDED for good (its items, votes,
 * paper tallies and attendances stay with the meeting). Ending it again changes nothing. Audited.
 */
export async function endLiveSession(db: PrismaClient, actor: Actor | null, input: unknown): Promise<LiveChange> {
  const host = requireLiveHost(actor);
  const { sessionId } = parseLiveInput(liveSessionCommandSchema, input);
  return runLiveCommand(db, sessionId, async (tx, session, events) => {
    if (session.status === "ENDED") return;
    const now = new Date();
    if (session.current && isVotingOpen(session.current)) {
      await tx.liveItem.update({ where: { id: session.current.id }, data: { votingClosedAt: now } });
      events.push(await appendLiveEvent(tx, session.id, "voting.closed", { itemId: session.current.id }));
    }
    await tx.liveSession.update({ where: { id: session.id }, data: { status: "ENDED", endedAt: now } });
    events.push(await appendLiveEvent(tx, session.id, "session.ended", {}));
    const items = await tx.liveItem.count({ where: { sessionId: session.id } });
    await recordLiveAudit(tx, { actorId: host.userId, action: "live.session-ended", sessionId: session.id, data: { meetingId: session.meetingId, items } });
  });
}
