"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { type Socket, io } from "socket.io-client";
import type { VoteChoice } from "@/lib/db/generated/enums";
import type { LiveEvent, LiveGuestRequestView, LiveItemView, LiveSnapshot, LiveTally, LiveVoteAck } from "@/lib/live/live.types";

/**
 * The browser side of a live session (console, projector, participant): one Socket.IO connection
 * to the "/live" namespace. It joins with the last sequence number it saw (on every connect, so a
 * reconnect gets what it missed), keeps the snapshot up to date by applying events in order (a
 * gap asks again), keeps the newest tally, and sends votes with a client-generated id: votes not
 * acknowledged yet wait in a queue (kept in sessionStorage too) and are sent again on reconnect;
 * the server applies a clientVoteId once. Hosts also receive the guests waiting to be admitted.
 */
export type LiveConnection = "connected" | "reconnecting" | "offline";

export type LiveAck<T = Record<string, unknown>> =
  | ({ ok: true } & T)
  | { ok: false; error: { code: string; message: string; fields?: Record<string, string> } };

export interface QueuedVote {
  clientVoteId: string;
  sessionId: string;
  itemId: string;
  choice: VoteChoice;
  priority: number | null;
}

/** The person's last vote on an item, as this page knows it. */
export interface OwnVote {
  itemId: string;
  choice: VoteChoice;
  priority: number | null;
  state: "recorded" | "queued" | "refused";
  message?: string;
}

export interface LiveSessionState {
  snapshot: LiveSnapshot | null;
  tally: LiveTally | null;
  connection: LiveConnection;
  /** People connected to the session (presence broadcasts), null until the first one. */
  connected: number | null;
  /** Why joining failed (code or message from the server), null when joined. */
  joinError: string | null;
  /** Own votes by item id. */
  votes: Record<string, OwnVote>;
  /** Guests waiting to be admitted (hosts only: others never receive the list). */
  guests: LiveGuestRequestView[];
  /** A host admits or refuses a waiting guest; the answer carries the guests still waiting. */
  decideGuest: (requestId: string, admit: boolean) => Promise<LiveAck<{ guests: LiveGuestRequestView[] }>>;
  send: <T = Record<string, unknown>>(command: string, payload: Record<string, unknown>) => Promise<LiveAck<T>>;
  vote: (choice: VoteChoice, priority: number | null) => void;
}

const ACK_TIMEOUT_MS = 8000;

type JoinTarget = { code: string } | { sessionId: string };

function queueKey(target: JoinTarget): string {
  return `consulta.live.votes.${"code" in target ? target.code : target.sessionId}`;
}

function readQueue(key: string): QueuedVote[] {
  try {
    const raw = window.sessionStorage.getItem(key);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? (parsed as QueuedVote[]) : [];
  } catch {
    return [];
  }
}

function writeQueue(key: string, queue: QueuedVote[]): void {
  try {
    if (queue.length === 0) window.sessionStorage.removeItem(key);
    else window.sessionStorage.setItem(key, JSON.stringify(queue));
  } catch {
    // Private mode or full storage: the queue still lives in memory.
  }
}

/** The snapshot after one event (the events carry little; the snapshot is the whole truth). */
export function applyLiveEvent(snapshot: LiveSnapshot, event: LiveEvent): LiveSnapshot {
  const session = { ...snapshot.session, lastSeq: event.seq };
  const itemId = typeof event.payload.itemId === "string" ? event.payload.itemId : snapshot.currentItem?.id;
  const patchCurrent = (patch: Partial<LiveItemView>): Pick<LiveSnapshot, "currentItem" | "items"> => {
    if (!snapshot.currentItem || snapshot.currentItem.id !== itemId) return { currentItem: snapshot.currentItem, items: snapshot.items };
    const currentItem = { ...snapshot.currentItem, ...patch };
    return { currentItem, items: snapshot.items.map((item) => (item.id === currentItem.id ? currentItem : item)) };
  };
  switch (event.type) {
    case "session.started":
      return { ...snapshot, session: { ...session, status: "RUNNING" } };
    case "session.paused":
      return { ...snapshot, session: { ...session, status: "PAUSED" } };
    case "session.resumed":
      return { ...snapshot, session: { ...session, status: "RUNNING" } };
    case "session.ended":
      return { ...snapshot, session: { ...session, status: "ENDED" }, ...patchCurrent({ votingOpen: false }) };
    case "item.selected": {
      const item = event.payload.item as LiveItemView | undefined;
      if (!item) return { ...snapshot, session };
      const previous = snapshot.items.map((known) => (known.votingOpen ? { ...known, votingOpen: false } : known)).filter((known) => known.id !== item.id);
      return { ...snapshot, session, currentItem: item, tally: null, items: [...previous, item].sort((a, b) => a.position - b.position) };
    }
    case "voting.opened":
      return { ...snapshot, session, ...patchCurrent({ votingOpen: true }) };
    case "voting.closed":
      return { ...snapshot, session, ...patchCurrent({ votingOpen: false }) };
    case "results.shown":
      return { ...snapshot, session, ...patchCurrent({ resultsShown: true, votingOpen: false }) };
    default:
      return { ...snapshot, session };
  }
}

function newerTally(current: LiveTally | null, next: LiveTally | null | undefined): LiveTally | null {
  if (!next) return current;
  if (!current || current.itemId !== next.itemId) return next;
  return Date.parse(next.asOf) >= Date.parse(current.asOf) ? next : current;
}

function randomId(): string {
  if (typeof crypto !== "undefined" && typeof crypto.randomUUID === "function") return crypto.randomUUID();
  // crypto.randomUUID needs a secure context; a plain-http LAN address has only getRandomValues.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function useLiveSession(target: JoinTarget, initial: LiveSnapshot | null, labels: { unavailable: string }, initialGuests: LiveGuestRequestView[] = []): LiveSessionState {
  const [snapshot, setSnapshot] = useState<LiveSnapshot | null>(initial);
  const [tally, setTally] = useState<LiveTally | null>(initial?.tally ?? null);
  const [connection, setConnection] = useState<LiveConnection>("reconnecting");
  const [connected, setConnected] = useState<number | null>(null);
  const [joinError, setJoinError] = useState<string | null>(null);
  const [votes, setVotes] = useState<Record<string, OwnVote>>({});
  const [guests, setGuests] = useState<LiveGuestRequestView[]>(initialGuests);

  const socketRef = useRef<Socket | null>(null);
  const snapshotRef = useRef<LiveSnapshot | null>(initial);
  const pendingRef = useRef<LiveEvent[]>([]);
  const queueRef = useRef<QueuedVote[]>([]);
  const sendingRef = useRef<Set<string>>(new Set());
  const flushRef = useRef<() => void>(() => {});
  const targetKey = "code" in target ? `code:${target.code}` : `session:${target.sessionId}`;
  const queueKeyRef = useRef<string | null>(null);
  const { unavailable } = labels;

  const setSnap = useCallback((next: LiveSnapshot) => {
    snapshotRef.current = next;
    setSnapshot(next);
  }, []);

  const send = useCallback(async <T = Record<string, unknown>,>(command: string, payload: Record<string, unknown>): Promise<LiveAck<T>> => {
    const socket = socketRef.current;
    if (!socket || !socket.connected) return { ok: false, error: { code: "UNAVAILABLE", message: unavailable } };
    try {
      return (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(command, payload)) as LiveAck<T>;
    } catch {
      return { ok: false, error: { code: "UNAVAILABLE", message: unavailable } };
    }
  }, [unavailable]);

  useEffect(() => {
    const joinTarget: JoinTarget = targetKey.startsWith("code:") ? { code: targetKey.slice(5) } : { sessionId: targetKey.slice(8) };
    const key = queueKey(joinTarget);
    queueKeyRef.current = key;
    queueRef.current = readQueue(key);
    if (queueRef.current.length > 0) {
      setVotes((known) => {
        const next = { ...known };
        for (const queued of queueRef.current) next[queued.itemId] = { itemId: queued.itemId, choice: queued.choice, priority: queued.priority, state: "queued" };
        return next;
      });
    }

    const socket = io("/live", { path: "/socket.io", withCredentials: true, transports: ["websocket", "polling"] });
    socketRef.current = socket;
    let disposed = false;

    /** Events in seq order from lastSeq + 1; a gap asks the server again. */
    const drain = () => {
      const current = snapshotRef.current;
      if (!current) return;
      let next = current;
      const pending = pendingRef.current.filter((event) => event.seq > next.session.lastSeq).sort((a, b) => a.seq - b.seq);
      while (pending.length > 0 && pending[0]!.seq === next.session.lastSeq + 1) {
        const event = pending.shift()!;
        const before = next;
        next = applyLiveEvent(next, event);
        if (event.type === "item.selected") setTally(null);
        // Results just shown to someone who had no tally: the snapshot brings it.
        if (event.type === "results.shown" && !before.currentItem?.resultsShown) void join(true);
      }
      pendingRef.current = pending;
      if (next !== current) setSnap(next);
      if (pending.length > 0) void join(false);
    };

    const join = async (fresh: boolean) => {
      const current = snapshotRef.current;
      const payload: Record<string, unknown> = current ? { sessionId: current.session.id } : { ...joinTarget };
      if (current && !fresh) payload.lastSeq = current.session.lastSeq;
      let ack: LiveAck<{ snapshot?: LiveSnapshot; events?: LiveEvent[] }>;
      try {
        ack = (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck("session:join", payload)) as typeof ack;
      } catch {
        return;
      }
      if (disposed) return;
      if (!ack.ok) {
        setJoinError(ack.error.message || ack.error.code);
        return;
      }
      setJoinError(null);
      if (ack.snapshot) {
        setSnap(ack.snapshot);
        const fresh = ack.snapshot;
        setTally((known) => (fresh.tally ? newerTally(known, fresh.tally) : known && known.itemId === fresh.currentItem?.id ? known : null));
      }
      if (ack.events && ack.events.length > 0) {
        pendingRef.current = [...pendingRef.current, ...ack.events];
        drain();
      }
      void flushQueue();
    };

    const flushQueue = async () => {
      for (const queued of [...queueRef.current]) {
        if (sendingRef.current.has(queued.clientVoteId) || !socket.connected) continue;
        sendingRef.current.add(queued.clientVoteId);
        void sendVote(queued).finally(() => sendingRef.current.delete(queued.clientVoteId));
      }
    };

    const sendVote = async (queued: QueuedVote) => {
      let ack: LiveAck<Partial<LiveVoteAck>>;
      try {
        const { clientVoteId, sessionId, itemId, choice, priority } = queued;
        ack = (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck("vote:cast", { sessionId, itemId, choice, ...(priority ? { priority } : {}), clientVoteId })) as typeof ack;
      } catch {
        return; // No answer: it stays queued and goes again on reconnect.
      }
      if (disposed) return;
      queueRef.current = queueRef.current.filter((known) => known.clientVoteId !== queued.clientVoteId);
      writeQueue(key, queueRef.current);
      // A newer vote on the same item may have replaced this one meanwhile: that one decides what is shown.
      if (queueRef.current.some((known) => known.itemId === queued.itemId)) return;
      setVotes((known) => ({
        ...known,
        [queued.itemId]: ack.ok
          ? { itemId: queued.itemId, choice: queued.choice, priority: queued.priority, state: "recorded" }
          : { itemId: queued.itemId, choice: queued.choice, priority: queued.priority, state: "refused", message: ack.error.message },
      }));
    };

    socket.on("connect", () => {
      setConnection("connected");
      void join(false);
    });
    // An instance shutting down says so, then drops the connection: socket.io-client reconnects by
    // itself (through the proxy, to another instance), joins with lastSeq and resends queued votes.
    socket.on("shutdown", () => setConnection("reconnecting"));
    let retry: ReturnType<typeof setTimeout> | undefined;
    socket.on("disconnect", (reason: Socket.DisconnectReason) => {
      setConnection(navigator.onLine ? "reconnecting" : "offline");
      // A disconnect decided by the server is not retried by socket.io-client: try again after a
      // moment (a refused session ends in connect_error "unauthenticated", which stops there).
      if (reason === "io server disconnect" && navigator.onLine) {
        clearTimeout(retry);
        retry = setTimeout(() => {
          if (!disposed && !socket.connected) socket.connect();
        }, 1000 + Math.random() * 2000);
      }
    });
    socket.on("connect_error", (error: Error) => {
      setConnection(navigator.onLine ? "reconnecting" : "offline");
      if (error.message === "unauthenticated" || error.message === "origin") setJoinError(error.message);
    });
    socket.io.on("reconnect_failed", () => setConnection("offline"));
    socket.on("event", (event: LiveEvent) => {
      pendingRef.current.push(event);
      drain();
    });
    socket.on("tally", (next: LiveTally) => {
      if (snapshotRef.current?.currentItem && next.itemId !== snapshotRef.current.currentItem.id) return;
      setTally((known) => newerTally(known, next));
    });
    socket.on("presence", (presence: { connected?: number }) => {
      if (typeof presence?.connected === "number") setConnected(presence.connected);
    });
    socket.on("guests", (list: LiveGuestRequestView[]) => {
      if (Array.isArray(list)) setGuests(list);
    });
    // Without a network the socket is closed at once (rather than after a ping timeout), so votes
    // queue from the first moment; back online, it connects again, joins with lastSeq and sends them.
    const offline = () => {
      socket.disconnect();
      setConnection("offline");
    };
    const online = () => {
      setConnection("reconnecting");
      if (!socket.connected) socket.connect();
    };
    window.addEventListener("offline", offline);
    window.addEventListener("online", online);

    flushRef.current = () => void flushQueue();

    return () => {
      disposed = true;
      clearTimeout(retry);
      window.removeEventListener("offline", offline);
      window.removeEventListener("online", online);
      socket.removeAllListeners();
      socket.disconnect();
      socketRef.current = null;
      flushRef.current = () => {};
    };
  }, [targetKey, setSnap]);

  const vote = useCallback((choice: VoteChoice, priority: number | null) => {
    const current = snapshotRef.current;
    const item = current?.currentItem;
    if (!current || !item) return;
    const queued: QueuedVote = { clientVoteId: randomId(), sessionId: current.session.id, itemId: item.id, choice, priority };
    // A newer vote on the same item replaces a queued older one.
    queueRef.current = [...queueRef.current.filter((known) => known.itemId !== item.id), queued];
    if (queueKeyRef.current) writeQueue(queueKeyRef.current, queueRef.current);
    setVotes((known) => ({ ...known, [item.id]: { itemId: item.id, choice, priority, state: "queued" } }));
    flushRef.current();
  }, []);

  const decideGuest = useCallback(async (requestId: string, admit: boolean) => {
    const sessionId = snapshotRef.current?.session.id;
    const ack = await send<{ guests: LiveGuestRequestView[] }>("guest:decide", { sessionId, requestId, admit });
    if (ack.ok && Array.isArray(ack.guests)) setGuests(ack.guests);
    return ack;
  }, [send]);

  return { snapshot, tally, connection, connected, joinError, votes, guests, decideGuest, send, vote };
}
