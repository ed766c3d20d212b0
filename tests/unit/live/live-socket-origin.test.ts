/**
 * The live sockets' handshake helpers: which Origin is accepted (PUBLIC_URL's, else the Host the
 * client used, https only when the connection or a trusted proxy says so), and reading the session
 * cookie from a raw Cookie header.
 */
import type { IncomingMessage } from "node:http";
import { cookieFromHeader } from "@/lib/auth/session-cookie";
import { originAllowed } from "@/lib/live/live-socket-server";
import { parseIpRanges } from "@/lib/security/ip-address";

function request(headers: Record<string, string>, { peer = "203.0.113.9", encrypted = false } = {}): IncomingMessage {
  return { headers, socket: { remoteAddress: peer, ...(encrypted ? { encrypted: true } : {}) } } as unknown as IncomingMessage;
}

const noProxies = parseIpRanges("");
const proxy = parseIpRanges("10.0.0.1");

describe("originAllowed", () => {
  test("PUBLIC_URL decides when configured, whatever the Host", () => {
    expect(originAllowed(request({ origin: "https://consulta.example.it", host: "internal:3000" }), "https://consulta.example.it/", noProxies)).toBe(true);
    expect(originAllowed(request({ origin: "http://consulta.example.it", host: "consulta.example.it" }), "https://consulta.example.it", noProxies)).toBe(false);
    expect(originAllowed(request({ origin: "https://consulta.example.it:8443", host: "consulta.example.it" }), "https://consulta.example.it", noProxies)).toBe(false);
  });

  test("without PUBLIC_URL: the Host, over http unless TLS or a trusted proxy's X-Forwarded-Proto says https", () => {
    expect(originAllowed(request({ origin: "http://localhost:3000", host: "localhost:3000" }), undefined, noProxies)).toBe(true);
    expect(originAllowed(request({ origin: "https://localhost:3000", host: "localhost:3000" }), undefined, noProxies)).toBe(false);
    expect(originAllowed(request({ origin: "https://comune.example", host: "comune.example" }, { encrypted: true }), undefined, noProxies)).toBe(true);
    expect(originAllowed(request({ origin: "https://comune.example", host: "comune.example", "x-forwarded-proto": "https" }, { peer: "10.0.0.1" }), undefined, proxy)).toBe(true);
    // A client's own X-Forwarded-Proto is not believed.
    expect(originAllowed(request({ origin: "https://comune.example", host: "comune.example", "x-forwarded-proto": "https" }), undefined, proxy)).toBe(false);
  });

  test("no Origin, Origin null or garbage, no Host: refused", () => {
    expect(originAllowed(request({ host: "localhost:3000" }), undefined, noProxies)).toBe(false);
    expect(originAllowed(request({ origin: "null", host: "localhost:3000" }), undefined, noProxies)).toBe(false);
    expect(originAllowed(request({ origin: "::::", host: "localhost:3000" }), undefined, noProxies)).toBe(false);
    expect(originAllowed(request({ origin: "http://localhost:3000" }), undefined, noProxies)).toBe(false);
  });
});

describe("cookieFromHeader", () => {
  test("finds one cookie by exact name among others, decoded", () => {
    const header = "theme=dark; __Secure-next-auth.session-token=secure; next-auth.session-token=a%2Bb.c; x=1";
    expect(cookieFromHeader(header, "next-auth.session-token")).toBe("a+b.c");
    expect(cookieFromHeader(header, "__Secure-next-auth.session-token")).toBe("secure");
    expect(cookieFromHeader("next-auth.session-token-old=1", "next-auth.session-token")).toBeUndefined();
    expect(cookieFromHeader(undefined, "next-auth.session-token")).toBeUndefined();
    expect(cookieFromHeader("next-auth.session-token=%E0%A4%A", "next-auth.session-token")).toBe("%E0%A4%A");
  });
});
