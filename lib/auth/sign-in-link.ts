import type { PrismaClient } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { Locale } from "@/lib/i18n/locales";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import { consumeRateLimit } from "@/lib/security/rate-limit";
import { rateLimitPolicies } from "@/lib/security/rate-limit-policies";
import { recordAuthEvent } from "./audit";
import { confirmTokenSchema, emailSchema, parseInput } from "./auth.schemas";
import { type SessionContext, createSession } from "./session";
import { hashToken, newToken } from "./tokens";
import { z } from "zod";

/**
 * Sign-in by a link mailed to the address (single use, 15 minutes), through the outbox. Following
 * the link also proves the address, so it confirms an unconfirmed account.
 */
export const SIGN_IN_LINK_MINUTES = 15;
const prefix = "sign-in-link:";

export interface SignInLinkContext {
  ipAddress: string;
  signInUrl: (token: string, locale: Locale) => string;
}

/** Mails a link when the address has an account that can sign in; answers identically either way. */
export async function requestSignInLink(db: PrismaClient, input: unknown, context: SignInLinkContext): Promise<{ email: string }> {
  const { email } = parseInput(z.object({ email: emailSchema }), input);
  await consumeRateLimit(db, rateLimitPolicies.signInLinkPerIp, context.ipAddress);
  await consumeRateLimit(db, rateLimitPolicies.signInLinkPerEmail, email);
  const user = await db.user.findUnique({ where: { email }, select: { locale: true, disabledAt: true, erasedAt: true } });
  if (!user || user.disabledAt || user.erasedAt) return { email };
  const locale: Locale = user.locale === "en" ? "en" : "it";
  const { token, tokenHash } = newToken();
  await db.$transaction(async (tx) => {
    await tx.verificationToken.create({ data: { identifier: prefix + email, tokenHash, expires: new Date(Date.now() + SIGN_IN_LINK_MINUTES * 60_000) } });
    await enqueueMail(tx, { to: email, template: "sign-in-link", locale, params: { url: context.signInUrl(token, locale), expiresInMinutes: SIGN_IN_LINK_MINUTES } });
  });
  return { email };
}

/** Consumes a sign-in link's token and opens a session. */
export async function signInWithLink(db: PrismaClient, token: unknown, context: SessionContext): Promise<{ userId: string; sessionId: string; expiresAt: Date }> {
  const parsed = confirmTokenSchema.safeParse(token);
  if (!parsed.success) throw new AppError("VALIDATION", "auth.link.invalid");
  const tokenHash = hashToken(parsed.data);
  const row = await db.verificationToken.findUnique({ where: { tokenHash } });
  // Deleting decides: of two concurrent uses, only one deletes the row.
  const { count } = await db.verificationToken.deleteMany({ where: { tokenHash, identifier: { startsWith: prefix } } });
  if (!row || count !== 1 || row.expires <= new Date()) throw new AppError("VALIDATION", "auth.link.invalid");
  const user = await db.user.findUnique({ where: { email: row.identifier.slice(prefix.length) }, select: { id: true, emailVerified: true, disabledAt: true, erasedAt: true } });
  if (!user || user.disabledAt || user.erasedAt) throw new AppError("VALIDATION", "auth.link.invalid");

  const now = new Date();
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: now, ...(user.emailVerified ? {} : { emailVerified: now }) } });
  const session = await createSession(db, user.id, context, now);
  await recordAuthEvent(db, { actorId: user.id, action: "auth.sign-in", userId: user.id, data: { method: "link", ipAddress: context.ipAddress } });
  return { userId: user.id, ...session };
}
