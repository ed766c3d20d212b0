import type { PrismaClient } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";
import { recordAuthEvent } from "./audit";
import { OIDC_PROVIDER_ID, type OidcConfig, roleFromClaims } from "./oidc-config";
import { oidcClaimsSchema } from "./oidc.schemas";
import { type SessionContext, createSession } from "./session";

export interface OidcSignInResult {
  userId: string;
  sessionId: string;
  expiresAt: Date;
  /** What happened to the person's account on this sign-in. */
  outcome: "existing" | "linked" | "created";
}

type Refusal = { refused: "disabled" | "erased"; userId: string };

/**
 * Sign-in through the identity provider, after next-auth verified its ID token. In one transaction:
 * - the user is the one linked to (provider "oidc", sub); else the user with the same email, only when
 *   the IdP says the email is verified (then linked); else a new STAKEHOLDER;
 * - with OIDC_ROLE_CLAIM set the IdP is authoritative for roles: the highest mapped role is applied
 *   (auth.role-changed audited when it changes);
 * - disabled or erased users are refused (auth.sign-in-failed);
 * - a UserSession is created and auth.sign-in recorded with method "oidc".
 * People coming from the IdP count as confirmed: a verified email is stored as confirmed; a user with
 * an IdP account may hold a session without a confirmed (or any) email (see getSession).
 */
export async function signInWithOidc(
  db: PrismaClient,
  config: Pick<OidcConfig, "roleClaim" | "roleMap">,
  claimsInput: unknown,
  context: SessionContext,
): Promise<OidcSignInResult> {
  const parsed = oidcClaimsSchema.safeParse(claimsInput);
  if (!parsed.success) {
    await recordAuthEvent(db, { actorId: null, action: "auth.sign-in-failed", userId: null, data: { method: "oidc", reason: "invalid-claims", ipAddress: context.ipAddress } });
    throw new AppError("UNAUTHENTICATED", "sso.errors.failed");
  }
  const claims = parsed.data;
  const mappedRole = roleFromClaims(config, claims as Record<string, unknown>);
  try {
    return await attempt(db, claims, mappedRole, context);
  } catch (error) {
    // Two first sign-ins of the same person at once: the loser finds the winner's account on a retry.
    if ((error as { code?: string }).code === "P2002") return attempt(db, claims, mappedRole, context);
    throw error;
  }
}

async function attempt(
  db: PrismaClient,
  claims: { sub: string; email?: string; email_verified?: boolean; name?: string },
  mappedRole: Role | null,
  context: SessionContext,
): Promise<OidcSignInResult> {
  const now = new Date();
  const verifiedEmail = claims.email && claims.email_verified === true ? claims.email : null;
  const result = await db.$transaction(async (tx): Promise<OidcSignInResult | Refusal> => {
    const select = { id: true, email: true, emailVerified: true, name: true, role: true, disabledAt: true, erasedAt: true } as const;
    const key = { provider: OIDC_PROVIDER_ID, providerAccountId: claims.sub };
    let outcome: OidcSignInResult["outcome"] = "existing";
    let user = (await tx.account.findUnique({ where: { provider_providerAccountId: key }, select: { user: { select } } }))?.user ?? null;

    if (!user && verifiedEmail) {
      user = await tx.user.findUnique({ where: { email: verifiedEmail }, select });
      if (user) {
        outcome = "linked";
        if (!user.disabledAt && !user.erasedAt) {
          await tx.account.create({ data: { ...key, userId: user.id } });
          if (!user.emailVerified) {
            // The address was never confirmed here: whoever set the password did not prove they own it
            // (a pre-registered account must not keep a way in that the IdP's person does not know).
            await tx.user.update({ where: { id: user.id }, data: { emailVerified: now, passwordHash: null } });
          }
        }
      }
    }

    if (!user) {
      outcome = "created";
      // An unverified address is kept only when nobody uses it; it is not marked confirmed.
      const emailTaken = claims.email ? (await tx.user.count({ where: { email: claims.email } })) > 0 : false;
      const email = claims.email && !emailTaken ? claims.email : null;
      user = await tx.user.create({
        data: {
          email,
          emailVerified: email && email === verifiedEmail ? now : null,
          name: claims.name ?? null,
          role: "STAKEHOLDER",
          accounts: { create: key },
        },
        select,
      });
      await recordAuthEvent(tx, { actorId: user.id, action: "auth.sign-up", userId: user.id, data: { method: "oidc" } });
    }

    if (user.erasedAt || user.disabledAt) {
      const refused = user.erasedAt ? "erased" : "disabled";
      await recordAuthEvent(tx, { actorId: null, action: "auth.sign-in-failed", userId: user.id, data: { method: "oidc", reason: refused, ipAddress: context.ipAddress } });
      return { refused, userId: user.id };
    }

    const updates: { lastSignInAt: Date; role?: Role; name?: string; emailVerified?: Date } = { lastSignInAt: now };
    if (mappedRole && mappedRole !== user.role) {
      updates.role = mappedRole;
      await recordAuthEvent(tx, { actorId: null, action: "auth.role-changed", userId: user.id, data: { from: user.role, to: mappedRole, source: "identity-provider" } });
    }
    if (!user.name && claims.name) updates.name = claims.name;
    if (!user.emailVerified && user.email && user.email === verifiedEmail) updates.emailVerified = now;
    await tx.user.update({ where: { id: user.id }, data: updates });

    const session = await createSession(tx, user.id, context, now);
    await recordAuthEvent(tx, { actorId: user.id, action: "auth.sign-in", userId: user.id, data: { method: "oidc", outcome, ipAddress: context.ipAddress } });
    return { userId: user.id, ...session, outcome };
  });
  if ("refused" in result) throw new AppError("FORBIDDEN", "sso.errors.refused");
  return result;
}
