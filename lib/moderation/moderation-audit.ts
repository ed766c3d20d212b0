import type { Prisma, PrismaClient } from "@/lib/db/generated/client";
import type { InputJsonValue } from "@/lib/db/generated/internal/prismaNamespace";
import { entityTypeOf } from "./contribution-target";
import type { ContributionTarget } from "./moderation.schemas";

/**
 * The moderation module's entries in the audit log (AuditEvent, append-only). Report reasons stay in
 * the ContentReport rows; the audit records who did what to which contribution, and the public
 * reason of a hide (public anyway). Whatever is shown from here is shown as text, never markup.
 */
export type ModerationAction =
  | "moderation.reported"
  | "moderation.pending-review"
  | "moderation.hidden"
  | "moderation.restored"
  | "moderation.reports-dismissed"
  | "moderation.settings-changed";

type Db = PrismaClient | Prisma.TransactionClient;

export async function recordModerationEvent(
  db: Db,
  event: { actorId: string | null; action: Exclude<ModerationAction, "moderation.settings-changed">; target: ContributionTarget; data?: Record<string, InputJsonValue | null> },
): Promise<void> {
  await db.auditEvent.create({
    data: { actorId: event.actorId, action: event.action, entityType: entityTypeOf[event.target.type], entityId: event.target.id, data: (event.data ?? {}) as InputJsonValue },
  });
}

export async function recordSettingEvent(db: Db, event: { actorId: string; key: string; from: InputJsonValue | null; to: InputJsonValue }): Promise<void> {
  await db.auditEvent.create({
    data: { actorId: event.actorId, action: "moderation.settings-changed", entityType: "Setting", entityId: event.key, data: { from: event.from, to: event.to } as InputJsonValue },
  });
}
