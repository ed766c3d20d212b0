import type { PrismaClient } from "@/lib/db/client";
import type { LiveEvent, LiveEventType } from "./live.types";
import { isUuid } from "@/lib/db/ids";

/** More missed events than this and the client gets a snapshot instead. */
export const MAX_REPLAYED_EVENTS = 500;

/**
 * The events a reconnecting client missed: those after `afterSeq`, in order. null when there are
 * more than MAX_REPLAYED_EVENTS (or the number makes no sense): send a snapshot instead. Callers
 * check that the actor may see the session (joined it) before calling.
 */
export async function listLiveEvents(db: PrismaClient, sessionId: string, afterSeq: number): Promise<LiveEvent[] | null> {
  if (!isUuid(sessionId) || !Number.isSafeInteger(afterSeq) || afterSeq < 0) return null;
  const rows = await db.liveSessionEvent.findMany({
    where: { sessionId, seq: { gt: afterSeq } },
    orderBy: { seq: "asc" },
    take: MAX_REPLAYED_EVENTS + 1,
    select: { seq: true, type: true, payload: true, createdAt: true },
  });
  if (rows.length > MAX_REPLAYED_EVENTS) return null;
  return rows.map((row) => ({ sessionId, seq: row.seq, type: row.type as LiveEventType, payload: (row.payload ?? {}) as Record<string, unknown>, at: row.createdAt.toISOString() }));
}
