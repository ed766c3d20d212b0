import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/session";
import type { StakeholderCategory } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";
import { lockingTransaction } from "@/lib/rounds/transaction-options";
import { recordLiveAudit } from "./live-audit";
import { pendingLiveGuests } from "./list-live-guest-requests";
import { requireLiveHost } from "./live.policy";
import { decideLiveGuestSchema, parseLiveInput } from "./live.schemas";
import type { LiveGuestRequestView } from "./live.types";

/**
 * A host admits or refuses a guest waiting to join the session. Admitting creates the guest's
 * account — a stakeholder with the name and category they gave, no e-mail and no password, bound
 * to this live session (lib/auth/session.ts: it may do nothing else, and its sessions end with the
 * live session) — which the guest's browser then picks up (checkLiveGuestAdmission). A request
 * already decided (two hosts at once) is a CONFLICT. Audited without the name. Returns the guests
 * still waiting.
 */
export async function decideLiveGuest(db: PrismaClient, actor: Actor | null, input: unknown): Promise<LiveGuestRequestView[]> {
  const host = requireLiveHost(actor);
  const { sessionId, requestId, admit } = parseLiveInput(decideLiveGuestSchema, input);
  return db.$transaction(async (tx) => {
    const [request] = await tx.$queryRaw<{ status: string; displayName: string; category: StakeholderCategory; sessionStatus: string }[]>`
      SELECT r."status"::text AS "status", r."displayName", r."category"::text AS "category", s."status"::text AS "sessionStatus"
      FROM "LiveGuestRequest" r JOIN "LiveSession" s ON s."id" = r."sessionId"
      WHERE r."id" = ${requestId}::uuid AND r."sessionId" = ${sessionId}::uuid
      FOR UPDATE OF r`;
    if (!request) throw new AppError("NOT_FOUND", "live.errors.guestRequestNotFound");
    if (request.status !== "PENDING") throw new AppError("CONFLICT", "live.errors.guestAlreadyDecided");
    if (request.sessionStatus === "ENDED") throw new AppError("CONFLICT", "live.errors.sessionEnded");
    const now = new Date();
    let userId: string | null = null;
    if (admit) {
      const guest = await tx.user.create({
        data: {
          name: request.displayName,
          role: "STAKEHOLDER",
          liveGuestOfId: sessionId,
          profile: { create: { displayName: request.displayName, category: request.category } },
        },
        select: { id: true },
      });
      userId = guest.id;
    }
    await tx.liveGuestRequest.update({
      where: { id: requestId },
      data: { status: admit ? "ADMITTED" : "REFUSED", userId, decidedById: host.userId, decidedAt: now },
    });
    await recordLiveAudit(tx, { actorId: host.userId, action: admit ? "live.guest-admitted" : "live.guest-refused", sessionId, data: { requestId } });
    return pendingLiveGuests(tx, sessionId);
  }, lockingTransaction);
}
