import { z } from "zod";
import { ImplementationStatus } from "@/lib/db/generated/enums";
import { normaliseUserText } from "@/lib/participation/participation.schemas";

/**
 * What the accountability pages accept: an official's progress update on a measure (shared by the
 * form, for field errors, and the service, for the real check) and the public page's filters.
 * Messages are keys: accountability.errors.* for the whole request, accountability.fields.* for one field.
 */

export const implementationStatuses = Object.values(ImplementationStatus);

export const UPDATE_TEXT_MIN = 10;
export const UPDATE_TEXT_MAX = 2_000;
export const DEPARTMENT_FILTER_MAX = 120;

/** A whole number from a form ("40") or JSON (40); empty means absent. */
const percent = z.preprocess(
  (value) => (typeof value === "string" ? (value.trim() === "" ? undefined : Number(value.trim())) : value),
  z
    .number({ error: "accountability.fields.percentRequired" })
    .int({ error: "accountability.fields.percentInvalid" })
    .min(0, { error: "accountability.fields.percentInvalid" })
    .max(100, { error: "accountability.fields.percentInvalid" }),
);

/**
 * A progress update: status, percentage (0–100, whole) and a public text (10–2,000 characters).
 * DONE means 100 % and TO_BE_DECIDED 0 %: any other percentage is an error on the percentage field.
 */
export const progressUpdateSchema = z
  .strictObject({
    measureId: z.uuid({ error: "accountability.errors.measureNotFound" }),
    status: z.enum(ImplementationStatus, { error: "accountability.fields.statusRequired" }),
    progressPercent: percent,
    text: z
      .string({ error: "accountability.fields.textRequired" })
      .transform(normaliseUserText)
      .pipe(
        z
          .string()
          .min(1, { error: "accountability.fields.textRequired" })
          .min(UPDATE_TEXT_MIN, { error: "accountability.fields.textTooShort" })
          .max(UPDATE_TEXT_MAX, { error: "accountability.fields.textTooLong" }),
      ),
  })
  .check((context) => {
    const { status, progressPercent } = context.value;
    if (status === "DONE" && progressPercent !== 100) {
      context.issues.push({ code: "custom", path: ["progressPercent"], message: "accountability.fields.percentDone", input: progressPercent });
    }
    if (status === "TO_BE_DECIDED" && progressPercent !== 0) {
      context.issues.push({ code: "custom", path: ["progressPercent"], message: "accountability.fields.percentToBeDecided", input: progressPercent });
    }
  });

export type ProgressUpdateInput = z.infer<typeof progressUpdateSchema>;

/** An empty query value (a filter left on "all") means no filter. */
const optional = <S extends z.ZodType>(schema: S) => z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

/**
 * The public page's filters (`?asse=2&stato=IN_PROGRESS&dipartimento=…`): an axis number, a status,
 * part of a department's name. A malformed value is a malformed address (400).
 */
export const accountabilitySearchSchema = z.object({
  asse: optional(z.string().regex(/^[1-9]\d{0,2}$/).transform(Number)),
  stato: optional(z.enum(ImplementationStatus)),
  dipartimento: optional(z.string().trim().min(1).max(DEPARTMENT_FILTER_MAX)),
});

export type AccountabilityFilters = z.infer<typeof accountabilitySearchSchema>;
