import { z } from "zod";
import { InvalidEuroAmountError, parseEuroAmountToCents } from "./money";

// ─── Plan document import: the parsed plan ───────────────────────────────────
// What parsePlanDocument() produces and importPlan() accepts. Decision fields
// are null when the document leaves them to be decided. Dates are calendar
// dates (YYYY-MM-DD); `line` is the 1-based source line, kept for messages.

/** Measure codes are "<axis number>.<n>", n counting from 1 within the axis. */
export const measureCodePattern = /^[1-9]\d{0,2}\.[1-9]\d{0,3}$/;

const text = z.string().trim().min(1);

export const parsedMeasureSchema = z
  .object({
    code: z.string().regex(measureCodePattern),
    line: z.number().int().positive(),
    text,
    timing: text.nullable(),
    startsOn: z.iso.date().nullable(),
    endsOn: z.iso.date().nullable(),
    budgetCents: z.bigint().nonnegative().nullable(),
    fundingSource: text.nullable(),
    department: text.nullable(),
  })
  .refine((measure) => !measure.startsOn || !measure.endsOn || measure.startsOn <= measure.endsOn, {
    message: "endsOn is before startsOn",
    path: ["endsOn"],
  });

export const parsedAxisSchema = z.object({
  number: z.number().int().positive(),
  line: z.number().int().positive(),
  title: text,
  resultsIntro: z.string(),
  resultsBullets: z.array(text),
  measuresIntro: z.string(),
  measures: z.array(parsedMeasureSchema),
});

export const parsedPlanSchema = z
  .object({
    title: text,
    subtitle: text.nullable(),
    issuer: text,
    introduction: z.string(),
    axes: z.array(parsedAxisSchema).min(1),
  })
  .superRefine((plan, context) => {
    const numbers = plan.axes.map((axis) => axis.number);
    if (new Set(numbers).size !== numbers.length) {
      context.addIssue({ code: "custom", message: "axis numbers must be unique", path: ["axes"] });
    }
    plan.axes.forEach((axis, axisIndex) =>
      axis.measures.forEach((measure, measureIndex) => {
        if (measure.code !== `${axis.number}.${measureIndex + 1}`) {
          context.addIssue({
            code: "custom",
            message: `expected code ${axis.number}.${measureIndex + 1}`,
            path: ["axes", axisIndex, "measures", measureIndex, "code"],
          });
        }
      }),
    );
  });

export type ParsedMeasure = z.infer<typeof parsedMeasureSchema>;
export type ParsedAxis = z.infer<typeof parsedAxisSchema>;
export type ParsedPlan = z.infer<typeof parsedPlanSchema>;

// ─── Public addresses ────────────────────────────────────────────────────────
// Route and query parameters of the plan's pages and API, shared by proxy, pages and handlers.

export const planSlugSchema = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

export const planIdSchema = z.uuid();

/**
 * A euro amount as people type it ("125.000,50 €") → integer cents; empty → null (not decided),
 * absent → undefined (not part of the input). `messageKey` names the field's error message.
 */
export function euroAmountField(messageKey: string) {
  return z
    .string({ error: messageKey })
    .optional()
    .transform((value, context) => {
      if (value === undefined) return undefined;
      const trimmed = value.trim();
      if (!trimmed) return null;
      try {
        return parseEuroAmountToCents(trimmed);
      } catch (error) {
        if (!(error instanceof InvalidEuroAmountError)) throw error;
        context.addIssue({ code: "custom", message: messageKey });
        return z.NEVER;
      }
    });
}

export const measureCodeSchema = z.string().max(9).regex(measureCodePattern);

export const revisionNumberSchema = z.coerce.number().int().min(1).max(100_000);

export const planPageSearchSchema = z.object({ revisione: revisionNumberSchema.optional() });

export const measureQuerySchema = z.object({ plan: planSlugSchema.optional() });

// ─── Public read API ─────────────────────────────────────────────────────────
// The JSON of /api/v1: the contract, and the source of /api/v1/openapi.json.

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

/** What names a plan, in the list and in the full document alike. */
const planHeaderFields = {
  id: z.uuid(),
  slug: z.string(),
  title: z.string(),
  subtitle: z.string().nullable(),
  issuer: z.string(),
};

export const planSummaryDto = z
  .object({
    ...planHeaderFields,
    currentRevision: z.object({ number: z.int().positive(), publishedAt: dateTime.nullable() }).nullable(),
    axes: z.int().nonnegative(),
    measures: z.int().nonnegative(),
  })
  .register(apiSchemas, { id: "PlanSummary" });

export const planListDto = z.object({ plans: z.array(planSummaryDto) }).register(apiSchemas, { id: "PlanList" });

export const planDto = z
  .object({
    ...planHeaderFields,
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

/** GET /api/v1/calendar.ics: not JSON, but documented like the rest (lib/rounds/build-calendar-feed.ts). */
export const calendarFeedDto = z
  .string()
  .meta({ description: "An iCalendar document (RFC 5545): one VEVENT per consultation round (opening to closing) and per meeting (with LOCATION; STATUS:CANCELLED when cancelled). Times in UTC, stable UIDs." })
  .register(apiSchemas, { id: "CalendarFeed" });

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
