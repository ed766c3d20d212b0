import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { appendLiveEvent } from "./live-events";
import { requireNotEnded, runLiveCommand } from "./live-session-lock";
import { requireLiveHost } from "./live.policy";
import { liveSessionCommandSchema, parseLiveInput } from "./live.schemas";
import type { LiveChange } from "./live.types";

/**
 * The host shows the current item's results to the room: from then on participants receive its
 * tally too (hosts always do). It may happen while voting is still open (the room watches it move).
 * Showing them again changes nothing (no event).
 */
export async function showLiveResults(db: PrismaClient, actor: Actor | null, input: unknown): Promise<LiveChange> {
  requireLiveHost(actor);
  const { sessionId } = parseLiveInput(liveSessionCommandSchema, input);
  return runLiveCommand(db, sessionId, async (tx, session, events) => {
    requireNotEnded(session);
    if (!session.current) throw new AppError("CONFLICT", "live.errors.noCurrentItem");
    if (session.current.resultsShownAt) return;
    await tx.liveItem.update({ where: { id: session.current.id }, data: { resultsShownAt: new Date() } });
    events.push(await appendLiveEvent(tx, session.id, "results.shown", { itemId: session.current.id }));
  });
}
