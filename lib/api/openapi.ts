import { z } from "zod";
import { apiSchemas } from "@/lib/plan/plan.schemas";

/**
 * OpenAPI 3.1 document of the public read API, generated from the same zod
 * schemas the handlers' responses are built to (OpenAPI 3.1 uses JSON Schema 2020-12).
 */
export function buildOpenApiDocument(serverUrl = "/") {
  const generated = z.toJSONSchema(apiSchemas, { target: "draft-2020-12", io: "output", uri: (id) => `#/components/schemas/${id}` });
  // Components live inside the document: drop the per-schema $schema/$id that standalone JSON Schema needs.
  const schemas = Object.fromEntries(
    Object.entries(generated.schemas).map(([id, schema]) => {
      const { $schema: _dialect, $id: _id, ...rest } = schema as Record<string, unknown>;
      return [id, rest];
    }),
  );
  const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
  const json = (id: string, description: string) => ({ description, content: { "application/json": { schema: ref(id) } } });
  const errors = {
    "400": json("Error", "Malformed parameter"),
    "404": json("Error", "Not found"),
    "500": json("Error", "Unexpected error"),
  };
  const acceptLanguage = { name: "Accept-Language", in: "header", required: false, schema: { type: "string", example: "en" }, description: "Language of error messages: it (default) or en." };

  return {
    openapi: "3.1.0",
    info: {
      title: "Consulta public API",
      version: "1.0.0",
      description: "Read-only open data of the Integrated Local Plans published on this Consulta installation. Budgets are integer euro cents; instants are ISO 8601 with offset.",
      license: { name: "EUPL-1.2", identifier: "EUPL-1.2" },
    },
    servers: [{ url: serverUrl }],
    paths: {
      "/api/v1/plans": {
        get: { operationId: "listPlans", summary: "Every plan with its revision in force", parameters: [acceptLanguage], responses: { "200": json("PlanList", "The plans"), "500": errors["500"] } },
      },
      "/api/v1/plans/{id}": {
        get: {
          operationId: "getPlan",
          summary: "A plan in its revision in force: axes, expected results, measures with decision fields",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } }, acceptLanguage],
          responses: { "200": json("Plan", "The plan"), ...errors },
        },
      },
      "/api/v1/measures/{code}": {
        get: {
          operationId: "getMeasure",
          summary: "A measure, with its history across revisions",
          parameters: [
            { name: "code", in: "path", required: true, schema: { type: "string", pattern: "^[1-9]\\d{0,2}\\.[1-9]\\d{0,3}$", example: "3.12" } },
            { name: "plan", in: "query", required: false, schema: { type: "string" }, description: "Plan slug; the installation's main plan when omitted." },
            acceptLanguage,
          ],
          responses: { "200": json("MeasureDetail", "The measure"), ...errors },
        },
      },
      "/api/health": {
        get: {
          operationId: "health",
          summary: "Whether the server reaches its database",
          responses: { "200": json("Health", "Database reachable"), "503": json("Health", "Database unreachable") },
        },
      },
    },
    components: { schemas },
  };
}
