import type { PrismaClient } from "@/lib/db/client";
import { LIVE_GUEST_REQUEST_TTL_SECONDS, parseGuestCredential } from "./live-guest-credential";

/** Where a guest's request stands, as the join page shows it (the session itself is not handed out here). */
export interface LiveGuestRequestStatus {
  status: "PENDING" | "ADMITTED" | "REFUSED";
  joinCode: string;
  displayName: string;
}

/**
 * The status of the request named by a guest's cookie, for the join page to render: read only, it
 * never claims an admission (checkLiveGuestAdmission does, in a server action that can set the
 * session cookie). Null in the same cases as that check: no or a forged credential, an expired
 * request, a session that ended, an admission already claimed.
 */
export async function getLiveGuestRequestStatus(db: PrismaClient, credential: string | undefined | null, now = new Date()): Promise<LiveGuestRequestStatus | null> {
  const parsed = parseGuestCredential(credential);
  if (!parsed) return null;
  const request = await db.liveGuestRequest.findFirst({
    where: { id: parsed.requestId, secretHash: parsed.secretHash },
    select: { status: true, displayName: true, userId: true, claimedAt: true, createdAt: true, session: { select: { joinCode: true, status: true } } },
  });
  if (!request || request.claimedAt || request.session.status === "ENDED") return null;
  if (now.getTime() - request.createdAt.getTime() > LIVE_GUEST_REQUEST_TTL_SECONDS * 1000) return null;
  const status = request.status === "ADMITTED" && request.userId ? "ADMITTED" : request.status === "REFUSED" ? "REFUSED" : "PENDING";
  return { status, joinCode: request.session.joinCode, displayName: request.displayName };
}
