import { buildContentSecurityPolicy, createNonce, nonceOf } from "@/lib/security/content-security-policy";
import { applyNoStore, baseSecurityHeaders } from "@/lib/security/security-headers";

const directives = (policy: string) => new Map(policy.split("; ").map((part) => [part.split(" ")[0], part.split(" ").slice(1)] as const));

describe("Content-Security-Policy", () => {
  test("scripts only with the nonce (and what nonced scripts load), never inline or eval in production", () => {
    const policy = directives(buildContentSecurityPolicy({ nonce: "abc123" }));
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(policy.get("style-src")).toEqual(["'self'", "'nonce-abc123'"]);
    for (const sources of policy.values()) {
      expect(sources).not.toContain("'unsafe-inline'");
      expect(sources).not.toContain("'unsafe-eval'");
      expect(sources).not.toContain("*");
    }
  });

  test("framing, plugins, base and form targets are locked down", () => {
    const policy = directives(buildContentSecurityPolicy({ nonce: "n" }));
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
    expect(policy.get("img-src")).toEqual(["'self'", "data:"]);
    expect(policy.get("font-src")).toEqual(["'self'", "data:"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
  });

  test("development adds 'unsafe-eval' for React's error overlay, to scripts only", () => {
    const policy = directives(buildContentSecurityPolicy({ nonce: "n", development: true }));
    expect(policy.get("script-src")).toContain("'unsafe-eval'");
    expect(policy.get("style-src")).not.toContain("'unsafe-eval'");
  });

  test("nonces are fresh, 128-bit and base64, and can be read back from the policy", () => {
    const nonces = new Set(Array.from({ length: 200 }, createNonce));
    expect(nonces.size).toBe(200);
    for (const nonce of nonces) {
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(nonceOf(buildContentSecurityPolicy({ nonce }))).toBe(nonce);
    }
    expect(nonceOf(null)).toBeUndefined();
  });
});

describe("headers on every response", () => {
  test("nosniff, referrer policy, no framing, no camera/microphone/geolocation, COOP", () => {
    const headers = Object.fromEntries(baseSecurityHeaders.map(({ key, value }) => [key.toLowerCase(), value]));
    expect(headers).toEqual({
      "x-content-type-options": "nosniff",
      "referrer-policy": "strict-origin-when-cross-origin",
      "x-frame-options": "DENY",
      "permissions-policy": "camera=(), microphone=(), geolocation=()",
      "cross-origin-opener-policy": "same-origin",
    });
  });

  test("applyNoStore forbids caching personal responses", () => {
    const headers = applyNoStore(new Headers({ "cache-control": "public, max-age=60" }));
    expect(headers.get("cache-control")).toBe("no-store, max-age=0");
    expect(headers.get("pragma")).toBe("no-cache");
  });
});

describe("next.config.ts headers()", () => {
  test("base headers on every path; HSTS only when server.ts marked the request as HTTPS", async () => {
    const { default: config } = await import("@/next.config");
    const rules = (await config.headers?.()) ?? [];
    const everywhere = rules.filter((rule) => rule.source === "/:path*" && !rule.has);
    expect(everywhere.flatMap((rule) => rule.headers)).toEqual(baseSecurityHeaders);
    const hsts = rules.filter((rule) => rule.headers.some((header) => header.key === "Strict-Transport-Security"));
    expect(hsts).toEqual([
      { source: "/:path*", has: [{ type: "header", key: "x-consulta-https", value: "1" }], headers: [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }] },
    ]);
  });
});
