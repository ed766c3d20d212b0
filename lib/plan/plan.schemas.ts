import { z } from "zod";

// ─── Plan document import: the parsed plan ───────────────────────────────────
// What parsePlanDocument() produces and importPlan() accepts. Decision fields
// are null when the document leaves them to be decided. Dates are calendar
// dates (YYYY-MM-DD); `line` is the 1-based source line, kept for messages.

/** Measure codes are "<axis number>.<n>", n counting from 1 within the axis (as in plan-routes.schemas). */
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

// ─── end of plan document import ─────────────────────────────────────────────
