import type { PrismaClient } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { consumeRateLimit } from "@/lib/security/rate-limit";
import { rateLimitPolicies } from "@/lib/security/rate-limit-policies";
import { type MailDb, enqueueMail } from "@/lib/mail/enqueue-mail";
import type { Locale } from "@/lib/i18n/locales";
import { recordAuthEvent } from "./audit";
import { confirmTokenSchema, parseInput, signUpSchema } from "./auth.schemas";
import { hashPassword } from "./password";
import { hashToken, newToken } from "./tokens";

export const CONFIRMATION_HOURS = 24;

export interface SignUpContext {
  ipAddress: string;
  /** The absolute confirmation link for a token, in the user's language. */
  confirmationUrl: (token: string, locale: Locale) => string;
}

const identifierFor = (email: string) => `email-confirmation:${email}`;

/**
 * Creates an unconfirmed stakeholder account and mails the confirmation link. Answers the same
 * (the normalised email) whether or not the address already has an account: an unconfirmed one
 * gets a new link, a confirmed one nothing — its owner can sign in, with the password or a sign-in link.
 */
export async function signUp(db: PrismaClient, input: unknown, context: SignUpContext): Promise<{ email: string }> {
  await consumeRateLimit(db, rateLimitPolicies.signUpPerIp, context.ipAddress);
  const data = parseInput(signUpSchema, input);
  // Hashed before looking the address up, so known and unknown addresses take the same time.
  const passwordHash = await hashPassword(data.password);

  const existing = await db.user.findUnique({ where: { email: data.email }, select: { id: true, emailVerified: true, erasedAt: true, disabledAt: true, locale: true } });
  if (existing) {
    if (!existing.emailVerified && !existing.erasedAt && !existing.disabledAt) {
      await sendConfirmation(db, data.email, existing.locale === "en" ? "en" : "it", context);
    }
    return { email: data.email };
  }

  try {
    await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          email: data.email,
          passwordHash,
          locale: data.locale,
          role: "STAKEHOLDER",
          profile: { create: { displayName: data.displayName, category: data.category, organisation: data.organisation, municipality: data.municipality } },
        },
        select: { id: true },
      });
      await recordAuthEvent(tx, { actorId: user.id, action: "auth.sign-up", userId: user.id });
      await sendConfirmation(tx, data.email, data.locale, context);
    });
  } catch (error) {
    // Two sign-ups for the same address at once: the loser answers like any known address.
    if ((error as { code?: string }).code !== "P2002") throw error;
  }
  return { email: data.email };
}

async function sendConfirmation(db: MailDb, email: string, locale: Locale, context: SignUpContext): Promise<void> {
  const { token, tokenHash } = newToken();
  await db.verificationToken.create({
    data: { identifier: identifierFor(email), tokenHash, expires: new Date(Date.now() + CONFIRMATION_HOURS * 3600 * 1000) },
  });
  await enqueueMail(db, {
    to: email,
    template: "email-confirmation",
    locale,
    params: { url: context.confirmationUrl(token, locale), expiresInHours: CONFIRMATION_HOURS },
  });
}

/** Consumes a confirmation token (single use, 24 h) and marks the address confirmed. */
export async function confirmEmail(db: PrismaClient, token: unknown): Promise<{ email: string }> {
  const parsed = confirmTokenSchema.safeParse(token);
  if (!parsed.success) throw new AppError("VALIDATION", "auth.confirm.invalid");
  const tokenHash = hashToken(parsed.data);
  return db.$transaction(async (tx) => {
    const row = await tx.verificationToken.findUnique({ where: { tokenHash } });
    if (!row || !row.identifier.startsWith("email-confirmation:")) throw new AppError("VALIDATION", "auth.confirm.invalid");
    // Deleted first: of two concurrent uses, only one deletes the row.
    const { count } = await tx.verificationToken.deleteMany({ where: { tokenHash } });
    if (count !== 1 || row.expires <= new Date()) throw new AppError("VALIDATION", "auth.confirm.invalid");
    const email = row.identifier.slice("email-confirmation:".length);
    const user = await tx.user.findUnique({ where: { email }, select: { id: true, emailVerified: true, erasedAt: true } });
    if (!user || user.erasedAt) throw new AppError("VALIDATION", "auth.confirm.invalid");
    if (!user.emailVerified) {
      await tx.user.update({ where: { id: user.id }, data: { emailVerified: new Date() } });
      await recordAuthEvent(tx, { actorId: user.id, action: "auth.email-confirmed", userId: user.id });
    }
    return { email };
  });
}
