/**
 * Votes that reach the server outside Socket.IO (the participant page's plain form, without
 * JavaScript) ask the socket server for a tally broadcast here. server.ts and the Next bundle
 * load separate copies of lib/ modules, so they meet on globalThis; with no socket server attached
 * (tests of the domain, scripts) a request does nothing.
 */
type TallyRequestHandler = (sessionId: string) => void;

const registry = globalThis as typeof globalThis & { __consultaLiveTallyRequests?: TallyRequestHandler };

export function handleLiveTallyRequests(handler: TallyRequestHandler | undefined): void {
  registry.__consultaLiveTallyRequests = handler;
}

export function requestLiveTally(sessionId: string): void {
  registry.__consultaLiveTallyRequests?.(sessionId);
}
