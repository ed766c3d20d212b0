import { cookies, headers } from "next/headers";
import { cache } from "react";
import type { AuthOptions } from "next-auth";
import { decode, encode } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import { getPrisma } from "@/lib/db/client";
import { authSecret, secureCookies } from "@/lib/auth/secret";
import { type Actor, SESSION_MAX_AGE_SECONDS, type SessionContext, getSession, revokeSession } from "@/lib/auth/session";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { clientIp, isHttpsRequest } from "@/lib/security/client-ip";

/**
 * Next glue for lib/auth: the session cookie is next-auth's JWT cookie (same name, same encryption),
 * holding only `sid`, the UserSession id that lib/auth/session.ts checks on every request.
 */
const cookieName = () => (secureCookies() ? "__Secure-next-auth.session-token" : "next-auth.session-token");

export async function requestContext(): Promise<SessionContext & { ipAddress: string }> {
  const list = await headers();
  return { ipAddress: clientIp(list), userAgent: list.get("user-agent") };
}

/** The address links in mails point to: PUBLIC_URL, else the address this request came to. */
export async function publicBaseUrl(): Promise<string> {
  const configured = process.env.PUBLIC_URL ?? process.env.NEXTAUTH_URL;
  if (configured) return configured.replace(/\/+$/, "");
  const list = await headers();
  return `${isHttpsRequest(list) ? "https" : "http"}://${list.get("host") ?? "localhost"}`;
}

/**
 * The signed-in actor of this request, or null. The session row is checked on every request
 * (once per request: the header and the page share the answer).
 */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const value = (await cookies()).get(cookieName())?.value;
  if (!value) return null;
  const token = await decode({ token: value, secret: authSecret() }).catch(() => null);
  return getSession(getPrisma(), typeof token?.sid === "string" ? token.sid : null);
});

/** Sets the session cookie for a freshly created UserSession (server actions only). */
export async function setSessionCookie(sessionId: string, expiresAt: Date): Promise<void> {
  const value = await encode({ token: { sid: sessionId }, secret: authSecret(), maxAge: SESSION_MAX_AGE_SECONDS });
  (await cookies()).set(cookieName(), value, { httpOnly: true, sameSite: "lax", secure: secureCookies(), path: "/", expires: expiresAt });
}

export async function clearSessionCookie(): Promise<void> {
  (await cookies()).delete(cookieName());
}

/**
 * next-auth's own endpoints (/api/auth/*): the Credentials provider signs in through the same
 * service as the sign-in page, and the JWT carries the UserSession id.
 */
export function authOptions(ipAddress: string, userAgent: string | null): AuthOptions {
  // next-auth builds its redirects from NEXTAUTH_URL; PUBLIC_URL is the same address.
  if (!process.env.NEXTAUTH_URL && process.env.PUBLIC_URL) process.env.NEXTAUTH_URL = process.env.PUBLIC_URL;
  return {
    secret: authSecret(),
    useSecureCookies: secureCookies(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/accedi" },
    providers: [
      CredentialsProvider({
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials) {
          const { userId, sessionId } = await signInWithPassword(getPrisma(), credentials, { ipAddress, userAgent }).catch(() => ({ userId: null, sessionId: null }));
          return userId ? { id: userId, sid: sessionId } : null;
        },
      }),
    ],
    events: {
      async signOut({ token }) {
        const actor = await getSession(getPrisma(), typeof token?.sid === "string" ? token.sid : null);
        if (actor) await revokeSession(getPrisma(), actor, actor.sessionId);
      },
    },
    callbacks: {
      jwt({ token, user }) {
        // Only the session id travels; everything else is read fresh from the database.
        return user && "sid" in user ? { sid: user.sid } : { sid: token.sid };
      },
      async session({ session, token }) {
        const actor = await getSession(getPrisma(), typeof token.sid === "string" ? token.sid : null);
        return { ...session, user: actor ? { name: actor.displayName, email: actor.email } : undefined };
      },
    },
  };
}
