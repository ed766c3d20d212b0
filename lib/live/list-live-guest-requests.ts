import type { PrismaClient } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { Actor } from "@/lib/auth/session";
import { isUuid } from "@/lib/db/ids";
import { requireLiveHost } from "./live.policy";
import type { LiveGuestRequestView } from "./live.types";

/** Shown on the console at once; more wait their turn (the oldest first). */
export const GUEST_REQUESTS_SHOWN = 100;

type Db = PrismaClient | Prisma.TransactionClient;

/** The guests waiting to be admitted to a session, oldest first (hosts only). */
export async function listLiveGuestRequests(db: Db, actor: Actor | null, sessionId: string): Promise<LiveGuestRequestView[]> {
  requireLiveHost(actor);
  return pendingLiveGuests(db, sessionId);
}

/** The same list for the socket server, which sends it to the session's hosts' room only. */
export async function pendingLiveGuests(db: Db, sessionId: string): Promise<LiveGuestRequestView[]> {
  if (!isUuid(sessionId)) return [];
  const rows = await db.liveGuestRequest.findMany({
    where: { sessionId, status: "PENDING" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: GUEST_REQUESTS_SHOWN,
    select: { id: true, displayName: true, category: true, createdAt: true },
  });
  return rows.map((row) => ({ id: row.id, displayName: row.displayName, category: row.category, requestedAt: row.createdAt.toISOString() }));
}
