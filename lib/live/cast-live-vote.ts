import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/session";
import { requireSignedIn, requireUser } from "@/lib/auth/session";
import type { LiveItemKind, LiveSessionStatus, VoteChoice } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";
import { castVote } from "@/lib/participation/cast-vote";
import { guardContribution } from "@/lib/participation/contribution-guard";
import { castLiveVoteSchema, parseLiveInput } from "./live.schemas";
import type { LiveVoteAck } from "./live.types";

interface ReceiptRow {
  userId: string;
  itemId: string;
  kind: LiveItemKind;
  measureId: string | null;
  roundId: string;
}

/** Columns of the LEFT JOINs: all null when the item (or the receipt) is not there. */
interface ItemRow {
  itemId: string | null;
  kind: LiveItemKind | null;
  measureId: string | null;
  votingOpenedAt: Date | null;
  votingClosedAt: Date | null;
  status: LiveSessionStatus | null;
  isCurrent: boolean | null;
  roundId: string | null;
  receiptUserId: string | null;
  receiptItemId: string | null;
}

type Outcome = LiveVoteAck["outcome"];

/**
 * A vote cast in the room, on the session's current item while voting on it is open and the session
 * runs. A measure's vote is an ordinary round vote through castVote (channel LIVE): one current vote
 * per person × measure × round, web or live, never counted twice. A proposal's vote goes through
 * the same contribution rule (guardContribution) and is one row per person × item.
 *
 * Applied once per clientVoteId (the phone's id for this vote, kept while it retries): a known one
 * is acknowledged as "duplicate" with the vote as stored, not applied again; one used by someone
 * else or for another item is refused. Two identical retries at the same instant are both
 * acknowledged: the vote itself is idempotent (same choice → "unchanged"), the receipt is inserted
 * once (ON CONFLICT DO NOTHING). No event is stored: the socket layer broadcasts the tally.
 */
export async function castLiveVote(db: PrismaClient, actor: Actor | null, input: unknown): Promise<LiveVoteAck> {
  requireSignedIn(actor);
  const vote = parseLiveInput(castLiveVoteSchema, input);
  const user = requireUser(actor, { liveSessionId: vote.sessionId });

  // The item, its session and round, and any receipt of this clientVoteId: one statement (every vote asks it).
  const [item] = await db.$queryRaw<ItemRow[]>`
    SELECT i."id" AS "itemId", i."kind"::text AS "kind", i."measureId", i."votingOpenedAt", i."votingClosedAt", s."status"::text AS "status",
           (s."currentItemId" = i."id") AS "isCurrent", m."roundId", rc."userId" AS "receiptUserId", rc."itemId" AS "receiptItemId"
    FROM (SELECT 1) AS one
    LEFT JOIN "LiveItem" i ON i."id" = ${vote.itemId}::uuid AND i."sessionId" = ${vote.sessionId}::uuid
    LEFT JOIN "LiveSession" s ON s."id" = i."sessionId"
    LEFT JOIN "Meeting" m ON m."id" = s."meetingId"
    LEFT JOIN "LiveVoteReceipt" rc ON rc."clientVoteId" = ${vote.clientVoteId}::uuid`;
  if (item?.receiptUserId) {
    if (item.receiptUserId !== user.userId || item.receiptItemId !== vote.itemId || !item.itemId) throw new AppError("VALIDATION", "live.errors.clientVoteIdReused");
    return duplicate(db, user, vote, { userId: item.receiptUserId, itemId: item.itemId, kind: item.kind!, measureId: item.measureId, roundId: item.roundId! });
  }
  if (!item?.itemId) throw new AppError("NOT_FOUND", "live.errors.itemNotFound");
  if (item.status !== "RUNNING") throw new AppError("CONFLICT", item.status === "PAUSED" ? "live.errors.sessionPaused" : "live.errors.sessionEnded");
  if (!item.isCurrent || !item.votingOpenedAt || item.votingClosedAt) throw new AppError("CONFLICT", "live.errors.votingClosed");

  const priority = vote.priority ?? null;
  let outcome: Outcome;
  if (item.kind === "MEASURE" && item.measureId) {
    const cast = await castVote(db, user, { roundId: item.roundId!, measureId: item.measureId, choice: vote.choice, ...(priority === null ? {} : { priority }) }, { channel: "LIVE", liveSessionId: vote.sessionId });
    outcome = cast.outcome;
  } else {
    const contributor = await guardContribution(db, user, item.roundId!, "vote", new Date(), vote.sessionId);
    const [row] = await db.$queryRaw<{ inserted: boolean }[]>`
      INSERT INTO "LiveProposalVote" ("itemId", "userId", "choice", "priority", "category", "createdAt", "updatedAt")
      VALUES (${vote.itemId}::uuid, ${user.userId}::uuid, ${vote.choice}::"VoteChoice", ${priority}::int, ${contributor.category}::"StakeholderCategory", now(), now())
      ON CONFLICT ("itemId", "userId") DO UPDATE SET "choice" = EXCLUDED."choice", "priority" = EXCLUDED."priority", "category" = EXCLUDED."category", "updatedAt" = now()
      WHERE ("LiveProposalVote"."choice", "LiveProposalVote"."priority") IS DISTINCT FROM (EXCLUDED."choice", EXCLUDED."priority")
      RETURNING ("xmax" = 0) AS "inserted"`;
    outcome = !row ? "unchanged" : row.inserted ? "created" : "changed";
  }

  const [receipt] = await db.$queryRaw<{ clientVoteId: string }[]>`
    INSERT INTO "LiveVoteReceipt" ("clientVoteId", "itemId", "userId", "outcome", "createdAt")
    VALUES (${vote.clientVoteId}::uuid, ${vote.itemId}::uuid, ${user.userId}::uuid, ${outcome}, now())
    ON CONFLICT ("clientVoteId") DO NOTHING
    RETURNING "clientVoteId"`;
  if (!receipt) {
    // The same id arrived twice at once: the other one stored the receipt.
    const stored = await findReceipt(db, vote.clientVoteId);
    if (stored) return duplicate(db, user, vote, stored);
  }
  return { itemId: vote.itemId, choice: vote.choice, priority, outcome };
}

async function findReceipt(db: PrismaClient, clientVoteId: string): Promise<ReceiptRow | undefined> {
  const [row] = await db.$queryRaw<ReceiptRow[]>`
    SELECT r."userId", r."itemId", i."kind"::text AS "kind", i."measureId", m."roundId"
    FROM "LiveVoteReceipt" r
    JOIN "LiveItem" i ON i."id" = r."itemId"
    JOIN "LiveSession" s ON s."id" = i."sessionId"
    JOIN "Meeting" m ON m."id" = s."meetingId"
    WHERE r."clientVoteId" = ${clientVoteId}::uuid`;
  return row;
}

/** A vote already applied: acknowledged with what is stored now for that person and item. */
async function duplicate(db: PrismaClient, user: Actor, vote: { itemId: string; choice: VoteChoice; priority?: number }, receipt: ReceiptRow): Promise<LiveVoteAck> {
  if (receipt.userId !== user.userId || receipt.itemId !== vote.itemId) throw new AppError("VALIDATION", "live.errors.clientVoteIdReused");
  const stored =
    receipt.kind === "MEASURE" && receipt.measureId
      ? await db.vote.findUnique({ where: { roundId_measureId_userId: { roundId: receipt.roundId, measureId: receipt.measureId, userId: user.userId } }, select: { choice: true, priority: true } })
      : await db.liveProposalVote.findUnique({ where: { itemId_userId: { itemId: receipt.itemId, userId: user.userId } }, select: { choice: true, priority: true } });
  return { itemId: receipt.itemId, choice: stored?.choice ?? vote.choice, priority: stored ? stored.priority : (vote.priority ?? null), outcome: "duplicate" };
}
