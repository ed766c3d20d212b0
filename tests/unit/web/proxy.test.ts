import { NextRequest } from "next/server";
import type { PlanAddress } from "@/lib/plan/plan-address-exists";
import { nonceOf } from "@/lib/security/content-security-policy";
import { createProxy } from "@/proxy";

/** The router with a fake database: one plan "piano-pisa" with measures 1.1–3.12 and revisions 1–2. */
const checked: PlanAddress[] = [];
const proxy = createProxy(async (address) => {
  checked.push(address);
  if (address.slug !== "piano-pisa") return false;
  if (address.measureCode && !["1.1", "3.12"].includes(address.measureCode)) return false;
  if (address.revisionNumber && address.revisionNumber > 2) return false;
  return true;
});

async function route(path: string) {
  const response = await proxy(new NextRequest(new URL(path, "http://localhost:3000")));
  return {
    status: response.status,
    rewrite: response.headers.get("x-middleware-rewrite"),
    location: response.headers.get("location"),
    csp: response.headers.get("content-security-policy"),
    // What NextResponse.rewrite({ request: { headers } }) hands on to the page renderer.
    requestCsp: response.headers.get("x-middleware-request-content-security-policy"),
  };
}

beforeEach(() => {
  checked.length = 0;
});

describe("locale routing", () => {
  test("Italian pages live at the root and are served from the it segment", async () => {
    const result = await route("/piani/piano-pisa?revisione=1");
    expect(result.rewrite).toBe("http://localhost:3000/it/piani/piano-pisa?revisione=1");
    expect(result.status).toBe(200);
    expect(checked).toEqual([{ slug: "piano-pisa", revisionNumber: 1 }]);
  });

  test("English pages keep their /en prefix", async () => {
    expect((await route("/en")).rewrite).toBe("http://localhost:3000/en");
    expect((await route("/en/piani/piano-pisa/misure/3.12")).rewrite).toBe("http://localhost:3000/en/piani/piano-pisa/misure/3.12");
  });

  test("/it addresses redirect permanently to the one canonical Italian address", async () => {
    expect(await route("/it/piani")).toMatchObject({ status: 308, location: "http://localhost:3000/piani" });
    expect(await route("/it")).toMatchObject({ status: 308, location: "http://localhost:3000/" });
  });

  test("pages that need no data are not checked against the database", async () => {
    for (const path of ["/", "/piani", "/dichiarazione-accessibilita", "/en/piani/"]) expect((await route(path)).status).toBe(200);
    expect(checked).toEqual([]);
  });
});

describe("Content-Security-Policy", () => {
  test("every page, including 400 and 404 pages, gets a policy with a fresh nonce, also on the request for Next", async () => {
    const seen = new Set<string>();
    for (const path of ["/", "/en/piani", "/piani/piano-pisa/misure/abc", "/pagina-inesistente", "/"]) {
      const { csp, requestCsp } = await route(path);
      expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'/);
      expect(requestCsp).toBe(csp);
      seen.add(nonceOf(csp) ?? "");
    }
    expect(seen.size).toBe(5);
  });
});

describe("malformed page parameters get the 400 page", () => {
  test.each([
    "/piani/Not_A_Slug",
    "/piani/piano-pisa/misure/abc",
    "/piani/piano-pisa/misure/1.1.1",
    "/piani/piano-pisa/misure/%E0%A4%A",
    "/piani/piano-pisa?revisione=zero",
    "/piani/piano-pisa/revisioni/zero",
    "/piani/piano-pisa/revisioni/0",
    "/piani/piano-pisa/revisioni/1e2",
    "/en/piani/piano-pisa/misure/0.1",
  ])("%s", async (path) => {
    const result = await route(path);
    expect(result.status).toBe(400);
    expect(result.rewrite).toMatch(/\/(it|en)\/richiesta-non-valida(\?|$)/);
    expect(checked).toEqual([]); // rejected before any query
  });
});

describe("addresses that name nothing get the 404 page", () => {
  test.each([
    "/questa-pagina-non-esiste",
    "/piani/piano-inesistente",
    "/piani/piano-pisa/misure/9.99",
    "/piani/piano-pisa?revisione=999",
    "/piani/piano-pisa/altro",
    "/piani/piano-pisa/misure",
    "/piani/piano-pisa/revisioni/3",
    "/pagina-non-trovata",
    "/en/richiesta-non-valida",
  ])("%s", async (path) => {
    const result = await route(path);
    expect(result.status).toBe(404);
    expect(result.rewrite).toMatch(/\/(it|en)\/pagina-non-trovata(\?|$)/);
  });

  test("existing plan, measure and revision addresses reach their page", async () => {
    for (const path of ["/piani/piano-pisa", "/piani/piano-pisa/misure/1.1", "/piani/piano-pisa/revisioni", "/piani/piano-pisa?revisione=2", "/piani/piano-pisa/revisioni/2"]) {
      expect(await route(path)).toMatchObject({ status: 200, rewrite: `http://localhost:3000/it${path}` });
    }
  });

  test("when the database cannot be asked, the page is served and shows the error itself", async () => {
    const failing = createProxy(async () => {
      throw new Error("connection refused");
    });
    const warn = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
    const response = await failing(new NextRequest(new URL("/piani/piano-pisa", "http://localhost:3000")));
    warn.mockRestore();
    expect(response.status).toBe(200);
    expect(response.headers.get("x-middleware-rewrite")).toBe("http://localhost:3000/it/piani/piano-pisa");
  });
});

describe("live session addresses", () => {
  const round = "3f0c5a52-7a39-4d7e-9a8e-0b7a1f3c2d11";
  const meeting = "8d2b6c1e-5f4a-4b3c-9d2e-1a0b9c8d7e6f";
  const roundsChecked: unknown[] = [];
  const codesChecked: string[] = [];
  const live = createProxy(
    async () => false,
    async (address) => {
      roundsChecked.push(address);
      return address.roundId === round && (address.meetingId === undefined || address.meetingId === meeting);
    },
    async (code) => {
      codesChecked.push(code);
      return code === "ABC234";
    },
  );
  const go = async (path: string) => {
    const response = await live(new NextRequest(new URL(path, "http://localhost:3000")));
    return { status: response.status, rewrite: response.headers.get("x-middleware-rewrite") };
  };
  beforeEach(() => {
    roundsChecked.length = 0;
    codesChecked.length = 0;
  });

  test("the join page needs no data; a known code (any case) reaches the participant's page", async () => {
    expect(await go("/partecipa")).toMatchObject({ status: 200, rewrite: "http://localhost:3000/it/partecipa" });
    expect(await go("/en/partecipa?codice=abc234")).toMatchObject({ status: 200, rewrite: "http://localhost:3000/en/partecipa?codice=abc234" });
    expect(await go("/partecipa/ABC234")).toMatchObject({ status: 200, rewrite: "http://localhost:3000/it/partecipa/ABC234" });
    expect(await go("/en/partecipa/abc234")).toMatchObject({ status: 200, rewrite: "http://localhost:3000/en/partecipa/abc234" });
    expect(codesChecked).toEqual(["ABC234", "ABC234"]);
  });

  test.each(["/partecipa/ABC23", "/partecipa/ABC2345", "/partecipa/ABCO01", "/partecipa/%E0%A4%A", "/en/partecipa/ab-234"])("malformed code %s → 400", async (path) => {
    const result = await go(path);
    expect(result.status).toBe(400);
    expect(result.rewrite).toMatch(/\/(it|en)\/richiesta-non-valida$/);
    expect(codesChecked).toEqual([]);
  });

  test.each(["/partecipa/ZZZ999", "/partecipa/ABC234/altro"])("unknown code or address %s → 404", async (path) => {
    const result = await go(path);
    expect(result.status).toBe(404);
    expect(result.rewrite).toMatch(/\/it\/pagina-non-trovata$/);
  });

  test("a meeting's console and projector reach their pages, checked against the database", async () => {
    for (const section of ["diretta", "proiezione"]) {
      const path = `/consultazioni/${round}/incontri/${meeting}/${section}`;
      expect(await go(path)).toMatchObject({ status: 200, rewrite: `http://localhost:3000/it${path}` });
      expect(await go(`/en${path}`)).toMatchObject({ status: 200, rewrite: `http://localhost:3000/en${path}` });
    }
    expect(roundsChecked).toEqual(Array(4).fill({ roundId: round, meetingId: meeting }));
  });

  test("the synthesis staff pages: triage, the draft, a measure or axis of the draft; others 404, malformed ids 400", async () => {
    for (const path of [`/consultazioni/${round}/sintesi/proposte`, `/consultazioni/${round}/sintesi/bozza`, `/consultazioni/${round}/sintesi/bozza/misure/${meeting}`, `/consultazioni/${round}/sintesi/bozza/assi/${meeting}`]) {
      expect(await go(path)).toMatchObject({ status: 200, rewrite: `http://localhost:3000/it${path}` });
    }
    expect(await go(`/en/consultazioni/${round}/sintesi/bozza`)).toMatchObject({ status: 200, rewrite: `http://localhost:3000/en/consultazioni/${round}/sintesi/bozza` });
    expect((await go(`/consultazioni/${round}/sintesi/altro`)).status).toBe(404);
    expect((await go(`/consultazioni/${round}/sintesi/bozza/misure`)).status).toBe(404);
    expect((await go(`/consultazioni/${round}/sintesi/proposte/misure/${meeting}`)).status).toBe(404);
    expect((await go(`/consultazioni/${round}/sintesi/bozza/altro/${meeting}`)).status).toBe(404);
    expect((await go(`/consultazioni/${round}/sintesi/bozza/misure/${meeting}/altro`)).status).toBe(404);
    expect((await go(`/consultazioni/${round}/sintesi/bozza/misure/1.1`)).status).toBe(400);
  });

  test("malformed or unknown console and projector addresses get 400 and 404", async () => {
    expect((await go(`/consultazioni/${round}/incontri/not-a-uuid/diretta`)).status).toBe(400);
    expect((await go(`/consultazioni/not-a-uuid/incontri/${meeting}/proiezione`)).status).toBe(400);
    expect((await go(`/consultazioni/${round}/incontri/${round}/diretta`)).status).toBe(404);
    expect((await go(`/consultazioni/${round}/incontri/${meeting}/regia`)).status).toBe(404);
    expect((await go(`/consultazioni/${round}/incontri/${meeting}/diretta/altro`)).status).toBe(404);
    expect((await go(`/consultazioni/${round}/proposte/${meeting}/diretta`)).status).toBe(404);
  });
});
