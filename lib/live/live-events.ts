import type { Prisma } from "@/lib/db/generated/client";
import type { LiveEvent, LiveEventType } from "./live.types";

/**
 * The session's event log: every state change appends one event with the next sequence number of
 * the session, in the transaction that makes the change (so a rolled-back change leaves no number
 * behind, and numbers have no gaps). The UPDATE … RETURNING takes the session row's lock: two
 * changes of one session number their events one after the other.
 */
export async function appendLiveEvent(tx: Prisma.TransactionClient, sessionId: string, type: LiveEventType, payload: Record<string, unknown>): Promise<LiveEvent> {
  const [row] = await tx.$queryRaw<{ seq: number; createdAt: Date }[]>`
    WITH next AS (UPDATE "LiveSession" SET "lastSeq" = "lastSeq" + 1 WHERE "id" = ${sessionId}::uuid RETURNING "lastSeq")
    INSERT INTO "LiveSessionEvent" ("sessionId", "seq", "type", "payload")
    SELECT ${sessionId}::uuid, next."lastSeq", ${type}, ${JSON.stringify(payload)}::jsonb FROM next
    RETURNING "seq", "createdAt"`;
  if (!row) throw new Error(`appendLiveEvent: no live session ${sessionId}`);
  return { sessionId, seq: row.seq, type, payload, at: row.createdAt.toISOString() };
}
