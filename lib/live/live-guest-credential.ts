import { newToken, hashToken } from "@/lib/auth/tokens";
import { isUuid } from "@/lib/db/ids";

/**
 * A guest's request is picked up by the browser that made it, with a credential kept in an
 * httpOnly cookie: "<request id>.<secret>"; only the secret's hash is stored.
 */
export const LIVE_GUEST_COOKIE = "consulta-live-guest";

/** How long a request (and its cookie) waits for a host; an assembly is an evening. */
export const LIVE_GUEST_REQUEST_TTL_SECONDS = 12 * 60 * 60;

/** A guest's session lasts the evening at most (and ends anyway with the live session). */
export const LIVE_GUEST_SESSION_TTL_SECONDS = 12 * 60 * 60;

export function newGuestSecret(): { secret: string; secretHash: string } {
  const { token, tokenHash } = newToken();
  return { secret: token, secretHash: tokenHash };
}

export const guestCredential = (requestId: string, secret: string): string => `${requestId}.${secret}`;

/** The request id and the secret's hash of a cookie value, or null when it is not one of ours. */
export function parseGuestCredential(value: string | undefined | null): { requestId: string; secretHash: string } | null {
  if (!value || value.length > 200) return null;
  const [requestId, secret, ...rest] = value.split(".");
  if (rest.length || !requestId || !secret || !isUuid(requestId)) return null;
  return { requestId, secretHash: hashToken(secret) };
}
