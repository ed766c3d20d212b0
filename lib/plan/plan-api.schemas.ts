import { z } from "zod";

/** The public read API's JSON: the contract, and the source of /api/v1/openapi.json. */

const dateTime = z.iso.datetime({ offset: true });

/** Every named response schema; the OpenAPI document's components come from here. */
export const apiSchemas = z.registry<{ id: string; description?: string }>();

export const decisionFieldsDto = z.object({
  timing: z.string().nullable().meta({ description: "Decision field “Data”: when / how long, as written." }),
  startsOn: dateTime.nullable(),
  endsOn: dateTime.nullable(),
  budgetCents: z.int().nonnegative().nullable().meta({ description: "Decision field “Budget”, in euro cents; null when not decided." }),
  fundingSource: z.string().nullable().meta({ description: "Decision field “Fonte”." }),
  department: z.string().nullable().meta({ description: "Decision field “Dipartimento”." }),
});

export const measureDto = decisionFieldsDto
  .extend({
    code: z.string().meta({ example: "3.12" }),
    text: z.string(),
  })
  .register(apiSchemas, { id: "Measure" });

export const axisDto = z
  .object({
    number: z.int().positive(),
    title: z.string(),
    expectedResults: z.object({ intro: z.string(), bullets: z.array(z.string()) }),
    measuresIntro: z.string(),
    measures: z.array(measureDto),
  })
  .register(apiSchemas, { id: "Axis" });

export const revisionDto = z
  .object({
    number: z.int().positive(),
    status: z.enum(["DRAFT", "PUBLISHED"]),
    publishedAt: dateTime.nullable(),
    summary: z.string(),
  })
  .register(apiSchemas, { id: "Revision" });

export const planSummaryDto = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    title: z.string(),
    subtitle: z.string().nullable(),
    issuer: z.string(),
    currentRevision: z.object({ number: z.int().positive(), publishedAt: dateTime.nullable() }).nullable(),
    axes: z.int().nonnegative(),
    measures: z.int().nonnegative(),
  })
  .register(apiSchemas, { id: "PlanSummary" });

export const planListDto = z.object({ plans: z.array(planSummaryDto) }).register(apiSchemas, { id: "PlanList" });

export const planDto = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    title: z.string(),
    subtitle: z.string().nullable(),
    issuer: z.string(),
    introduction: z.string(),
    currentRevision: revisionDto,
    axes: z.array(axisDto),
  })
  .register(apiSchemas, { id: "Plan" });

export const measureVersionDto = decisionFieldsDto
  .extend({ revision: z.object({ number: z.int().positive(), publishedAt: dateTime.nullable() }), text: z.string() })
  .register(apiSchemas, { id: "MeasureVersion" });

export const measureDetailDto = z
  .object({
    code: z.string(),
    plan: z.object({ id: z.uuid(), slug: z.string(), title: z.string() }),
    axis: z.object({ number: z.int().positive(), title: z.string() }),
    current: measureVersionDto.nullable().meta({ description: "The measure in the revision in force; null when retired." }),
    history: z.array(measureVersionDto),
  })
  .register(apiSchemas, { id: "MeasureDetail" });

export const errorDto = z
  .object({
    error: z.object({
      code: z.enum(["VALIDATION", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "RATE_LIMITED", "UNAVAILABLE", "INTERNAL"]),
      message: z.string().meta({ description: "In the language asked for with Accept-Language (it, en)." }),
      details: z.unknown().optional(),
    }),
  })
  .register(apiSchemas, { id: "Error" });

export const healthDto = z
  .object({ status: z.enum(["ok", "unavailable"]), database: z.enum(["up", "down"]) })
  .register(apiSchemas, { id: "Health" });

export type PlanDto = z.infer<typeof planDto>;
export type PlanListDto = z.infer<typeof planListDto>;
export type MeasureDetailDto = z.infer<typeof measureDetailDto>;
