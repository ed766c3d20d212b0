import type { PrismaClient } from "@/lib/db/client";
import { type Actor, requireRole } from "@/lib/auth/session";
import { parseInput } from "@/lib/auth/auth.schemas";
import { newToken } from "@/lib/auth/tokens";
import type { Locale } from "@/lib/i18n/locales";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import { consumeRateLimit } from "@/lib/security/rate-limit";
import { rateLimitPolicies } from "@/lib/security/rate-limit-policies";
import { inviteStaffSchema } from "./accounts.schemas";

export const INVITATION_DAYS = 7;

export interface InviteStaffContext {
  /** The absolute link to the accept page for a token, in the mail's language. */
  invitationUrl: (token: string, locale: Locale) => string;
}

/**
 * Admin only: invites an address to a staff role (facilitator, official, admin). The mailed link is
 * single use and valid for 7 days. Inviting an address again revokes its pending invitation, so at
 * most one link per address works. Invitation, revocations, audit rows and mail commit together.
 */
export async function inviteStaff(db: PrismaClient, actor: Actor | null, input: unknown, context: InviteStaffContext): Promise<{ id: string; email: string; replaced: number }> {
  const admin = requireRole(actor, "ADMIN");
  const { email, role } = parseInput(inviteStaffSchema, input);
  await consumeRateLimit(db, rateLimitPolicies.invitationsPerAdmin, admin.userId);
  const existing = await db.user.findUnique({ where: { email }, select: { locale: true } });
  // The invitee's language when they have an account, otherwise the inviting admin's.
  const locale: Locale = (existing?.locale ?? admin.locale) === "en" ? "en" : "it";
  const { token, tokenHash } = newToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 24 * 3600 * 1000);

  return db.$transaction(async (tx) => {
    // Two admins inviting the same address at once: one after the other, so one pending invitation remains.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${"consulta.invitation:" + email}))`;
    const pending = await tx.invitation.findMany({ where: { email, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } }, select: { id: true } });
    if (pending.length > 0) {
      await tx.invitation.updateMany({ where: { id: { in: pending.map((row) => row.id) } }, data: { revokedAt: now } });
      await tx.auditEvent.createMany({
        data: pending.map((row) => ({ actorId: admin.userId, action: "invitation.revoked", entityType: "Invitation", entityId: row.id, data: { reason: "replaced" } })),
      });
    }
    const invitation = await tx.invitation.create({ data: { email, role, tokenHash, invitedById: admin.userId, expiresAt }, select: { id: true } });
    await tx.auditEvent.create({ data: { actorId: admin.userId, action: "invitation.created", entityType: "Invitation", entityId: invitation.id, data: { email, role } } });
    await enqueueMail(tx, {
      to: email,
      template: "staff-invitation",
      locale,
      params: { url: context.invitationUrl(token, locale), role, invitedBy: admin.displayName ?? admin.email ?? "", expiresInDays: INVITATION_DAYS },
    });
    return { id: invitation.id, email, replaced: pending.length };
  });
}
