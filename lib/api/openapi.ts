import { z } from "zod";
import { openDatasets } from "@/lib/open-data/catalogue";
import { columnsOf } from "@/lib/open-data/dataset";
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

  const datasetPaths = Object.fromEntries(
    openDatasets.map((dataset) => {
      const documentId = apiSchemas.get(dataset.document)?.id as string;
      const rowId = apiSchemas.get(dataset.row)?.id as string;
      const filters = dataset.filters.map((filter) =>
        filter.name === "plan"
          ? { name: "plan", in: "query", required: filter.required, schema: { type: "string" }, description: "Plan slug; the installation's main plan when omitted." + (dataset.name === "rounds" ? " (rounds: every plan's rounds when omitted)" : "") }
          : { name: "round", in: "query", required: filter.required, schema: { type: "string", format: "uuid" }, description: filter.required ? "Identifier of the round." : "Identifier of the round; every round when omitted." },
      );
      return [
        `/api/v1/${dataset.name}`,
        {
          get: {
            operationId: `openData${dataset.name.replace(/(^|-)(\w)/g, (_match: string, _dash: string, letter: string) => letter.toUpperCase())}`,
            summary: `Open data: ${apiSchemas.get(dataset.row)?.description ?? dataset.name}`,
            description:
              "Streamed as it is read from the database. JSON: {dataset, generatedAt, items}. CSV (RFC 4180, UTF-8, CRLF, header row): the same fields as columns, in the same order; empty field for null; a text cell starting with =, +, -, @, tab or CR is prefixed with a single quote (') so that spreadsheets do not run it as a formula. Amounts are integer euro cents (exact: below 2^53). Licence CC BY 4.0.",
            parameters: [
              { name: "format", in: "query", required: false, schema: { type: "string", enum: ["json", "csv"], default: "json" }, description: "json (default) or csv." },
              ...filters,
              acceptLanguage,
            ],
            responses: {
              "200": {
                description: `The dataset “${dataset.name}”`,
                content: {
                  "application/json": { schema: ref(documentId) },
                  "text/csv": { schema: { type: "string", description: `CSV with header row; columns: ${columnsOf(dataset.row).join(", ")} (see ${rowId}).` } },
                },
              },
              "400": json("Error", "Malformed filter or format"),
              "404": json("Error", "Unknown plan or round"),
              "500": errors["500"],
            },
          },
        },
      ];
    }),
  );

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
      "/api/v1/calendar.ics": {
        get: {
          operationId: "getCalendarFeed",
          summary: "Consultation rounds and meetings as an iCalendar feed, for calendar apps to subscribe to",
          parameters: [
            { name: "lang", in: "query", required: false, schema: { type: "string", enum: ["it", "en"], default: "it" }, description: "Language of the labels and of the links." },
            { name: "plan", in: "query", required: false, schema: { type: "string" }, description: "Plan slug; every plan's rounds when omitted." },
            acceptLanguage,
          ],
          responses: {
            "200": { description: "The feed", content: { "text/calendar": { schema: ref("CalendarFeed") } } },
            "400": errors["400"],
            "404": errors["404"],
            "500": errors["500"],
          },
        },
      },
      "/api/v1/rounds/{roundId}/votes": {
        post: {
          operationId: "castVote",
          summary: "Cast or change the signed-in stakeholder's vote on a measure of an open round",
          description:
            "Needs the session cookie of a confirmed stakeholder and an Origin (or Referer) of this site. One current vote per stakeholder, measure and round: voting again replaces it (the earlier state is kept in the voter's history). Unknown fields are refused. Rate limited per user.",
          parameters: [{ name: "roundId", in: "path", required: true, schema: { type: "string", format: "uuid" } }, acceptLanguage],
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  additionalProperties: false,
                  required: ["measureId", "choice"],
                  properties: {
                    measureId: { type: "string", format: "uuid" },
                    choice: { type: "string", enum: ["SUPPORT", "OPPOSE", "ABSTAIN"] },
                    priority: { type: ["integer", "null"], minimum: 1, maximum: 5, description: "1 (low) to 5 (high); omitted or null for none." },
                  },
                },
              },
            },
          },
          responses: {
            "200": {
              description: "The vote as it now stands",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    required: ["vote"],
                    properties: {
                      vote: {
                        type: "object",
                        required: ["id", "roundId", "measureId", "choice", "priority", "outcome"],
                        properties: {
                          id: { type: "string", format: "uuid" },
                          roundId: { type: "string", format: "uuid" },
                          measureId: { type: "string", format: "uuid" },
                          choice: { type: "string", enum: ["SUPPORT", "OPPOSE", "ABSTAIN"] },
                          priority: { type: ["integer", "null"] },
                          outcome: { type: "string", enum: ["created", "changed", "unchanged"] },
                        },
                      },
                    },
                  },
                },
              },
            },
            "400": json("Error", "Invalid body (details name each field), or unknown fields"),
            "401": json("Error", "Not signed in"),
            "403": json("Error", "Cross-site request, or not a stakeholder"),
            "404": json("Error", "Unknown round, or measure not in the round's revision"),
            "409": json("Error", "The round is not open"),
            "429": json("Error", "Too many contributions; see Retry-After"),
            "500": errors["500"],
          },
        },
      },
      ...datasetPaths,
      "/api/v1/rounds/{roundId}/report.pdf": {
        get: {
          operationId: "getRoundReportPdf",
          summary: "A round's summary report as an accessible PDF (tagged, with a table of contents)",
          parameters: [
            { name: "roundId", in: "path", required: true, schema: { type: "string", format: "uuid" } },
            { name: "lang", in: "query", required: false, schema: { type: "string", enum: ["it", "en"], default: "it" }, description: "Language of the report." },
            acceptLanguage,
          ],
          responses: {
            "200": { description: "The report", content: { "application/pdf": { schema: { type: "string", contentMediaType: "application/pdf" } } } },
            "400": errors["400"],
            "404": json("Error", "Unknown round, or its outcome is not published yet"),
            "500": errors["500"],
          },
        },
      },
      "/api/health": {
        get: {
          operationId: "health",
          summary: "Liveness: the process serves; `database` says whether it reaches PostgreSQL (never 503 for a database outage; /api/ready is the readiness probe)",
          responses: { "200": json("Health", "The process serves (database up or down)") },
        },
      },
    },
    components: { schemas },
  };
}
