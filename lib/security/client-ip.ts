import type { IncomingMessage } from "node:http";
import { type IpRanges, normaliseIp, parseIpRanges } from "./ip-address";

/**
 * Who is asking. The custom server (server.ts) works this out from the socket and writes it
 * into headers it owns, overwriting whatever the client sent; Next code only reads them.
 */
export const clientIpHeader = "x-consulta-client-ip";
/** "1" when the client reached us over HTTPS (directly or via a trusted proxy); absent otherwise. */
export const httpsHeader = "x-consulta-https";

/**
 * The client address: the socket peer, unless the peer is a trusted proxy — then X-Forwarded-For
 * is read from the right (each trusted proxy appends the address it saw) and the first hop that
 * is not itself trusted is the client. Anything left of that hop was written by the client and
 * is ignored, so a spoofed header cannot change the address.
 */
export function resolveClientIp(peer: string, forwardedFor: string | undefined, trusted: IpRanges): string {
  let current = normaliseIp(peer) ?? peer;
  if (!trusted.contains(current) || !forwardedFor) return current;
  const hops = forwardedFor.split(",").map((hop) => hop.trim()).filter(Boolean);
  for (let index = hops.length - 1; index >= 0; index--) {
    const hop = normaliseIp(hops[index] ?? "");
    // A malformed hop: keep the last trusted proxy's address rather than a client-chosen string.
    if (hop === null) return current;
    current = hop;
    if (!trusted.contains(hop)) return hop;
  }
  return current;
}

/** Whether the request came over HTTPS: our own TLS socket, or X-Forwarded-Proto from a trusted proxy. */
export function resolveHttps(peer: string, encrypted: boolean, forwardedProto: string | undefined, trusted: IpRanges): boolean {
  if (encrypted) return true;
  if (!forwardedProto || !trusted.contains(peer)) return false;
  // The proxy closest to us appends last.
  return forwardedProto.split(",").at(-1)?.trim().toLowerCase() === "https";
}

const single = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value.join(",") : value);

/** Called by server.ts for every request before Next sees it. */
export function stampClientHeaders(request: IncomingMessage, trusted: IpRanges): void {
  const peer = request.socket.remoteAddress ?? "";
  const encrypted = "encrypted" in request.socket && request.socket.encrypted === true;
  request.headers[clientIpHeader] = resolveClientIp(peer, single(request.headers["x-forwarded-for"]), trusted);
  if (resolveHttps(peer, encrypted, single(request.headers["x-forwarded-proto"]), trusted)) request.headers[httpsHeader] = "1";
  else delete request.headers[httpsHeader];
}

/** The client address for route handlers and server actions ("unknown" outside server.ts, e.g. `next dev`). */
export function clientIp(headers: Headers): string {
  return headers.get(clientIpHeader) ?? "unknown";
}

export function isHttpsRequest(headers: Headers): boolean {
  return headers.get(httpsHeader) === "1";
}

export { parseIpRanges };
