import type { LiveItemKind, LiveSessionStatus, StakeholderCategory, VoteChoice } from "@/lib/db/generated/enums";

/**
 * What the live-session services return and the socket server sends: shared by lib/live, the
 * socket server and the three views (console, projector, participant). Plain JSON (dates as ISO
 * strings), so a snapshot can be sent as it is.
 */

export interface LiveTallyCounts {
  support: number;
  oppose: number;
  abstain: number;
  /** Mean priority (1–5) of the votes that gave one; null when none did. */
  priorityMean: number | null;
  total: number;
}

/** The current item's results in the room: live votes and, apart, the paper ballots. */
export interface LiveTally {
  itemId: string;
  /** Whether the host has shown the results to the room (otherwise only hosts receive the tally). */
  resultsShown: boolean;
  live: LiveTallyCounts;
  /** Counted on paper by the facilitator (measure items only); null when none entered. */
  paper: LiveTallyCounts | null;
  /** live + paper. */
  combined: LiveTallyCounts;
  /** When the database computed it (ISO): a client keeps the newest it has seen. */
  asOf: string;
}

export interface LiveItemView {
  id: string;
  position: number;
  kind: LiveItemKind;
  /** The measure (MEASURE items) or the proposal's measure, when it has one. */
  measureId: string | null;
  proposalId: string | null;
  /** "3.12" for a measure; null for a proposal. */
  code: string | null;
  title: string;
  /** The measure's text or the proposal's rationale (plain text, shown as typed). */
  text: string;
  votingOpen: boolean;
  resultsShown: boolean;
}

export interface LiveSnapshot {
  session: {
    id: string;
    joinCode: string;
    status: LiveSessionStatus;
    lastSeq: number;
    meetingId: string;
    meetingTitle: string;
    venue: string;
    roundId: string;
    roundTitle: string;
  };
  currentItem: LiveItemView | null;
  /** Shown to everybody once the host shows results; to hosts always. */
  tally: LiveTally | null;
  /** Items discussed so far, in order. */
  items: LiveItemView[];
}

export type LiveEventType =
  | "session.started"
  | "item.selected"
  | "voting.opened"
  | "voting.closed"
  | "results.shown"
  | "paper.recorded"
  | "session.paused"
  | "session.resumed"
  | "session.ended";

export interface LiveEvent {
  sessionId: string;
  seq: number;
  type: LiveEventType;
  /** For item.selected: { item: LiveItemView }; for others { itemId? } — the snapshot is the whole truth. */
  payload: Record<string, unknown>;
  at: string;
}

/** What a state change returns: its events, to emit after the transaction has committed. */
export interface LiveChange<T = void> {
  events: LiveEvent[];
  result: T;
}

export interface LiveVoteAck {
  itemId: string;
  choice: VoteChoice;
  priority: number | null;
  /** "duplicate": that clientVoteId was applied before; acknowledged, not applied again. */
  outcome: "created" | "changed" | "unchanged" | "duplicate";
}

/** Someone in the room without an account, waiting for a host to admit them (hosts only see these). */
export interface LiveGuestRequestView {
  id: string;
  displayName: string;
  category: StakeholderCategory;
  /** ISO. */
  requestedAt: string;
}

/** Where a guest's request stands, for the browser that made it. */
export type LiveGuestAdmission =
  | { status: "PENDING" | "REFUSED"; joinCode: string; displayName: string }
  /** Admitted: the session for this browser, handed out once (the credential is used up). */
  | { status: "ADMITTED"; joinCode: string; displayName: string; userSession: { sessionId: string; expiresAt: Date } };
