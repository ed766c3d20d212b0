import { buildOpenApiDocument } from "@/lib/api/openapi";

function collectRefs(node: unknown, refs: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((item) => collectRefs(item, refs));
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string") refs.push(value);
      else collectRefs(value, refs);
    }
  }
  return refs;
}

describe("OpenAPI document", () => {
  const document = buildOpenApiDocument();

  test("is OpenAPI 3.1 and documents every public endpoint", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths).sort()).toEqual(["/api/health", "/api/v1/calendar.ics", "/api/v1/measures/{code}", "/api/v1/plans", "/api/v1/plans/{id}", "/api/v1/rounds/{roundId}/votes"]);
  });

  test("every $ref points at a component that exists", () => {
    const refs = collectRefs(document);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) {
      const id = ref.replace("#/components/schemas/", "");
      expect(document.components.schemas).toHaveProperty(id);
    }
  });

  test("the plan schema comes from the zod contract (decision fields included)", () => {
    const measure = document.components.schemas.Measure as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(measure.properties).sort()).toEqual(["budgetCents", "code", "department", "endsOn", "fundingSource", "startsOn", "text", "timing"]);
    expect(measure.required).toContain("budgetCents");
  });
});
