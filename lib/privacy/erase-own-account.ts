import { z } from "zod";
import type { PrismaClient } from "@/lib/db/client";
import { parseInput } from "@/lib/auth/auth.schemas";
import { type Actor, requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { type Locale, isLocale } from "@/lib/i18n/locales";
import { enqueueMail } from "@/lib/mail/enqueue-mail";

/**
 * Erasure of the actor's own account (right to erasure). Personal data goes; contributions stay,
 * still linked to the same (now anonymous) user row, so counts, threads and the "you said, we did"
 * trail of the consultation remain intact. Only one's own account: there is no user parameter.
 */
export const eraseAccountSchema = z.object({
  confirmation: z.string({ error: "privacy.erase.confirmationRequired" }).trim().toLowerCase().min(1, "privacy.erase.confirmationRequired").max(254, "privacy.erase.confirmationMismatch"),
});

/** Typed instead of the email by users who have none (e.g. signed in only through an identity provider). */
export const ERASE_FIXED_WORDS = ["cancella", "delete"] as const;

export async function eraseOwnAccount(db: PrismaClient, actor: Actor | null, input: unknown, now = new Date()): Promise<{ erasedAt: Date }> {
  const { userId } = requireUser(actor);
  const { confirmation } = parseInput(eraseAccountSchema, input);

  await db.$transaction(async (tx) => {
    // Lock the admin rows (and ours) so two admins erasing themselves at once cannot both pass the last-admin check.
    await tx.$queryRaw`SELECT id FROM "User" WHERE (role = 'ADMIN' AND "erasedAt" IS NULL) OR id = ${userId}::uuid FOR UPDATE`;
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, role: true, locale: true, erasedAt: true } });
    if (user.erasedAt) throw new AppError("UNAUTHENTICATED", "auth.errors.unauthenticated");

    const expected = user.email ? [user.email.toLowerCase()] : [...ERASE_FIXED_WORDS];
    if (!expected.includes(confirmation)) {
      throw new AppError("VALIDATION", "auth.errors.validation", {}, { confirmation: "privacy.erase.confirmationMismatch" });
    }
    if (user.role === "ADMIN") {
      const otherAdmins = await tx.user.count({ where: { role: "ADMIN", erasedAt: null, disabledAt: null, id: { not: userId } } });
      if (otherAdmins === 0) throw new AppError("CONFLICT", "privacy.errors.lastAdmin");
    }

    await tx.userSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
    // Revoked rows stay (the session id must keep failing), without the IP address and browser they recorded.
    await tx.userSession.updateMany({ where: { userId }, data: { ipAddress: null, userAgent: null } });
    await tx.stakeholderProfile.deleteMany({ where: { userId } });
    await tx.account.deleteMany({ where: { userId } });
    await tx.meetingRegistration.deleteMany({ where: { userId } });
    if (user.email) {
      await tx.verificationToken.deleteMany({ where: { identifier: { endsWith: `:${user.email}` } } });
      await tx.invitation.deleteMany({ where: { email: user.email } });
      await tx.emailOutbox.deleteMany({ where: { to: user.email, status: { not: "SENT" } } });
      // Enqueued before the address is wiped, in the same transaction: the goodbye mail exists only if the erasure commits.
      const locale: Locale = isLocale(user.locale) ? user.locale : "it";
      await enqueueMail(tx, { to: user.email, template: "account-erased", locale, params: { erasedAt: now } });
    }
    await tx.user.update({
      where: { id: userId },
      data: {
        email: null, emailVerified: null, name: null, passwordHash: null, role: "STAKEHOLDER", erasedAt: now,
        notificationFrequency: "NONE", lastSignInAt: null,
      },
    });
    // No email, name or role here: the audit log outlives the erasure.
    await tx.auditEvent.create({ data: { actorId: userId, action: "account.erased", entityType: "User", entityId: userId, data: {} } });
  });
  return { erasedAt: now };
}
