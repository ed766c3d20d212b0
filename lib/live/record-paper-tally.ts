import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { recordLiveAudit } from "./live-audit";
import { appendLiveEvent } from "./live-events";
import { requireNotEnded, runLiveCommand } from "./live-session-lock";
import { requireLiveHost } from "./live.policy";
import { parseLiveInput, recordPaperTallySchema } from "./live.schemas";
import type { LiveChange } from "./live.types";

/**
 * The host enters the paper ballots counted in the room for a measure item of the session (the
 * current one, or one discussed earlier): the meeting's PaperTally of that measure, replaced as a
 * whole when entered again. Kept apart from people's votes; tallies and results add it with its
 * source marked. Proposals have no paper tally. Audited, with the counts.
 */
export async function recordPaperTally(db: PrismaClient, actor: Actor | null, input: unknown): Promise<LiveChange> {
  const host = requireLiveHost(actor);
  const data = parseLiveInput(recordPaperTallySchema, input);
  return runLiveCommand(db, data.sessionId, async (tx, session, events) => {
    requireNotEnded(session);
    const item = await tx.liveItem.findFirst({ where: { id: data.itemId, sessionId: session.id }, select: { id: true, kind: true, measureId: true } });
    if (!item) throw new AppError("NOT_FOUND", "live.errors.itemNotFound");
    if (item.kind !== "MEASURE" || !item.measureId) throw new AppError("CONFLICT", "live.errors.paperMeasuresOnly");
    const counts = { support: data.support, oppose: data.oppose, abstain: data.abstain, prioritySum: data.prioritySum, priorityCount: data.priorityCount };
    await tx.paperTally.upsert({
      where: { meetingId_measureId: { meetingId: session.meetingId, measureId: item.measureId } },
      create: { meetingId: session.meetingId, roundId: session.roundId, measureId: item.measureId, enteredById: host.userId, ...counts },
      update: { enteredById: host.userId, ...counts },
    });
    events.push(await appendLiveEvent(tx, session.id, "paper.recorded", { itemId: item.id }));
    await recordLiveAudit(tx, { actorId: host.userId, action: "live.paper-tally-recorded", sessionId: session.id, data: { meetingId: session.meetingId, measureId: item.measureId, ...counts } });
  });
}
