import type { Prisma, PrismaClient } from "@/lib/db/generated/client";
import type { NotificationKind } from "@/lib/db/generated/enums";
import type { InputJsonValue } from "@/lib/db/generated/internal/prismaNamespace";

/**
 * What each kind of notification carries. `path` is the unprefixed app path of the thing to open
 * (e.g. "/consultazioni/<id>"); the mail adds the recipient's language prefix and the public address.
 */
export interface NotificationData {
  ROUND_OPENED: { roundId: string; roundTitle: string; closesAt: string; path: string };
  ROUND_CLOSED: { roundId: string; roundTitle: string; path: string };
  COMMENT_REPLY: { roundId: string; commentId: string; replyId: string; path: string };
  PROPOSAL_ANSWERED: { roundId: string; proposalId: string; proposalTitle: string; status: string; path: string };
  CONTRIBUTION_HIDDEN: { contribution: "comment" | "proposal" | "swot"; reason: string; path: string };
}

type Db = PrismaClient | Prisma.TransactionClient;

/**
 * Records a notification for each user who wants them (not NONE, not disabled or erased), in the
 * caller's transaction, so it commits with the change it reports. Delivery — at once or in the
 * daily digest — follows the user's choice (lib/notifications).
 */
export async function notify<K extends NotificationKind>(db: Db, userIds: readonly string[], kind: K, data: NotificationData[K]): Promise<number> {
  if (userIds.length === 0) return 0;
  const recipients = await db.user.findMany({
    where: { id: { in: [...new Set(userIds)] }, notificationFrequency: { not: "NONE" }, disabledAt: null, erasedAt: null },
    select: { id: true },
  });
  if (recipients.length === 0) return 0;
  const { count } = await db.notification.createMany({ data: recipients.map(({ id }) => ({ userId: id, kind, data: data as unknown as InputJsonValue })) });
  return count;
}
