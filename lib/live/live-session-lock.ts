import type { PrismaClient } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { LiveItemKind, LiveSessionStatus, RoundStatus } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";
import { lockingTransaction } from "@/lib/rounds/transaction-options";
import type { LiveChange, LiveEvent } from "./live.types";

/** A live session as a host command sees it, its row locked until the transaction ends. */
export interface LockedLiveSession {
  id: string;
  status: LiveSessionStatus;
  meetingId: string;
  roundId: string;
  revisionId: string;
  roundStatus: RoundStatus;
  opensAt: Date;
  closesAt: Date;
  /** The item under discussion, or null before the first one is picked. */
  current: LockedLiveItem | null;
}

export interface LockedLiveItem {
  id: string;
  kind: LiveItemKind;
  measureId: string | null;
  proposalId: string | null;
  votingOpenedAt: Date | null;
  votingClosedAt: Date | null;
  resultsShownAt: Date | null;
}

/** The session's columns and, from the LEFT JOIN, its current item's (all null without one). */
type Row = Omit<LockedLiveSession, "current"> & { itemId: string | null; kind: LiveItemKind | null } & Omit<LockedLiveItem, "id" | "kind">;

/**
 * Locks the session's row (FOR UPDATE): the host's commands on one session run one after the other,
 * each seeing what the previous one did. NOT_FOUND when there is no such session.
 */
export async function lockLiveSession(tx: Prisma.TransactionClient, sessionId: string): Promise<LockedLiveSession> {
  const [row] = await tx.$queryRaw<Row[]>`
    SELECT s."id", s."status"::text AS "status", s."meetingId", r."id" AS "roundId", r."revisionId", r."status"::text AS "roundStatus", r."opensAt", r."closesAt",
           i."id" AS "itemId", i."kind"::text AS "kind", i."measureId", i."proposalId", i."votingOpenedAt", i."votingClosedAt", i."resultsShownAt"
    FROM "LiveSession" s
    JOIN "Meeting" m ON m."id" = s."meetingId"
    JOIN "Round" r ON r."id" = m."roundId"
    LEFT JOIN "LiveItem" i ON i."id" = s."currentItemId"
    WHERE s."id" = ${sessionId}::uuid
    FOR UPDATE OF s`;
  if (!row) throw new AppError("NOT_FOUND", "live.errors.sessionNotFound");
  const { itemId, kind, measureId, proposalId, votingOpenedAt, votingClosedAt, resultsShownAt, ...session } = row;
  return { ...session, current: itemId && kind ? { id: itemId, kind, measureId, proposalId, votingOpenedAt, votingClosedAt, resultsShownAt } : null };
}

/** CONFLICT once the session has ended: its record stays, nothing changes it any more. */
export function requireNotEnded(session: LockedLiveSession): void {
  if (session.status === "ENDED") throw new AppError("CONFLICT", "live.errors.sessionEnded");
}

export function isVotingOpen(item: { votingOpenedAt: Date | null; votingClosedAt: Date | null } | null): boolean {
  return item !== null && item.votingOpenedAt !== null && item.votingClosedAt === null;
}

/**
 * A host command: one transaction that locks the session, makes the change and appends its events;
 * the events are returned for the caller to emit once committed.
 */
export async function runLiveCommand<T>(
  db: PrismaClient,
  sessionId: string,
  command: (tx: Prisma.TransactionClient, session: LockedLiveSession, events: LiveEvent[]) => Promise<T>,
): Promise<LiveChange<T>> {
  return db.$transaction(async (tx) => {
    const session = await lockLiveSession(tx, sessionId);
    const events: LiveEvent[] = [];
    const result = await command(tx, session, events);
    return { events, result };
  }, lockingTransaction);
}
