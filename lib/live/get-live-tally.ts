import type { PrismaClient } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { LiveTally, LiveTallyCounts } from "./live.types";
import { isUuid } from "@/lib/db/ids";

type Db = PrismaClient | Prisma.TransactionClient;

interface SumsRow {
  support: number;
  oppose: number;
  abstain: number;
  prioritySum: number;
  priorityCount: number;
}

interface TallyRow {
  itemId: string;
  resultsShown: boolean;
  asOf: Date;
  live: SumsRow;
  paper: SumsRow | null;
}

function counts(sums: SumsRow): LiveTallyCounts {
  return {
    support: sums.support,
    oppose: sums.oppose,
    abstain: sums.abstain,
    priorityMean: sums.priorityCount > 0 ? Math.round((sums.prioritySum / sums.priorityCount) * 100) / 100 : null,
    total: sums.support + sums.oppose + sums.abstain,
  };
}

/**
 * The current item's results in the room, in one statement. For a measure: the round's votes on it
 * cast live (channel LIVE — one current vote per person, so someone who voted live in another
 * session is counted once, with their current vote; web votes are not shown in the room, they are
 * in the round's results), and apart the meeting's paper tally. For a proposal: the votes on this
 * item. `combined` adds both; priority means come from sums. null when no item is current.
 */
export async function getLiveTally(db: Db, sessionId: string): Promise<LiveTally | null> {
  if (!isUuid(sessionId)) return null;
  const [row] = await db.$queryRaw<TallyRow[]>`
    SELECT i."id" AS "itemId", (i."resultsShownAt" IS NOT NULL) AS "resultsShown", now() AS "asOf",
      CASE WHEN i."kind" = 'MEASURE' THEN (
        SELECT json_build_object(
          'support', count(*) FILTER (WHERE v."choice" = 'SUPPORT'), 'oppose', count(*) FILTER (WHERE v."choice" = 'OPPOSE'),
          'abstain', count(*) FILTER (WHERE v."choice" = 'ABSTAIN'), 'prioritySum', coalesce(sum(v."priority"), 0), 'priorityCount', count(v."priority"))
        FROM "Vote" v WHERE v."roundId" = m."roundId" AND v."measureId" = i."measureId" AND v."channel" = 'LIVE')
      ELSE (
        SELECT json_build_object(
          'support', count(*) FILTER (WHERE p."choice" = 'SUPPORT'), 'oppose', count(*) FILTER (WHERE p."choice" = 'OPPOSE'),
          'abstain', count(*) FILTER (WHERE p."choice" = 'ABSTAIN'), 'prioritySum', coalesce(sum(p."priority"), 0), 'priorityCount', count(p."priority"))
        FROM "LiveProposalVote" p WHERE p."itemId" = i."id")
      END AS "live",
      (SELECT json_build_object('support', t."support", 'oppose', t."oppose", 'abstain', t."abstain", 'prioritySum', t."prioritySum", 'priorityCount', t."priorityCount")
        FROM "PaperTally" t WHERE i."kind" = 'MEASURE' AND t."meetingId" = s."meetingId" AND t."measureId" = i."measureId") AS "paper"
    FROM "LiveSession" s
    JOIN "Meeting" m ON m."id" = s."meetingId"
    JOIN "LiveItem" i ON i."id" = s."currentItemId"
    WHERE s."id" = ${sessionId}::uuid`;
  if (!row) return null;
  const live = counts(row.live);
  const paper = row.paper ? counts(row.paper) : null;
  const both: SumsRow = {
    support: row.live.support + (row.paper?.support ?? 0),
    oppose: row.live.oppose + (row.paper?.oppose ?? 0),
    abstain: row.live.abstain + (row.paper?.abstain ?? 0),
    prioritySum: row.live.prioritySum + (row.paper?.prioritySum ?? 0),
    priorityCount: row.live.priorityCount + (row.paper?.priorityCount ?? 0),
  };
  return { itemId: row.itemId, resultsShown: row.resultsShown, live, paper, combined: counts(both), asOf: row.asOf.toISOString() };
}
