import type { AppErrorCode } from "@/lib/errors/app-error";
import type { LiveEvent, LiveGuestRequestView, LiveSnapshot, LiveTally, LiveVoteAck } from "./live.types";

/**
 * What travels on the "/live" Socket.IO namespace (lib/live/live-socket-server.ts ↔ the views'
 * client). Plain types only: the browser code may import this file.
 *
 * Every client → server event carries one object payload and an acknowledgement callback:
 *   socket.emit("vote:cast", { … }, (ack: LiveAck<{ vote: LiveVoteAck }>) => …)
 * The server sends `event` (a state change after its commit), `tally` (coalesced, at most one per
 * session every 150 ms per instance; keep the newest asOf), `presence`, and to hosts `guests` (the
 * guests waiting to be admitted, whenever that list changes and when a host joins).
 *
 * Events: apply seq = last + 1; ignore seq ≤ last (already had it: the room and a replay may both
 * bring one); on a gap (seq > last + 1: two changes committed at once may arrive swapped, or the
 * connection dropped), send session:join { sessionId, lastSeq: last } — the answer is the missed
 * events, or a snapshot when too many were missed. Do the same after every reconnection. Events
 * that arrive before a join's answer: keep them, and apply those with seq > the answer's lastSeq.
 * A command sent without an acknowledgement callback is ignored.
 */
export const LIVE_NAMESPACE = "/live";

/** Handshake refusals: `connect_error` with error.message one of these. */
export type LiveHandshakeRefusal = "origin" | "unauthenticated";

export interface LiveAckError {
  code: AppErrorCode | "INTERNAL";
  /** In the actor's language. */
  message: string;
  /** Field → message (in the actor's language), for VALIDATION errors. */
  fields?: Record<string, string>;
}

export type LiveAck<T extends object = object> = ({ ok: true } & T) | { ok: false; error: LiveAckError };

/** session:join answers the whole state, or (reconnect with lastSeq, ≤ 500 missed) only the events missed. */
export type LiveJoinAck = LiveAck<{ snapshot: LiveSnapshot } | { events: LiveEvent[] }>;

/** Host commands answer their result (selectLiveItem: the item; startLiveSession: { sessionId, joinCode }) and their events. */
export type LiveCommandAck<R = unknown> = LiveAck<{ result: R; events: LiveEvent[] }>;

export type LiveVoteCastAck = LiveAck<{ vote: LiveVoteAck }>;

/** guest:decide { sessionId, requestId, admit } (hosts): the guests still waiting. */
export type LiveGuestDecideAck = LiveAck<{ guests: LiveGuestRequestView[] }>;

export type LiveHostCommand =
  | "item:select"
  | "voting:open"
  | "voting:close"
  | "results:show"
  | "session:pause"
  | "session:resume"
  | "session:end"
  | "paper:tally";

export interface LivePresence {
  /** People (distinct accounts) connected to the session, on every instance. */
  connected: number;
}

export interface LiveServerToClientEvents {
  event: (event: LiveEvent) => void;
  tally: (tally: LiveTally) => void;
  presence: (presence: LivePresence) => void;
  guests: (guests: LiveGuestRequestView[]) => void;
  /** The instance is shutting down: the connection drops next; reconnect (to another instance) and rejoin with lastSeq. */
  shutdown: (notice: { reconnect: true }) => void;
}
