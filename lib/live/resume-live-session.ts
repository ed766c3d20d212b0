import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/session";
import { appendLiveEvent } from "./live-events";
import { requireNotEnded, runLiveCommand } from "./live-session-lock";
import { requireLiveHost } from "./live.policy";
import { liveSessionCommandSchema, parseLiveInput } from "./live.schemas";
import type { LiveChange } from "./live.types";

/** The host resumes a paused session. Resuming a running one changes nothing. */
export async function resumeLiveSession(db: PrismaClient, actor: Actor | null, input: unknown): Promise<LiveChange> {
  requireLiveHost(actor);
  const { sessionId } = parseLiveInput(liveSessionCommandSchema, input);
  return runLiveCommand(db, sessionId, async (tx, session, events) => {
    requireNotEnded(session);
    if (session.status === "RUNNING") return;
    await tx.liveSession.update({ where: { id: session.id }, data: { status: "RUNNING" } });
    events.push(await appendLiveEvent(tx, session.id, "session.resumed", {}));
  });
}
