import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/session";
import { appendLiveEvent } from "./live-events";
import { requireNotEnded, runLiveCommand } from "./live-session-lock";
import { requireLiveHost } from "./live.policy";
import { liveSessionCommandSchema, parseLiveInput } from "./live.schemas";
import type { LiveChange } from "./live.types";

/** The host pauses the session: no vote is accepted until it resumes (voting stays as it was). Pausing it again changes nothing. */
export async function pauseLiveSession(db: PrismaClient, actor: Actor | null, input: unknown): Promise<LiveChange> {
  requireLiveHost(actor);
  const { sessionId } = parseLiveInput(liveSessionCommandSchema, input);
  return runLiveCommand(db, sessionId, async (tx, session, events) => {
    requireNotEnded(session);
    if (session.status === "PAUSED") return;
    await tx.liveSession.update({ where: { id: session.id }, data: { status: "PAUSED" } });
    events.push(await appendLiveEvent(tx, session.id, "session.paused", {}));
  });
}
