import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/session";
import { supportableBy } from "./support-proposal";

/** Takes back one's support of an open proposal while the round is open (idempotent). */
export async function withdrawSupport(db: PrismaClient, actor: Actor | null, proposalId: string, now: Date = new Date()): Promise<void> {
  const user = await supportableBy(db, actor, proposalId, now);
  await db.proposalSupport.deleteMany({ where: { proposalId, userId: user.userId } });
}
