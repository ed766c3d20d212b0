import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { acceptsContributions } from "@/lib/rounds/round-window";
import { appendLiveEvent } from "./live-events";
import { isVotingOpen, requireNotEnded, runLiveCommand } from "./live-session-lock";
import { requireLiveHost } from "./live.policy";
import { liveSessionCommandSchema, parseLiveInput } from "./live.schemas";
import type { LiveChange } from "./live.types";

/**
 * The host opens voting on the current item, while the session runs and the round accepts votes
 * (castVote checks the round again for every vote). Opening it again after closing reopens it;
 * opening it while open changes nothing (no event).
 */
export async function openLiveVoting(db: PrismaClient, actor: Actor | null, input: unknown): Promise<LiveChange> {
  requireLiveHost(actor);
  const { sessionId } = parseLiveInput(liveSessionCommandSchema, input);
  return runLiveCommand(db, sessionId, async (tx, session, events) => {
    requireNotEnded(session);
    if (session.status === "PAUSED") throw new AppError("CONFLICT", "live.errors.sessionPaused");
    if (!session.current) throw new AppError("CONFLICT", "live.errors.noCurrentItem");
    if (!acceptsContributions({ status: session.roundStatus, opensAt: session.opensAt, closesAt: session.closesAt })) {
      throw new AppError("CONFLICT", "live.errors.roundNotOpen");
    }
    if (isVotingOpen(session.current)) return;
    await tx.liveItem.update({ where: { id: session.current.id }, data: { votingOpenedAt: session.current.votingOpenedAt ?? new Date(), votingClosedAt: null } });
    events.push(await appendLiveEvent(tx, session.id, "voting.opened", { itemId: session.current.id }));
  });
}
