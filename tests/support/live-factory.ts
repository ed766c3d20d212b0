/** Live sessions for tests: a round on the seed plan, a meeting of it, and its session started by a facilitator through the service. */
import type { PrismaClient } from "@/lib/db/client";
import type { RoundStatus, StakeholderCategory } from "@/lib/db/generated/enums";
import { type Actor, getSession } from "@/lib/auth/session";
import { checkLiveGuestAdmission } from "@/lib/live/check-live-guest-admission";
import { decideLiveGuest } from "@/lib/live/decide-live-guest";
import { listLiveGuestRequests } from "@/lib/live/list-live-guest-requests";
import { requestLiveGuestAdmission } from "@/lib/live/request-live-guest-admission";
import { startLiveSession } from "@/lib/live/start-live-session";
import { selectLiveItem } from "@/lib/live/select-live-item";
import { openLiveVoting } from "@/lib/live/open-live-voting";
import { createMeeting } from "./participation-factory";
import { type TestRound, createRound, measureId } from "./round-factory";
import { facilitator } from "./scheduling-factory";

export interface TestLiveSession {
  host: Actor;
  round: TestRound;
  meetingId: string;
  sessionId: string;
  joinCode: string;
}

/** A meeting of a fresh round (open now by default) and the facilitator who will run it; no session yet. */
export async function liveMeeting(db: PrismaClient, { status = "OPEN" }: { status?: RoundStatus } = {}): Promise<{ host: Actor; round: TestRound; meetingId: string }> {
  const round = await createRound(db, { status });
  const meetingId = await createMeeting(db, round.id, "Assemblea in diretta");
  return { host: await facilitator(db), round, meetingId };
}

/** A running session of a fresh meeting. */
export async function startedLiveSession(db: PrismaClient, options: { status?: RoundStatus } = {}): Promise<TestLiveSession> {
  const meeting = await liveMeeting(db, options);
  const { result } = await startLiveSession(db, meeting.host, { meetingId: meeting.meetingId });
  return { ...meeting, ...result };
}

/** A running session whose current item is measure `code` of the seed plan, with voting open on it. */
export async function votingOnMeasure(db: PrismaClient, code = "1.1"): Promise<TestLiveSession & { itemId: string; measureId: string }> {
  const live = await startedLiveSession(db);
  const measure = await measureId(db, live.round.planId, code);
  const { result: item } = await selectLiveItem(db, live.host, { sessionId: live.sessionId, measureId: measure });
  await openLiveVoting(db, live.host, { sessionId: live.sessionId });
  return { ...live, itemId: item.id, measureId: measure };
}

let guestAddress = 0;

/** A guest admitted to a fresh live session through the services (request, admission, the browser's pick-up), as an actor. */
export async function liveGuest(db: PrismaClient, category: StakeholderCategory = "CITIZEN"): Promise<Actor & { live: TestLiveSession }> {
  const live = await startedLiveSession(db);
  guestAddress += 1;
  const request = await requestLiveGuestAdmission(db, { code: live.joinCode, displayName: `Ospite ${guestAddress}`, category }, { ipAddress: `100.64.${guestAddress >> 8}.${guestAddress & 255}` });
  const [pending] = await listLiveGuestRequests(db, live.host, live.sessionId);
  await decideLiveGuest(db, live.host, { sessionId: live.sessionId, requestId: pending!.id, admit: true });
  const admission = await checkLiveGuestAdmission(db, request.credential, { ipAddress: null, userAgent: null });
  if (admission?.status !== "ADMITTED") throw new Error("the guest was not admitted");
  const actor = await getSession(db, admission.userSession.sessionId);
  if (!actor) throw new Error("the guest's session does not work");
  return { ...actor, live };
}
