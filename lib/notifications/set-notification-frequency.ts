import type { PrismaClient } from "@/lib/db/client";
import type { NotificationFrequency } from "@/lib/db/generated/enums";
import { parseInput } from "@/lib/auth/auth.schemas";
import { type Actor, requireUser } from "@/lib/auth/session";
import { frequencyInputSchema } from "./notifications.schemas";

/**
 * Each person chooses, for their own account only, how they hear about things: a mail at once,
 * one daily digest, or nothing. Choosing nothing also drops what was waiting for the digest.
 */
export async function setNotificationFrequency(db: PrismaClient, actor: Actor | null, input: unknown): Promise<{ frequency: NotificationFrequency }> {
  const user = requireUser(actor);
  const { frequency } = parseInput(frequencyInputSchema, input);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.userId }, data: { notificationFrequency: frequency } });
    if (frequency === "NONE") await tx.notification.deleteMany({ where: { userId: user.userId, mailedAt: null } });
  });
  return { frequency };
}

/** The reader's own choice, for the preferences page. */
export async function getNotificationFrequency(db: PrismaClient, actor: Actor | null): Promise<{ frequency: NotificationFrequency; pending: number }> {
  const user = requireUser(actor);
  const row = await db.user.findUniqueOrThrow({ where: { id: user.userId }, select: { notificationFrequency: true, _count: { select: { notifications: { where: { mailedAt: null } } } } } });
  return { frequency: row.notificationFrequency, pending: row._count.notifications };
}
