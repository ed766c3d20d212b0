import type { PrismaClient } from "@/lib/db/client";
import type { Locale } from "@/lib/i18n/locales";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import { consumeRateLimit } from "@/lib/security/rate-limit";
import { rateLimitPolicies } from "@/lib/security/rate-limit-policies";
import { parseInput, passwordResetRequestSchema } from "./auth.schemas";
import { newToken } from "./tokens";

/** A reset link is valid for 30 minutes and once (lib/auth/reset-password.ts consumes it). */
export const PASSWORD_RESET_MINUTES = 30;
export const passwordResetPrefix = "password-reset:";

export interface PasswordResetContext {
  ipAddress: string;
  /** The absolute link to the new-password page for a token, in the mail's language. */
  resetUrl: (token: string, locale: Locale) => string;
}

/**
 * Mails a password-reset link when the address has an account that can sign in (not disabled, not
 * erased). The answer is identical either way, and so is the work up to the lookup (rate limits,
 * token generation): the page cannot tell whether an address has an account.
 */
export async function requestPasswordReset(db: PrismaClient, input: unknown, context: PasswordResetContext): Promise<{ email: string }> {
  const { email } = parseInput(passwordResetRequestSchema, input);
  await consumeRateLimit(db, rateLimitPolicies.passwordResetPerIp, context.ipAddress);
  await consumeRateLimit(db, rateLimitPolicies.passwordResetPerEmail, email);
  const { token, tokenHash } = newToken();
  const user = await db.user.findUnique({ where: { email }, select: { id: true, locale: true, disabledAt: true, erasedAt: true } });
  if (!user || user.disabledAt || user.erasedAt) return { email };
  const locale: Locale = user.locale === "en" ? "en" : "it";
  await db.$transaction(async (tx) => {
    await tx.verificationToken.create({ data: { identifier: passwordResetPrefix + email, tokenHash, expires: new Date(Date.now() + PASSWORD_RESET_MINUTES * 60_000) } });
    await enqueueMail(tx, { to: email, template: "password-reset", locale, params: { url: context.resetUrl(token, locale), expiresInMinutes: PASSWORD_RESET_MINUTES } });
    await tx.auditEvent.create({ data: { actorId: null, action: "auth.password-reset-requested", entityType: "User", entityId: user.id, data: { ipAddress: context.ipAddress } } });
  });
  return { email };
}
