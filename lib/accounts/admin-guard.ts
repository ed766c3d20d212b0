import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";

/**
 * The platform must keep at least one admin who can sign in, or nobody could manage users again.
 * Called inside a transaction that holds the lock below, so two admins demoting or disabling each
 * other at the same moment cannot both succeed.
 */
export async function lockAdminChanges(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('consulta.admin-changes'))`;
}

/** Throws CONFLICT when taking `userId` out of the active admins would leave none. */
export async function assertNotLastActiveAdmin(tx: Prisma.TransactionClient, userId: string): Promise<void> {
  const target = await tx.user.findUnique({ where: { id: userId }, select: { role: true, disabledAt: true, erasedAt: true } });
  if (!target || target.role !== "ADMIN" || target.disabledAt || target.erasedAt) return;
  const others = await tx.user.count({ where: { role: "ADMIN", disabledAt: null, erasedAt: null, id: { not: userId } } });
  if (others === 0) throw new AppError("CONFLICT", "admin.errors.lastAdmin");
}
