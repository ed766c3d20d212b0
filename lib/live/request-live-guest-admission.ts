import type { PrismaClient } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { consumeRateLimit } from "@/lib/security/rate-limit";
import { rateLimitPolicies } from "@/lib/security/rate-limit-policies";
import { LIVE_GUEST_REQUEST_TTL_SECONDS, guestCredential, newGuestSecret } from "./live-guest-credential";
import { parseLiveInput, requestLiveGuestSchema } from "./live.schemas";

/** Waiting guests per session: a room, not a crowd a script could make up. */
export const MAX_PENDING_GUESTS = 300;

export interface LiveGuestRequestReceipt {
  /** The cookie value that lets this browser pick up its admission (lib/live/live-guest-credential.ts). */
  credential: string;
  sessionId: string;
  expiresAt: Date;
}

/**
 * Someone in the room without an account asks to take part in a running (or paused) session,
 * giving the name the hosts see and the stakeholder category their votes count under. A host then
 * admits or refuses them (decideLiveGuest). Rate-limited per address; at most MAX_PENDING_GUESTS wait
 * at once in a session.
 */
export async function requestLiveGuestAdmission(db: PrismaClient, input: unknown, context: { ipAddress: string }, now = new Date()): Promise<LiveGuestRequestReceipt> {
  const data = parseLiveInput(requestLiveGuestSchema, input);
  const session = await db.liveSession.findUnique({ where: { joinCode: data.code }, select: { id: true, status: true } });
  if (!session) throw new AppError("NOT_FOUND", "live.errors.sessionNotFound");
  if (session.status === "ENDED") throw new AppError("CONFLICT", "live.errors.sessionEnded");
  await consumeRateLimit(db, rateLimitPolicies.liveGuestRequestPerIp, context.ipAddress, now);
  const { secret, secretHash } = newGuestSecret();
  // The count and the insert in one statement: a burst of requests cannot overshoot the cap by much.
  const [created] = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO "LiveGuestRequest" ("id", "sessionId", "displayName", "category", "secretHash", "createdAt")
    SELECT gen_random_uuid(), ${session.id}::uuid, ${data.displayName}, ${data.category}::"StakeholderCategory", ${secretHash}, ${now}
    WHERE (SELECT count(*) FROM "LiveGuestRequest" WHERE "sessionId" = ${session.id}::uuid AND "status" = 'PENDING') < ${MAX_PENDING_GUESTS}
    RETURNING "id"`;
  if (!created) throw new AppError("CONFLICT", "live.errors.tooManyGuests");
  return { credential: guestCredential(created.id, secret), sessionId: session.id, expiresAt: new Date(now.getTime() + LIVE_GUEST_REQUEST_TTL_SECONDS * 1000) };
}
