import { buildOpenApiDocument } from "@/lib/api/openapi";
import { openDatasets } from "@/lib/open-data/catalogue";
import { columnsOf } from "@/lib/open-data/dataset";

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
    expect(Object.keys(document.paths).sort()).toEqual([
      "/api/health",
      "/api/v1/budget-totals",
      "/api/v1/calendar.ics",
      "/api/v1/decisions",
      "/api/v1/measures/{code}",
      "/api/v1/plans",
      "/api/v1/plans/{id}",
      "/api/v1/proposals",
      "/api/v1/results",
      "/api/v1/revisions",
      "/api/v1/rounds",
      "/api/v1/rounds/{roundId}/report.pdf",
      "/api/v1/rounds/{roundId}/votes",
    ]);
  });

  test("every open dataset: JSON wrapper and CSV columns documented, every row field described", () => {
    const paths = document.paths as unknown as Record<string, { get: { parameters: Array<{ name: string; required: boolean }>; responses: Record<string, { content?: Record<string, { schema: { $ref?: string; description?: string } }> }> } }>;
    const schemas = document.components.schemas as unknown as Record<string, { properties: Record<string, { description?: string; $ref?: string; items?: { $ref: string } }>; required: string[] }>;
    for (const dataset of openDatasets) {
      const operation = paths[`/api/v1/${dataset.name}`]!.get;
      expect(operation.parameters.map((parameter) => parameter.name)).toEqual(expect.arrayContaining(["format", ...dataset.filters.map((filter) => filter.name)]));
      const content = operation.responses["200"]!.content!;
      expect(Object.keys(content).sort()).toEqual(["application/json", "text/csv"]);
      const wrapper = schemas[content["application/json"]!.schema.$ref!.replace("#/components/schemas/", "")]!;
      expect(Object.keys(wrapper.properties)).toEqual(["dataset", "generatedAt", "items"]);
      const row = schemas[wrapper.properties.items!.items!.$ref.replace("#/components/schemas/", "")]!;
      const columns = columnsOf(dataset.row);
      expect(Object.keys(row.properties)).toEqual(columns);
      expect(row.required.sort()).toEqual([...columns].sort());
      for (const [field, schema] of Object.entries(row.properties)) expect({ field, description: (schema.description ?? "").length > 5 }).toEqual({ field, description: true });
      expect(content["text/csv"]!.schema.description).toContain(columns.join(", "));
    }
    expect(paths["/api/v1/rounds/{roundId}/report.pdf"]!.get.responses["200"]!.content).toHaveProperty(["application/pdf"]);
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
