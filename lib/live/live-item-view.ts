import type { PrismaClient } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { LiveItemKind } from "@/lib/db/generated/enums";
import type { LiveItemView } from "./live.types";

type Db = PrismaClient | Prisma.TransactionClient;

interface ItemRow {
  id: string;
  position: number;
  kind: LiveItemKind;
  measureId: string | null;
  proposalId: string | null;
  code: string | null;
  title: string | null;
  text: string | null;
  votingOpen: boolean;
  resultsShown: boolean;
}

/**
 * Items as the views show them, in order, in one statement (every join asks for them). A measure is
 * shown with its code, its axis' title (measures have no title of their own) and its text, as worded
 * in the revision the round consults; a proposal with its title and rationale (and the measure it
 * concerns, if any).
 */
export async function loadLiveItemViews(db: Db, revisionId: string, where: { sessionId: string } | { id: string }): Promise<LiveItemView[]> {
  const filter = "sessionId" in where ? Prisma.sql`i."sessionId" = ${where.sessionId}::uuid` : Prisma.sql`i."id" = ${where.id}::uuid`;
  const rows = await db.$queryRaw<ItemRow[]>`
    SELECT i."id", i."position", i."kind"::text AS "kind", coalesce(i."measureId", p."measureId") AS "measureId", i."proposalId",
           CASE WHEN i."kind" = 'MEASURE' THEN me."code" END AS "code",
           CASE WHEN i."kind" = 'MEASURE' THEN av."title" ELSE p."title" END AS "title",
           CASE WHEN i."kind" = 'MEASURE' THEN mv."text" ELSE p."rationale" END AS "text",
           (i."votingOpenedAt" IS NOT NULL AND i."votingClosedAt" IS NULL) AS "votingOpen",
           (i."resultsShownAt" IS NOT NULL) AS "resultsShown"
    FROM "LiveItem" i
    LEFT JOIN "Measure" me ON me."id" = i."measureId"
    LEFT JOIN "MeasureVersion" mv ON mv."measureId" = i."measureId" AND mv."revisionId" = ${revisionId}::uuid
    LEFT JOIN "AxisVersion" av ON av."axisId" = me."axisId" AND av."revisionId" = ${revisionId}::uuid
    LEFT JOIN "Proposal" p ON p."id" = i."proposalId"
    WHERE ${filter}
    ORDER BY i."position"`;
  return rows.map((row) => ({ ...row, title: row.title ?? "", text: row.text ?? "" }));
}
