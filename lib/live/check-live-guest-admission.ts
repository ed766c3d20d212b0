import type { PrismaClient } from "@/lib/db/client";
import { type SessionContext, createSession } from "@/lib/auth/session";
import { LIVE_GUEST_SESSION_TTL_SECONDS, LIVE_GUEST_REQUEST_TTL_SECONDS, parseGuestCredential } from "./live-guest-credential";
import type { LiveGuestAdmission } from "./live.types";

/**
 * The browser that asked to join as a guest checks its request: still waiting, refused, or
 * admitted — then, once, it receives a session of the guest account the host's admission created
 * (limited to that live session: lib/auth/session.ts). Null for anything else: no or a forged
 * credential, an expired request, a session that ended, a credential already used.
 */
export async function checkLiveGuestAdmission(db: PrismaClient, credential: string | undefined | null, context: SessionContext, now = new Date()): Promise<LiveGuestAdmission | null> {
  const parsed = parseGuestCredential(credential);
  if (!parsed) return null;
  return db.$transaction(async (tx) => {
    const [request] = await tx.$queryRaw<{ status: "PENDING" | "ADMITTED" | "REFUSED"; displayName: string; userId: string | null; claimedAt: Date | null; createdAt: Date; joinCode: string; sessionStatus: string }[]>`
      SELECT r."status"::text AS "status", r."displayName", r."userId", r."claimedAt", r."createdAt", s."joinCode", s."status"::text AS "sessionStatus"
      FROM "LiveGuestRequest" r JOIN "LiveSession" s ON s."id" = r."sessionId"
      WHERE r."id" = ${parsed.requestId}::uuid AND r."secretHash" = ${parsed.secretHash}
      FOR UPDATE OF r`;
    if (!request || request.claimedAt || request.sessionStatus === "ENDED") return null;
    if (now.getTime() - request.createdAt.getTime() > LIVE_GUEST_REQUEST_TTL_SECONDS * 1000) return null;
    const view = { joinCode: request.joinCode, displayName: request.displayName };
    if (request.status !== "ADMITTED" || !request.userId) return { status: request.status === "REFUSED" ? "REFUSED" : "PENDING", ...view };
    const userSession = await createSession(tx, request.userId, context, now, LIVE_GUEST_SESSION_TTL_SECONDS);
    await tx.liveGuestRequest.update({ where: { id: parsed.requestId }, data: { claimedAt: now } });
    return { status: "ADMITTED", ...view, userSession };
  });
}
