import type { Prisma, PrismaClient } from "@/lib/db/generated/client";
import type { NotificationKind } from "@/lib/db/generated/enums";
import type { InputJsonValue } from "@/lib/db/generated/internal/prismaNamespace";
import { isLocale } from "@/lib/i18n/locales";
import { enqueueMails } from "@/lib/mail/enqueue-mail";
import { mailBaseUrl } from "./mail-links";

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
  /** A round's synthesis was published as a new revision of the plan; `path` is the round's "you said, we did" page. */
  REVISION_PUBLISHED: { roundId: string; roundTitle: string; planTitle: string; revisionNumber: number; path: string };
}

/** One notification with its data, typed by kind (what the mail templates render). */
export type NotificationItem = { [K in NotificationKind]: { kind: K; data: NotificationData[K] } }[NotificationKind];

type Db = PrismaClient | Prisma.TransactionClient;

/**
 * Records a notification for each user who wants them (not NONE, not disabled or erased, with an
 * address), in the caller's transaction, so it commits with the change it reports. Users who chose
 * IMMEDIATE get their mail written to the outbox in that same transaction (and the row marked
 * mailed); DAILY_DIGEST rows wait for deliverDailyDigests. Given the plain client rather than a
 * transaction, it opens one itself: rows and mails still commit together.
 */
export async function notify<K extends NotificationKind>(db: Db, userIds: readonly string[], kind: K, data: NotificationData[K]): Promise<number> {
  if (userIds.length === 0) return 0;
  if (isClient(db)) return db.$transaction((tx) => record(tx, userIds, kind, data));
  return record(db, userIds, kind, data);
}

const isClient = (db: Db): db is PrismaClient => typeof (db as { $transaction?: unknown }).$transaction === "function";

async function record<K extends NotificationKind>(db: Prisma.TransactionClient, userIds: readonly string[], kind: K, data: NotificationData[K]): Promise<number> {
  const recipients = await db.user.findMany({
    where: { id: { in: [...new Set(userIds)] }, notificationFrequency: { not: "NONE" }, disabledAt: null, erasedAt: null, email: { not: null } },
    select: { id: true, email: true, locale: true, notificationFrequency: true },
  });
  if (recipients.length === 0) return 0;
  const now = new Date();
  const { count } = await db.notification.createMany({
    data: recipients.map(({ id, notificationFrequency }) => ({ userId: id, kind, data: data as unknown as InputJsonValue, mailedAt: notificationFrequency === "IMMEDIATE" ? now : null })),
  });
  // One INSERT for all the immediate mails (a round opening notifies thousands: a statement per
  // mail would keep the caller's transaction open for seconds).
  const baseUrl = mailBaseUrl();
  const item = { kind, data } as NotificationItem;
  await enqueueMails(
    db,
    recipients
      .filter((recipient) => recipient.notificationFrequency === "IMMEDIATE")
      .map((recipient) => ({ to: recipient.email!, template: "notification" as const, locale: isLocale(recipient.locale) ? recipient.locale : "it", params: { baseUrl, item } })),
  );
  return count;
}
