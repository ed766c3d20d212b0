import type { IncomingMessage } from "node:http";
import { clientIp, clientIpHeader, httpsHeader, isHttpsRequest, resolveClientIp, resolveHttps, stampClientHeaders } from "@/lib/security/client-ip";
import { normaliseIp, parseIpRanges } from "@/lib/security/ip-address";
import { readServerEnv } from "@/lib/config/env";

describe("IP addresses and CIDR ranges", () => {
  test.each([
    ["203.0.113.7", "203.0.113.7"],
    [" 203.0.113.7:51234 ", "203.0.113.7"],
    ["::ffff:203.0.113.7", "203.0.113.7"],
    ["2001:DB8::1", "2001:db8::1"],
    ["[2001:db8::1]:443", "2001:db8::1"],
    ["unknown", null],
    ["203.0.113.300", null],
    ["", null],
  ])("normaliseIp(%j) = %j", (input, expected) => {
    expect(normaliseIp(input)).toBe(expected);
  });

  test("single addresses and ranges, IPv4 and IPv6", () => {
    const ranges = parseIpRanges(" 10.0.0.0/8, 192.168.1.10 ,fd00::/8, ::1");
    expect(ranges.size).toBe(4);
    for (const inside of ["10.0.0.1", "10.255.255.255", "::ffff:10.1.2.3", "192.168.1.10", "fd12:3456::1", "::1"]) expect(ranges.contains(inside)).toBe(true);
    for (const outside of ["11.0.0.1", "192.168.1.11", "fe80::1", "::2", "garbage", ""]) expect(ranges.contains(outside)).toBe(false);
  });

  test("an empty list trusts nobody", () => {
    expect(parseIpRanges(undefined).contains("127.0.0.1")).toBe(false);
    expect(parseIpRanges("").size).toBe(0);
  });

  test.each(["10.0.0.0/33", "fd00::/129", "10.0.0.1/8/8", "10.0.0", "proxy.local", "10.0.0.0/x"])("rejects %j", (entry) => {
    expect(() => parseIpRanges(entry)).toThrow(/Not an IP|Invalid prefix/);
  });

  test("the environment refuses a malformed TRUSTED_PROXIES and accepts a good one", () => {
    const env = (variables: Record<string, string>) => ({ NODE_ENV: "test", ...variables }) as NodeJS.ProcessEnv;
    expect(() => readServerEnv(env({ TRUSTED_PROXIES: "10.0.0.0/8, nonsense" }))).toThrow(/TRUSTED_PROXIES/);
    expect(readServerEnv(env({ TRUSTED_PROXIES: "10.0.0.0/8, ::1" })).TRUSTED_PROXIES).toBe("10.0.0.0/8, ::1");
    expect(readServerEnv(env({})).TRUSTED_PROXIES).toBe("");
    expect(() => readServerEnv(env({ PUBLIC_URL: "ftp://example.org" }))).toThrow(/PUBLIC_URL/);
    expect(readServerEnv(env({ PUBLIC_URL: "https://consulta.example" })).PUBLIC_URL).toBe("https://consulta.example");
  });
});

describe("the client address", () => {
  const proxies = parseIpRanges("10.0.0.0/8, 2001:db8:ffff::/48");

  test("a client talking to us directly is the socket peer, whatever X-Forwarded-For says", () => {
    expect(resolveClientIp("198.51.100.4", "1.2.3.4", proxies)).toBe("198.51.100.4");
    expect(resolveClientIp("::ffff:198.51.100.4", "10.0.0.1, 1.2.3.4", proxies)).toBe("198.51.100.4");
    expect(resolveClientIp("198.51.100.4", "1.2.3.4", parseIpRanges(""))).toBe("198.51.100.4");
  });

  test("behind a trusted proxy, the hop the proxy saw", () => {
    expect(resolveClientIp("10.0.0.5", "198.51.100.4", proxies)).toBe("198.51.100.4");
    expect(resolveClientIp("10.0.0.5", undefined, proxies)).toBe("10.0.0.5");
  });

  test("addresses the client prepended to X-Forwarded-For are skipped: walking stops at the first untrusted hop", () => {
    // The client sent "X-Forwarded-For: 1.1.1.1, 10.0.0.9"; the edge proxy appended the real address.
    expect(resolveClientIp("10.0.0.5", "1.1.1.1, 10.0.0.9, 198.51.100.4, 10.0.0.7", proxies)).toBe("198.51.100.4");
    expect(resolveClientIp("2001:db8:ffff::1", "2001:db8:1::99, 2001:db8:ffff::2", proxies)).toBe("2001:db8:1::99");
  });

  test("a garbage hop yields the last trusted proxy, never a client-chosen string", () => {
    expect(resolveClientIp("10.0.0.5", "198.51.100.4, not-an-ip", proxies)).toBe("10.0.0.5");
    expect(resolveClientIp("10.0.0.5", "10.0.0.6, <script>", proxies)).toBe("10.0.0.5");
  });

  test("HTTPS: our own TLS, or X-Forwarded-Proto from a trusted proxy only", () => {
    expect(resolveHttps("198.51.100.4", true, undefined, proxies)).toBe(true);
    expect(resolveHttps("198.51.100.4", false, "https", proxies)).toBe(false);
    expect(resolveHttps("10.0.0.5", false, "https", proxies)).toBe(true);
    expect(resolveHttps("10.0.0.5", false, "http", proxies)).toBe(false);
    expect(resolveHttps("10.0.0.5", false, "https, http", proxies)).toBe(false);
  });
});

describe("stampClientHeaders (server.ts, before Next)", () => {
  const incoming = (remoteAddress: string, headers: Record<string, string>) =>
    ({ socket: { remoteAddress }, headers: { ...headers } }) as unknown as IncomingMessage;

  test("overwrites forged client-IP and HTTPS headers from an untrusted peer", () => {
    const request = incoming("198.51.100.4", { [clientIpHeader]: "1.2.3.4", [httpsHeader]: "1", "x-forwarded-for": "5.6.7.8", "x-forwarded-proto": "https" });
    stampClientHeaders(request, parseIpRanges(""));
    const headers = new Headers(request.headers as Record<string, string>);
    expect(clientIp(headers)).toBe("198.51.100.4");
    expect(isHttpsRequest(headers)).toBe(false);
  });

  test("behind a trusted proxy: the forwarded client and scheme", () => {
    const request = incoming("10.0.0.5", { "x-forwarded-for": "198.51.100.4", "x-forwarded-proto": "https" });
    stampClientHeaders(request, parseIpRanges("10.0.0.0/8"));
    const headers = new Headers(request.headers as Record<string, string>);
    expect(clientIp(headers)).toBe("198.51.100.4");
    expect(isHttpsRequest(headers)).toBe(true);
  });

  test("outside the custom server the address is unknown, not guessed from client headers", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "1.2.3.4" }))).toBe("unknown");
  });
});
