import { NextRequest } from "next/server";
import { proxy } from "@/proxy";

function route(path: string) {
  const response = proxy(new NextRequest(new URL(path, "http://localhost:3000")));
  return {
    status: response.status,
    rewrite: response.headers.get("x-middleware-rewrite"),
    location: response.headers.get("location"),
  };
}

describe("locale routing", () => {
  test("Italian pages live at the root and are served from the it segment", () => {
    const result = route("/piani/piano-pisa?revisione=1");
    expect(result.rewrite).toBe("http://localhost:3000/it/piani/piano-pisa?revisione=1");
    expect(result.status).toBe(200);
  });

  test("English pages keep their /en prefix", () => {
    expect(route("/en").rewrite).toBe("http://localhost:3000/en");
    expect(route("/en/piani/piano-pisa/misure/3.12").rewrite).toBe("http://localhost:3000/en/piani/piano-pisa/misure/3.12");
  });

  test("/it addresses redirect permanently to the one canonical Italian address", () => {
    expect(route("/it/piani")).toMatchObject({ status: 308, location: "http://localhost:3000/piani" });
    expect(route("/it")).toMatchObject({ status: 308, location: "http://localhost:3000/" });
  });
});

describe("malformed page parameters get a 400 page", () => {
  test.each([
    "/piani/Not_A_Slug",
    "/piani/piano/misure/abc",
    "/piani/piano/misure/1.1.1",
    "/piani/piano/misure/%E0%A4%A",
    "/piani/piano?revisione=zero",
    "/en/piani/piano/misure/0.1",
  ])("%s", (path) => {
    const result = route(path);
    expect(result.status).toBe(400);
    expect(result.rewrite).toMatch(/\/(it|en)\/richiesta-non-valida(\?|$)/);
  });

  test("well-formed unknown ids are left to the page (404), not rejected", () => {
    const result = route("/piani/piano-inesistente/misure/9.99");
    expect(result.status).toBe(200);
    expect(result.rewrite).toBe("http://localhost:3000/it/piani/piano-inesistente/misure/9.99");
  });
});
