import { checkSameOrigin, expectedOrigin } from "@/lib/security/origin-check";
import { mutationRoute } from "@/lib/web/api-route";

const post = (headers: Record<string, string>, method = "POST") => new Request("http://localhost:3000/api/x", { method, headers: { host: "consulta.example", ...headers } });
const refused = (request: Request, publicUrl?: string) => checkSameOrigin(request, { publicUrl })?.code ?? "allowed";

describe("Origin check for state-changing requests", () => {
  test("same origin is allowed, by Origin or (without it) by Referer", () => {
    expect(refused(post({ origin: "http://consulta.example" }))).toBe("allowed");
    expect(refused(post({ referer: "http://consulta.example/account?x=1" }))).toBe("allowed");
  });

  test.each([
    ["Origin: null", { origin: "null" }],
    ["cross-site Origin", { origin: "https://evil.example" }],
    ["same host, other port", { origin: "http://consulta.example:8080" }],
    ["other scheme", { origin: "https://consulta.example" }],
    ["cross-site Referer", { referer: "https://evil.example/consulta.example" }],
    ["neither header", {}],
    ["Origin wins over a same-site Referer", { origin: "https://evil.example", referer: "http://consulta.example/" }],
    ["garbage Origin", { origin: "not a url" }],
  ])("%s → FORBIDDEN", (_name, headers) => {
    expect(refused(post(headers))).toBe("FORBIDDEN");
  });

  test.each(["PUT", "PATCH", "DELETE"])("%s is checked too", (method) => {
    expect(refused(post({ origin: "https://evil.example" }, method))).toBe("FORBIDDEN");
  });

  test("safe methods are not checked", () => {
    expect(refused(new Request("http://localhost/api/x", { headers: { origin: "https://evil.example" } }))).toBe("allowed");
  });

  test("PUBLIC_URL, when set, is the only accepted origin", () => {
    expect(expectedOrigin(post({}), { publicUrl: "https://consulta.provincia.pi.it/base" })).toBe("https://consulta.provincia.pi.it");
    expect(refused(post({ origin: "https://consulta.provincia.pi.it" }), "https://consulta.provincia.pi.it")).toBe("allowed");
    expect(refused(post({ origin: "http://consulta.example" }), "https://consulta.provincia.pi.it")).toBe("FORBIDDEN");
  });

  test("behind HTTPS (stamped by server.ts) the expected scheme is https", () => {
    expect(refused(post({ origin: "https://consulta.example", "x-consulta-https": "1" }))).toBe("allowed");
    expect(refused(post({ origin: "http://consulta.example", "x-consulta-https": "1" }))).toBe("FORBIDDEN");
  });
});

describe("mutationRoute", () => {
  test("refuses a cross-site request with a translated 403 before running the handler", async () => {
    const handler = jest.fn(async () => ({ ok: true }));
    const route = mutationRoute(handler);
    const response = await route(post({ origin: "https://evil.example", "accept-language": "en" }), {});
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: { code: "FORBIDDEN", message: "Request refused: it does not come from a page of this site." } });
    const italian = await route(post({ origin: "null" }), {});
    expect((await italian.json()).error.message).toMatch(/^Richiesta rifiutata/);
    expect(handler).not.toHaveBeenCalled();
  });

  test("runs the handler for a same-origin request", async () => {
    const response = await mutationRoute(async () => ({ ok: true }))(post({ origin: "http://consulta.example" }), {});
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });
});
