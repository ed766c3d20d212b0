import { cookies, headers } from "next/headers";
import { NextRequest } from "next/server";
import { cache } from "react";
import NextAuth, { type AuthOptions } from "next-auth";
import { encode } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { getPrisma } from "@/lib/db/client";
import { OIDC_PROVIDER_ID, type OidcConfig, readOidcConfig } from "@/lib/auth/oidc-config";
import { authSecret, secureCookies } from "@/lib/auth/secret";
import { type Actor, SESSION_MAX_AGE_SECONDS, type SessionContext, getSession, revokeSession } from "@/lib/auth/session";
import { sessionCookieName, sessionIdFromCookie } from "@/lib/auth/session-cookie";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { signInWithOidc } from "@/lib/auth/sign-in-with-oidc";
import { isAppError } from "@/lib/errors/app-error";
import { type Locale, defaultLocale } from "@/lib/i18n/locales";
import { logger } from "@/lib/observability/logger";
import { clientIp, isHttpsRequest } from "@/lib/security/client-ip";
import { localizedPath } from "@/lib/web/localized-path";

/**
 * Next glue for lib/auth: the session cookie is next-auth's JWT cookie (same name, same encryption),
 * holding only `sid`, the UserSession id that lib/auth/session.ts checks on every request
 * (lib/auth/session-cookie.ts reads it, for the pages and the live sockets alike).
 */

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
  const value = (await cookies()).get(sessionCookieName())?.value;
  if (!value) return null;
  return getSession(getPrisma(), await sessionIdFromCookie(value));
});

/** Sets the session cookie for a freshly created UserSession (server actions only). */
export async function setSessionCookie(sessionId: string, expiresAt: Date): Promise<void> {
  const value = await encode({ token: { sid: sessionId }, secret: authSecret(), maxAge: SESSION_MAX_AGE_SECONDS });
  (await cookies()).set(sessionCookieName(), value, { httpOnly: true, sameSite: "lax", secure: secureCookies(), path: "/", expires: expiresAt });
}

export async function clearSessionCookie(): Promise<void> {
  (await cookies()).delete(sessionCookieName());
}

/**
 * next-auth's own endpoints (/api/auth/*): the Credentials provider signs in through the same
 * service as the sign-in page, and the JWT carries the UserSession id.
 */
export function authOptions(ipAddress: string, userAgent: string | null, locale: Locale = defaultLocale): AuthOptions {
  // next-auth builds its redirects from NEXTAUTH_URL; PUBLIC_URL is the same address.
  if (!process.env.NEXTAUTH_URL && process.env.PUBLIC_URL) process.env.NEXTAUTH_URL = process.env.PUBLIC_URL;
  const oidc = oidcConfig();
  const signInPage = localizedPath(locale, "/accedi");
  return {
    secret: authSecret(),
    useSecureCookies: secureCookies(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    // next-auth appends &error=<its code> (OAuthCallback, AccessDenied…); the page shows one translated message.
    pages: { signIn: signInPage, error: `${signInPage}?errore=sso` },
    providers: [
      ...(oidc ? [oidcProvider(oidc)] : []),
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
      async signIn({ user, account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID) return true;
        if (!oidc || !profile) return false;
        try {
          // The ID token was verified by next-auth (signature, issuer, audience, expiry, state, PKCE).
          const { sessionId } = await signInWithOidc(getPrisma(), oidc, profile, { ipAddress, userAgent });
          (user as { sid?: string }).sid = sessionId;
          return true;
        } catch (error) {
          if (!isAppError(error)) logger.error("OIDC sign-in failed", { error });
          return `${signInPage}?errore=${isAppError(error) && error.code === "FORBIDDEN" ? "sso-rifiutato" : "sso"}`;
        }
      },
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

/** The identity provider's configuration (validated at start by server.ts), or null when none is configured. */
export function oidcConfig(): OidcConfig | null {
  return readOidcConfig(process.env);
}

/** The generic OpenID Connect provider: discovery from the issuer, authorization code with PKCE and state, claims from the ID token. */
function oidcProvider(config: OidcConfig): OAuthConfig<Record<string, unknown>> {
  return {
    id: OIDC_PROVIDER_ID,
    name: config.name ?? "OpenID Connect",
    type: "oauth",
    wellKnown: `${config.issuer}/.well-known/openid-configuration`,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    authorization: { params: { scope: config.scopes } },
    checks: ["pkce", "state"],
    idToken: true,
    profile(claims) {
      return { id: String(claims.sub), name: typeof claims.name === "string" ? claims.name : null, email: typeof claims.email === "string" ? claims.email : null };
    },
  };
}

const callbackUrlCookie = () => (secureCookies() ? "__Secure-next-auth.callback-url" : "next-auth.callback-url");

/** The language of the page an OAuth flow will return to (from next-auth's callback-url cookie): where its errors are shown. */
export function flowLocale(cookieValue: string | undefined): Locale {
  if (!cookieValue) return defaultLocale;
  try {
    const path = new URL(cookieValue, "http://localhost").pathname;
    return path === "/en" || path.startsWith("/en/") ? "en" : defaultLocale;
  } catch {
    return defaultLocale;
  }
}

export const oauthFlowLocale = async (): Promise<Locale> => flowLocale((await cookies()).get(callbackUrlCookie())?.value);

/** A same-origin path to come back to after signing in, or null (absolute, protocol-relative and odd paths are refused). */
export function safeReturnPath(value: unknown): string | null {
  if (typeof value !== "string" || !/^\/(?![/\\])[^\s]*$/.test(value) || value.length > 500) return null;
  return value;
}

type CookieOptions = Parameters<Awaited<ReturnType<typeof cookies>>["set"]>[2];

function parseSetCookie(header: string): { name: string; value: string; options: CookieOptions } | null {
  const [pair = "", ...attributes] = header.split(";").map((part) => part.trim());
  const separator = pair.indexOf("=");
  if (separator <= 0) return null;
  const options: NonNullable<CookieOptions> = {};
  for (const attribute of attributes) {
    const [key = "", ...rest] = attribute.split("=");
    const value = rest.join("=");
    switch (key.toLowerCase()) {
      case "path": options.path = value; break;
      case "expires": options.expires = new Date(value); break;
      case "max-age": options.maxAge = Number(value); break;
      case "httponly": options.httpOnly = true; break;
      case "secure": options.secure = true; break;
      case "samesite": options.sameSite = value.toLowerCase() as "lax" | "strict" | "none"; break;
    }
  }
  return { name: pair.slice(0, separator), value: decodeURIComponent(pair.slice(separator + 1)), options };
}

/**
 * Starts the OIDC sign-in from a server action (which Next protects by its Origin check), without
 * JavaScript in the browser: next-auth's own handler is asked for its CSRF token (double-submit cookie),
 * then to start the sign-in with it; the cookies it sets (CSRF, state, PKCE verifier, callback URL) go
 * on the action's response, and the identity provider's authorization URL is returned for redirect().
 */
export async function beginOidcSignIn(locale: Locale, returnPath: string): Promise<string> {
  const config = oidcConfig();
  if (!config) throw new Error("No identity provider is configured.");
  const { ipAddress, userAgent } = await requestContext();
  const options = authOptions(ipAddress, userAgent, locale);
  const base = (process.env.NEXTAUTH_URL ?? "").replace(/\/+$/, "");
  const jar = await cookies();
  const call = async (action: string, init: { method: "GET" | "POST"; body?: URLSearchParams }) => {
    const request = new NextRequest(`${base}/api/auth/${action}`, {
      method: init.method,
      body: init.body,
      headers: init.body ? { "content-type": "application/x-www-form-urlencoded" } : undefined,
    });
    const response = await NextAuth(request as never, { params: Promise.resolve({ nextauth: action.split("/") }) } as never, options) as Response;
    // The handler reads cookies() of this request: set here, they are seen by the next call too.
    for (const header of response.headers.getSetCookie()) {
      const cookie = parseSetCookie(header);
      if (cookie) jar.set(cookie.name, cookie.value, cookie.options);
    }
    return response;
  };
  const csrf = (await (await call("csrf", { method: "GET" })).json()) as { csrfToken?: string };
  if (!csrf.csrfToken) throw new Error("next-auth gave no CSRF token.");
  const started = await call(`signin/${OIDC_PROVIDER_ID}`, { method: "POST", body: new URLSearchParams({ csrfToken: csrf.csrfToken, callbackUrl: `${base}${returnPath}` }) });
  const location = started.headers.get("location");
  if (!location) throw new Error(`next-auth did not start the sign-in (HTTP ${started.status}).`);
  return location;
}
