import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { appendLiveEvent } from "./live-events";
import { loadLiveItemViews } from "./live-item-view";
import { isVotingOpen, requireNotEnded, runLiveCommand } from "./live-session-lock";
import { requireLiveHost } from "./live.policy";
import { parseLiveInput, selectLiveItemSchema } from "./live.schemas";
import type { LiveChange, LiveItemView } from "./live.types";

/**
 * The host puts an item under discussion: a measure of the revision the round consults, or a
 * proposal of the round (not withdrawn, not hidden by moderation). Voting on the previous item, if
 * open, closes first (its own event); the new item comes next in order and becomes the current one.
 */
export async function selectLiveItem(db: PrismaClient, actor: Actor | null, input: unknown): Promise<LiveChange<LiveItemView>> {
  requireLiveHost(actor);
  const data = parseLiveInput(selectLiveItemSchema, input);
  return runLiveCommand(db, data.sessionId, async (tx, session, events) => {
    requireNotEnded(session);
    if (data.measureId) {
      const version = await tx.measureVersion.findUnique({ where: { measureId_revisionId: { measureId: data.measureId, revisionId: session.revisionId } }, select: { id: true } });
      if (!version) throw new AppError("NOT_FOUND", "live.errors.itemNotInRound");
    } else {
      const proposal = await tx.proposal.findFirst({
        where: { id: data.proposalId, roundId: session.roundId, status: { not: "WITHDRAWN" }, moderation: { not: "HIDDEN" } },
        select: { id: true },
      });
      if (!proposal) throw new AppError("NOT_FOUND", "live.errors.itemNotInRound");
    }

    const now = new Date();
    if (session.current && isVotingOpen(session.current)) {
      await tx.liveItem.update({ where: { id: session.current.id }, data: { votingClosedAt: now } });
      events.push(await appendLiveEvent(tx, session.id, "voting.closed", { itemId: session.current.id }));
    }
    const last = await tx.liveItem.aggregate({ where: { sessionId: session.id }, _max: { position: true } });
    const item = await tx.liveItem.create({
      data: {
        sessionId: session.id,
        position: (last._max.position ?? 0) + 1,
        kind: data.measureId ? "MEASURE" : "PROPOSAL",
        measureId: data.measureId ?? null,
        proposalId: data.proposalId ?? null,
        selectedAt: now,
      },
      select: { id: true },
    });
    await tx.liveSession.update({ where: { id: session.id }, data: { currentItemId: item.id } });
    const [view] = await loadLiveItemViews(tx, session.revisionId, { id: item.id });
    if (!view) throw new Error("selectLiveItem: the new item is gone");
    events.push(await appendLiveEvent(tx, session.id, "item.selected", { item: view }));
    return view;
  });
}
