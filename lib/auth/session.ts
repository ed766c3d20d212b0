import type { PrismaClient } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { Role } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";
import { isUuid } from "@/lib/db/ids";

/**
 * Revocable sessions. The session cookie (a next-auth JWT) carries only the id of a UserSession
 * row; every request resolves it here, so revoking the row, disabling or erasing the user, or
 * changing their role takes effect on the very next request.
 */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
const LAST_SEEN_PRECISION_MS = 5 * 60 * 1000;

/** Who is acting: what every domain service receives as its explicit first argument after db. */
export interface Actor {
  userId: string;
  sessionId: string;
  role: Role;
  email: string | null;
  displayName: string | null;
  locale: string;
  /**
   * Set for a guest a host admitted to one live session (no account of their own): such an actor
   * may take part in that session and nothing else (requireUser refuses them everywhere else).
   */
  liveGuestOfId: string | null;
}

export interface SessionContext {
  ipAddress: string | null;
  userAgent: string | null;
}

export async function createSession(
  db: PrismaClient | Prisma.TransactionClient,
  userId: string,
  context: SessionContext,
  now = new Date(),
  maxAgeSeconds = SESSION_MAX_AGE_SECONDS,
): Promise<{ sessionId: string; expiresAt: Date }> {
  const expiresAt = new Date(now.getTime() + maxAgeSeconds * 1000);
  const row = await db.userSession.create({
    data: { userId, expiresAt, ipAddress: context.ipAddress?.slice(0, 64) ?? null, userAgent: context.userAgent?.slice(0, 400) ?? null },
    select: { id: true },
  });
  return { sessionId: row.id, expiresAt };
}

interface SessionRow {
  id: string;
  expiresAt: Date;
  revokedAt: Date | null;
  lastSeenAt: Date;
  userId: string;
  role: Role;
  email: string | null;
  locale: string;
  disabledAt: Date | null;
  erasedAt: Date | null;
  displayName: string | null;
  liveGuestOfId: string | null;
  mayUseSession: boolean;
}

/**
 * The actor for a session id from the cookie, or null when the session is unknown, revoked, expired or its user can no longer sign in.
 * Every request of a signed-in person asks this, so it is one statement.
 */
export async function getSession(db: PrismaClient, sessionId: string | null | undefined, now = new Date()): Promise<Actor | null> {
  if (!sessionId || !isUuid(sessionId)) return null;
  // An unconfirmed address may not sign in — unless an identity provider vouches for the person
  // (a linked OIDC account: they may come with an unverified email, or none at all). A live guest's
  // session lasts as long as the live session they were admitted to.
  const [row] = await db.$queryRaw<SessionRow[]>`
    SELECT s."id", s."expiresAt", s."revokedAt", s."lastSeenAt", u."id" AS "userId", u."role"::text AS "role", u."email", u."locale",
           u."disabledAt", u."erasedAt", coalesce(p."displayName", u."name") AS "displayName", u."liveGuestOfId",
           (CASE WHEN u."liveGuestOfId" IS NOT NULL
                 THEN EXISTS (SELECT 1 FROM "LiveSession" ls WHERE ls."id" = u."liveGuestOfId" AND ls."status" <> 'ENDED')
                 ELSE u."emailVerified" IS NOT NULL OR EXISTS (SELECT 1 FROM "Account" a WHERE a."userId" = u."id") END) AS "mayUseSession"
    FROM "UserSession" s
    JOIN "User" u ON u."id" = s."userId"
    LEFT JOIN "StakeholderProfile" p ON p."userId" = u."id"
    WHERE s."id" = ${sessionId}::uuid`;
  if (!row || row.revokedAt || row.expiresAt <= now) return null;
  if (row.disabledAt || row.erasedAt || !row.mayUseSession) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > LAST_SEEN_PRECISION_MS) {
    await db.userSession.update({ where: { id: row.id }, data: { lastSeenAt: now } });
  }
  return { userId: row.userId, sessionId: row.id, role: row.role, email: row.email, displayName: row.displayName, locale: row.locale, liveGuestOfId: row.liveGuestOfId };
}

/**
 * Someone signed in, live guests included: the first check of a service that then knows which live
 * session a guest acts in (and checks it with requireUser), or that any guest may use (sign-out).
 */
export function requireSignedIn(actor: Actor | null): Actor {
  if (!actor) throw new AppError("UNAUTHENTICATED", "auth.errors.unauthenticated");
  return actor;
}

/**
 * Someone signed in. A live guest only passes where the caller names the live session they take
 * part in (`liveSessionId`, the live services) and it is theirs: everywhere else they are refused.
 */
export function requireUser(actor: Actor | null, { liveSessionId }: { liveSessionId?: string } = {}): Actor {
  const user = requireSignedIn(actor);
  if (user.liveGuestOfId && user.liveGuestOfId !== liveSessionId) throw new AppError("FORBIDDEN", "auth.errors.liveGuestOnly");
  return user;
}

export function requireRole(actor: Actor | null, ...roles: Role[]): Actor {
  const user = requireUser(actor);
  if (!roles.includes(user.role)) throw new AppError("FORBIDDEN", "auth.errors.forbidden");
  return user;
}

/** Ends one session of the actor's own (sign-out when it is the current one). */
export async function revokeSession(db: PrismaClient, actor: Actor | null, sessionId: string): Promise<void> {
  // Live guests sign out too.
  const user = requireSignedIn(actor);
  await db.userSession.updateMany({ where: { id: sessionId, userId: user.userId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** Ends every session of a user: the actor's own, or anyone's for an admin. Returns how many ended. */
export async function revokeAllSessions(db: PrismaClient, actor: Actor | null, userId: string): Promise<number> {
  const user = requireUser(actor);
  if (userId !== user.userId) requireRole(user, "ADMIN");
  const now = new Date();
  const [ended] = await db.$transaction([
    db.userSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } }),
    db.auditEvent.create({ data: { actorId: user.userId, action: "auth.sessions-ended", entityType: "User", entityId: userId } }),
  ]);
  return ended.count;
}
