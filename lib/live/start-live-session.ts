import { randomInt } from "node:crypto";
import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/session";
import type { LiveSessionStatus, RoundStatus } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";
import { effectiveRoundStatus } from "@/lib/rounds/round-window";
import { lockingTransaction } from "@/lib/rounds/transaction-options";
import { recordLiveAudit } from "./live-audit";
import { appendLiveEvent } from "./live-events";
import { requireLiveHost } from "./live.policy";
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, parseLiveInput, startLiveSessionSchema } from "./live.schemas";
import type { LiveChange, LiveEvent } from "./live.types";

/** Codes tried before giving up (with 31^6 ≈ 887 million codes, a second try is already rare). */
const CODE_ATTEMPTS = 20;

/** A join code from the operating system's cryptographic random source. */
export function generateJoinCode(): string {
  let code = "";
  for (let i = 0; i < JOIN_CODE_LENGTH; i += 1) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

interface MeetingRow {
  cancelledAt: Date | null;
  roundStatus: RoundStatus;
  opensAt: Date;
  closesAt: Date;
  sessionId: string | null;
  joinCode: string | null;
  sessionStatus: LiveSessionStatus | null;
}

/**
 * A host starts the meeting's live session (one per meeting). The meeting must not be cancelled and
 * its round must still be scheduled or open (voting itself needs it open). Starting again while the
 * session runs (or is paused) returns it as it is, with no event; once ended, it cannot start again
 * — its record stays with the meeting. Audited.
 */
export async function startLiveSession(db: PrismaClient, actor: Actor | null, input: unknown): Promise<LiveChange<{ sessionId: string; joinCode: string }>> {
  const host = requireLiveHost(actor);
  const { meetingId } = parseLiveInput(startLiveSessionSchema, input);
  return db.$transaction(async (tx) => {
    // The meeting's lock: two hosts pressing "start" at once get one session.
    const [meeting] = await tx.$queryRaw<MeetingRow[]>`
      SELECT m."cancelledAt", r."status"::text AS "roundStatus", r."opensAt", r."closesAt",
             s."id" AS "sessionId", s."joinCode", s."status"::text AS "sessionStatus"
      FROM "Meeting" m
      JOIN "Round" r ON r."id" = m."roundId"
      LEFT JOIN "LiveSession" s ON s."meetingId" = m."id"
      WHERE m."id" = ${meetingId}::uuid
      FOR UPDATE OF m`;
    if (!meeting) throw new AppError("NOT_FOUND", "live.errors.meetingNotFound");
    if (meeting.sessionId && meeting.joinCode) {
      if (meeting.sessionStatus === "ENDED") throw new AppError("CONFLICT", "live.errors.sessionEnded");
      return { events: [] as LiveEvent[], result: { sessionId: meeting.sessionId, joinCode: meeting.joinCode } };
    }
    if (meeting.cancelledAt) throw new AppError("CONFLICT", "live.errors.meetingCancelled");
    const roundStatus = effectiveRoundStatus({ status: meeting.roundStatus, opensAt: meeting.opensAt, closesAt: meeting.closesAt });
    if (roundStatus !== "OPEN" && roundStatus !== "SCHEDULED") throw new AppError("CONFLICT", "live.errors.roundOver");

    for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt += 1) {
      const joinCode = generateJoinCode();
      // A code already taken inserts nothing (and does not abort the transaction): try another.
      const [created] = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO "LiveSession" ("id", "meetingId", "joinCode", "status", "lastSeq", "startedById", "startedAt")
        VALUES (gen_random_uuid(), ${meetingId}::uuid, ${joinCode}, 'RUNNING', 0, ${host.userId}::uuid, now())
        ON CONFLICT ("joinCode") DO NOTHING
        RETURNING "id"`;
      if (!created) continue;
      const event = await appendLiveEvent(tx, created.id, "session.started", { meetingId });
      await recordLiveAudit(tx, { actorId: host.userId, action: "live.session-started", sessionId: created.id, data: { meetingId } });
      return { events: [event], result: { sessionId: created.id, joinCode } };
    }
    throw new AppError("UNAVAILABLE", "live.errors.codeUnavailable");
  }, lockingTransaction);
}
