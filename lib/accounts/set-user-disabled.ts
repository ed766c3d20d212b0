import type { PrismaClient } from "@/lib/db/client";
import { type Actor, requireRole, revokeAllSessions } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { assertNotLastActiveAdmin, lockAdminChanges } from "./admin-guard";

/**
 * Admin only: disables an account (it can no longer sign in, every session ends) or enables it
 * again. Audited. An admin cannot disable themselves, nor the last active admin.
 */
export async function setUserDisabled(db: PrismaClient, actor: Actor | null, userId: string, disabled: boolean): Promise<void> {
  const admin = requireRole(actor, "ADMIN");
  if (userId === admin.userId) throw new AppError("FORBIDDEN", "admin.errors.ownAccount");
  const changed = await db.$transaction(async (tx) => {
    await lockAdminChanges(tx);
    const user = await tx.user.findUnique({ where: { id: userId }, select: { disabledAt: true } });
    if (!user) throw new AppError("NOT_FOUND", "admin.errors.userNotFound");
    if (Boolean(user.disabledAt) === disabled) return false;
    if (disabled) await assertNotLastActiveAdmin(tx, userId);
    await tx.user.update({ where: { id: userId }, data: { disabledAt: disabled ? new Date() : null } });
    await tx.auditEvent.create({ data: { actorId: admin.userId, action: disabled ? "auth.user-disabled" : "auth.user-enabled", entityType: "User", entityId: userId } });
    return true;
  });
  // getSession already refuses a disabled user; ending the sessions also shows in their session list and the audit log.
  if (changed && disabled) await revokeAllSessions(db, admin, userId);
}
