import type { PrismaClient } from "@/lib/db/client";
import { type Actor, requireRole } from "@/lib/auth/session";
import { parseInput } from "@/lib/auth/auth.schemas";
import { AppError } from "@/lib/errors/app-error";
import { invitationTargetSchema } from "./accounts.schemas";

/** Admin only: revokes a pending invitation (its link stops working at once). Audited. */
export async function revokeInvitation(db: PrismaClient, actor: Actor | null, input: unknown): Promise<void> {
  const admin = requireRole(actor, "ADMIN");
  const { invitationId } = parseInput(invitationTargetSchema, input);
  await db.$transaction(async (tx) => {
    const now = new Date();
    // The where clause decides: an invitation accepted or revoked meanwhile is not touched.
    const { count } = await tx.invitation.updateMany({ where: { id: invitationId, acceptedAt: null, revokedAt: null }, data: { revokedAt: now } });
    if (count !== 1) {
      const exists = await tx.invitation.count({ where: { id: invitationId } });
      throw exists ? new AppError("CONFLICT", "invitations.errors.notPending") : new AppError("NOT_FOUND", "invitations.errors.notFound");
    }
    await tx.auditEvent.create({ data: { actorId: admin.userId, action: "invitation.revoked", entityType: "Invitation", entityId: invitationId, data: { reason: "admin" } } });
  });
}
