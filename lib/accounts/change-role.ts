import type { PrismaClient } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";
import { changeUserRole } from "@/lib/auth/account";
import { type Actor, requireRole } from "@/lib/auth/session";
import { assertNotLastActiveAdmin, lockAdminChanges } from "./admin-guard";

/**
 * Admin only: changeUserRole (audited, effective on the user's next request) plus the last-admin
 * guard, both in one locked transaction.
 */
export async function changeRoleAsAdmin(db: PrismaClient, actor: Actor | null, userId: string, role: Role): Promise<void> {
  requireRole(actor, "ADMIN");
  await db.$transaction(async (tx) => {
    await lockAdminChanges(tx);
    if (role !== "ADMIN") await assertNotLastActiveAdmin(tx, userId);
    // changeUserRole only uses model delegates, which the transaction client has too.
    await changeUserRole(tx as unknown as PrismaClient, actor, userId, role);
  });
}
