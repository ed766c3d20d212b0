import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { appendLiveEvent } from "./live-events";
import { isVotingOpen, requireNotEnded, runLiveCommand } from "./live-session-lock";
import { requireLiveHost } from "./live.policy";
import { liveSessionCommandSchema, parseLiveInput } from "./live.schemas";
import type { LiveChange } from "./live.types";

/** The host closes voting on the current item (paused or running). Closing it again changes nothing (no event). */
export async function closeLiveVoting(db: PrismaClient, actor: Actor | null, input: unknown): Promise<LiveChange> {
  requireLiveHost(actor);
  const { sessionId } = parseLiveInput(liveSessionCommandSchema, input);
  return runLiveCommand(db, sessionId, async (tx, session, events) => {
    requireNotEnded(session);
    if (!session.current) throw new AppError("CONFLICT", "live.errors.noCurrentItem");
    if (!session.current.votingOpenedAt) throw new AppError("CONFLICT", "live.errors.votingNotOpened");
    if (!isVotingOpen(session.current)) return;
    await tx.liveItem.update({ where: { id: session.current.id }, data: { votingClosedAt: new Date() } });
    events.push(await appendLiveEvent(tx, session.id, "voting.closed", { itemId: session.current.id }));
  });
}
