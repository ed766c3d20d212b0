import type { Prisma, PrismaClient } from "@/lib/db/generated/client";
import type { InputJsonValue } from "@/lib/db/generated/internal/prismaNamespace";

export interface AuthAuditEvent {
  actorId: string | null;
  action: "auth.sign-in" | "auth.sign-in-failed" | "auth.sign-up" | "auth.email-confirmed" | "auth.role-changed";
  userId: string | null;
  data?: Record<string, InputJsonValue | null>;
}

/** Appends to the audit log (AuditEvent is append-only: never updated or deleted here). */
export async function recordAuthEvent(db: PrismaClient | Prisma.TransactionClient, event: AuthAuditEvent): Promise<void> {
  await db.auditEvent.create({
    data: { actorId: event.actorId, action: event.action, entityType: "User", entityId: event.userId, data: (event.data ?? {}) as InputJsonValue },
  });
}
