import type { Prisma, PrismaClient } from "@/lib/db/generated/client";
import type { InputJsonValue } from "@/lib/db/generated/internal/prismaNamespace";

/** What the rounds module writes to the audit log (AuditEvent is append-only). */
export type RoundAuditAction =
  | "round.scheduled"
  | "round.updated"
  | "round.opened"
  | "round.closed"
  | "round.synthesis-started"
  | "meeting.scheduled"
  | "meeting.updated"
  | "meeting.cancelled"
  | "meeting.outcome-recorded"
  | "meeting.attendance-recorded";

type Db = PrismaClient | Prisma.TransactionClient;

/** Appends one event; `actorId` is null for the scheduler's own transitions. */
export async function recordRoundEvent(
  db: Db,
  event: { actorId: string | null; action: RoundAuditAction; entityType: "Round" | "Meeting"; entityId: string; data?: Record<string, InputJsonValue | null> },
): Promise<void> {
  await db.auditEvent.create({
    data: { actorId: event.actorId, action: event.action, entityType: event.entityType, entityId: event.entityId, data: (event.data ?? {}) as InputJsonValue },
  });
}
