import { decode } from "next-auth/jwt";
import { authSecret, secureCookies } from "./secret";

/**
 * The session cookie is next-auth's JWT cookie (same name, same encryption), holding only `sid`,
 * the UserSession id that session.ts checks on every request. Read here for both the pages
 * (lib/web/auth.ts) and the live-assembly sockets (lib/live/live-socket-server.ts).
 */
export const sessionCookieName = (): string => (secureCookies() ? "__Secure-next-auth.session-token" : "next-auth.session-token");

/**
 * Decrypting the cookie derives its key every time (about a millisecond): a signed-in person's
 * every request would pay it. The UserSession id each recent cookie holds is kept for as long as
 * the cookie is valid (the session row itself is still checked on every request).
 */
const decodedCookies = new Map<string, { sessionId: string | null; expiresAtMs: number }>();
const DECODED_COOKIES_KEPT = 10_000;

/** The UserSession id a session cookie's value holds, or null (not ours, tampered with, expired). */
export async function sessionIdFromCookie(cookie: string): Promise<string | null> {
  const known = decodedCookies.get(cookie);
  if (known && known.expiresAtMs > Date.now()) return known.sessionId;
  const token = await decode({ token: cookie, secret: authSecret() }).catch(() => null);
  const sessionId = typeof token?.sid === "string" ? token.sid : null;
  if (token && typeof token.exp === "number") {
    if (decodedCookies.size >= DECODED_COOKIES_KEPT) decodedCookies.delete(decodedCookies.keys().next().value!);
    decodedCookies.set(cookie, { sessionId, expiresAtMs: token.exp * 1000 });
  }
  return sessionId;
}

/** One cookie's value from a Cookie request header (outside Next: the socket handshake), or undefined. */
export function cookieFromHeader(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const separator = part.indexOf("=");
    if (separator < 0 || part.slice(0, separator).trim() !== name) continue;
    const raw = part.slice(separator + 1).trim().replace(/^"(.*)"$/, "$1");
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return undefined;
}
