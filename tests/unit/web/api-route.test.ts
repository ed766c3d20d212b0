import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { apiLocale, jsonRoute, parseOrThrow } from "@/lib/web/api-route";

const request = (headers: Record<string, string> = {}) => new Request("http://localhost/api/v1/x", { headers });

describe("apiLocale", () => {
  test.each([
    [undefined, "it"],
    ["en", "en"],
    ["en-GB,en;q=0.9", "en"],
    ["fr-FR,fr;q=0.9,en;q=0.8,it;q=0.7", "en"],
    ["de,it;q=0.5,en;q=0.4", "it"],
    ["fr", "it"],
  ])("Accept-Language %s → %s", (header, expected) => {
    expect(apiLocale(request(header ? { "accept-language": header } : {}))).toBe(expected);
  });
});

describe("jsonRoute", () => {
  test("returns the handler's value as JSON", async () => {
    const response = await jsonRoute(async () => ({ ok: true }))(request(), {});
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(await response.json()).toEqual({ ok: true });
  });

  test("maps an AppError to its status with a message in the asked language", async () => {
    const handler = jsonRoute(async () => {
      throw new AppError("NOT_FOUND", "errors.measureNotFound", { value: "9.9" });
    });
    const english = await handler(request({ "accept-language": "en" }), {});
    expect(english.status).toBe(404);
    expect(await english.json()).toEqual({ error: { code: "NOT_FOUND", message: "No measure with code “9.9”." } });
    const italian = await handler(request(), {});
    expect((await italian.json()).error.message).toBe("Nessuna misura con codice «9.9».");
  });

  test("RATE_LIMITED is a 429 with Retry-After in whole seconds and a translated message", async () => {
    const handler = jsonRoute(async () => {
      throw new AppError("RATE_LIMITED", "security.rateLimited", { retryAfter: 90 });
    });
    const english = await handler(request({ "accept-language": "en" }), {});
    expect(english.status).toBe(429);
    expect(english.headers.get("retry-after")).toBe("90");
    expect(english.headers.get("cache-control")).toBe("no-store");
    expect(await english.json()).toEqual({ error: { code: "RATE_LIMITED", message: "Too many attempts. Please try again in 90 seconds." } });
    const italian = await handler(request(), {});
    expect(italian.headers.get("retry-after")).toBe("90");
    expect((await italian.json()).error.message).toBe("Troppi tentativi. Riprova tra 90 secondi.");
  });

  test("other errors carry no Retry-After", async () => {
    const response = await jsonRoute(async () => {
      throw new AppError("NOT_FOUND", "errors.measureNotFound", { value: "9.9", retryAfter: 5 });
    })(request(), {});
    expect(response.headers.get("retry-after")).toBeNull();
  });

  test("answers an unexpected error with a generic 500 and logs it, without leaking its message", async () => {
    const write = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
    const response = await jsonRoute(async () => {
      throw new Error("secret connection string postgres://u:p@h/db");
    })(request({ "accept-language": "en" }), {});
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain("secret");
    expect(JSON.parse(text)).toEqual({ error: { code: "INTERNAL", message: "Internal server error." } });
    expect(String(write.mock.calls[0]?.[0])).toContain("secret connection string");
    write.mockRestore();
  });
});

describe("parseOrThrow", () => {
  test("throws a VALIDATION AppError naming the value", () => {
    expect(() => parseOrThrow(z.uuid(), "nope", "errors.invalidId", "nope")).toThrow(
      expect.objectContaining({ code: "VALIDATION", messageKey: "errors.invalidId", params: { value: "nope" } }),
    );
  });
});
