/**
 * Changes that reach the server outside Socket.IO ask the socket server for a broadcast here: a
 * vote from the participant page's plain form (without JavaScript) needs a tally, a guest's request
 * to join needs the hosts' list of waiting guests. server.ts and the Next bundle load separate
 * copies of lib/ modules, so they meet on globalThis; with no socket server attached (tests of the
 * domain, scripts) a request does nothing.
 */
export type LiveBroadcastKind = "tally" | "guests";
type BroadcastRequestHandler = (kind: LiveBroadcastKind, sessionId: string) => void;

const registry = globalThis as typeof globalThis & { __consultaLiveBroadcastRequests?: BroadcastRequestHandler };

export function handleLiveBroadcastRequests(handler: BroadcastRequestHandler | undefined): void {
  registry.__consultaLiveBroadcastRequests = handler;
}

export function requestLiveBroadcast(kind: LiveBroadcastKind, sessionId: string): void {
  registry.__consultaLiveBroadcastRequests?.(kind, sessionId);
}
