import type { Prisma } from "@/lib/db/generated/client";
import type { InputJsonValue } from "@/lib/db/generated/internal/prismaNamespace";

/** What live sessions write to the audit log (AuditEvent is append-only), beside the rounds module's events. */
export type LiveAuditAction = "live.session-started" | "live.session-ended" | "live.paper-tally-recorded" | "live.guest-admitted" | "live.guest-refused";

export async function recordLiveAudit(
  tx: Prisma.TransactionClient,
  event: { actorId: string; action: LiveAuditAction; sessionId: string; data?: Record<string, InputJsonValue | null> },
): Promise<void> {
  await tx.auditEvent.create({
    data: { actorId: event.actorId, action: event.action, entityType: "LiveSession", entityId: event.sessionId, data: (event.data ?? {}) as InputJsonValue },
  });
}
