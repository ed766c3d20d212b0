import { z } from "zod";
import { DecisionOptionKind } from "@/lib/db/generated/enums";
import { parseParticipationInput } from "@/lib/participation/parse-input";
import { normaliseUserText } from "@/lib/participation/participation.schemas";
import { euroAmountField, planSlugSchema, revisionNumberSchema } from "@/lib/plan/plan.schemas";
import type { DecisionFields } from "@/lib/synthesis/synthesis.schemas";

/**
 * What the decision services accept, shared by the officials' forms (field errors) and the services
 * (the real check). Messages are keys: decisions.errors.* for the whole request, decisions.fields.*
 * for one field. Forms send strings; empty means "not decided" (null).
 *
 * Funding source and department are chosen from the editable lists (DecisionOption): the field
 * carries the label, or OTHER_OPTION with the free text in `<field>Other` (at most 120 characters).
 * The service checks that a chosen label is on the list.
 */

export const TIMING_MAX = 200;
export const OTHER_TEXT_MAX = 120;
export const NOTE_MAX = 2_000;
export const OPTION_LABEL_MAX = 120;
export const BULK_MAX = 500;
/** The select's value meaning "another one, written in the text field". */
export const OTHER_OPTION = "other";

export const decisionOptionKinds = Object.values(DecisionOptionKind);

/** A decision as stored: the four fields (dates as YYYY-MM-DD, the budget in cents) and the public note. */
export type DecisionValues = DecisionFields & { note: string };

export const decisionValueKeys = ["timing", "startsOn", "endsOn", "budgetCents", "fundingSource", "department", "note"] as const satisfies readonly (keyof DecisionValues)[];
export type DecisionValueKey = (typeof decisionValueKeys)[number];

/** A chosen list entry: a label of the list, or free text ("other"). */
export type OptionChoice = { label: string; fromList: boolean } | null;

const text = (max: number, tooLong: string) =>
  z
    .string({ error: "decisions.errors.validation" })
    .transform(normaliseUserText)
    .pipe(z.string().max(max, { error: tooLong }));

/** Optional free text; empty or absent → null. */
const optionalText = (max: number, tooLong: string) =>
  text(max, tooLong)
    .optional()
    .transform((value) => (value ? value : null));

/** A calendar date from a date input (YYYY-MM-DD); empty or absent → null. */
const optionalDate = z
  .string({ error: "decisions.fields.dateInvalid" })
  .optional()
  .transform((value) => value?.trim() ?? "")
  .pipe(z.union([z.literal(""), z.iso.date({ error: "decisions.fields.dateInvalid" })], { error: "decisions.fields.dateInvalid" }))
  .transform((value) => (value === "" ? null : value));

/** Empty or absent → null: a decision always states every field. */
const optionalBudget = euroAmountField("decisions.fields.budgetInvalid").transform((cents) => cents ?? null);

const choice = text(OPTION_LABEL_MAX, "decisions.fields.optionTooLong").optional();
const otherText = text(OTHER_TEXT_MAX, "decisions.fields.otherTooLong").optional();
const choiceShape = { fundingSource: choice, fundingSourceOther: otherText, department: choice, departmentOther: otherText };

/** Reads "<field>" + "<field>Other" into a choice; "other" without text is an error at `<field>Other`. */
type ChoiceFields = { fundingSource?: string; fundingSourceOther?: string; department?: string; departmentOther?: string };

function choiceOf(value: ChoiceFields, field: "fundingSource" | "department", context: z.RefinementCtx): OptionChoice {
  const chosen = value[field] ?? "";
  if (chosen === OTHER_OPTION) {
    const other = value[field === "fundingSource" ? "fundingSourceOther" : "departmentOther"] ?? "";
    if (!other) {
      context.addIssue({ code: "custom", path: [`${field}Other`], message: "decisions.fields.otherRequired" });
      return null;
    }
    return { label: other, fromList: false };
  }
  return chosen ? { label: chosen, fromList: true } : null;
}

const uuid = (error: string) => z.uuid({ error });

/** `expectedVersion`: the decision version the form was loaded with (0: none yet). */
const expectedVersion = z.coerce.number({ error: "decisions.errors.validation" }).int({ error: "decisions.errors.validation" }).min(0, { error: "decisions.errors.validation" });

/** One measure's decision: every field (absent ones are "not decided"). */
export const recordDecisionSchema = z
  .strictObject({
    measureId: uuid("decisions.fields.measureRequired"),
    expectedVersion,
    startsOn: optionalDate,
    endsOn: optionalDate,
    timing: optionalText(TIMING_MAX, "decisions.fields.timingTooLong"),
    budget: optionalBudget,
    ...choiceShape,
    note: text(NOTE_MAX, "decisions.fields.noteTooLong").optional(),
  })
  .transform((value, context) => {
    if (value.startsOn && value.endsOn && value.endsOn < value.startsOn) context.addIssue({ code: "custom", path: ["endsOn"], message: "decisions.fields.datesReversed" });
    return {
      measureId: value.measureId.toLowerCase(),
      expectedVersion: value.expectedVersion,
      timing: value.timing,
      startsOn: value.startsOn,
      endsOn: value.endsOn,
      budgetCents: value.budget,
      fundingSource: choiceOf(value, "fundingSource", context),
      department: choiceOf(value, "department", context),
      note: value.note ?? "",
    };
  });
export type RecordDecisionInput = z.infer<typeof recordDecisionSchema>;

/** A list of ids from a form (absent, one string, several) or a JSON array; empty strings ignored. */
const measureIdList = z.preprocess(
  (value) => (value === undefined || value === null ? [] : Array.isArray(value) ? value.filter((id) => id !== "") : value === "" ? [] : [value]),
  z
    .array(uuid("decisions.fields.measuresInvalid"), { error: "decisions.fields.measuresInvalid" })
    .min(1, { error: "decisions.fields.measuresRequired" })
    .max(BULK_MAX, { error: "decisions.fields.measuresTooMany" })
    .transform((ids) => [...new Set(ids.map((id) => id.toLowerCase()))]),
);

/**
 * The same department, funding source and/or note for several measures: each selected measure gets
 * a new version with these fields replaced. At least one of the three (error at `form`).
 */
export const applyBulkDecisionSchema = z
  .strictObject({
    measureIds: measureIdList,
    ...choiceShape,
    note: text(NOTE_MAX, "decisions.fields.noteTooLong").optional(),
  })
  .transform((value, context) => {
    const fundingSource = choiceOf(value, "fundingSource", context);
    const department = choiceOf(value, "department", context);
    const note = value.note ? value.note : null;
    if (!fundingSource && !department && note === null && !value.fundingSource && !value.department) {
      context.addIssue({ code: "custom", path: ["form"], message: "decisions.errors.bulkNothing" });
    }
    return { measureIds: value.measureIds, fundingSource, department, note };
  });
export type ApplyBulkDecisionInput = z.infer<typeof applyBulkDecisionSchema>;

const optionKind = z.enum(DecisionOptionKind, { error: "decisions.fields.kindInvalid" });
const optionLabel = text(OPTION_LABEL_MAX, "decisions.fields.labelTooLong").pipe(z.string().min(1, { error: "decisions.fields.labelRequired" }));
const optionId = uuid("decisions.errors.optionNotFound");

/** A change to the lists: add, rename, archive, restore, move up or down. */
export const changeDecisionOptionSchema = z.discriminatedUnion(
  "action",
  [
    z.strictObject({ action: z.literal("add"), kind: optionKind, label: optionLabel }),
    z.strictObject({ action: z.literal("rename"), id: optionId, label: optionLabel }),
    z.strictObject({ action: z.enum(["archive", "restore", "up", "down"]), id: optionId }),
  ],
  { error: "decisions.errors.validation" },
);
export type ChangeDecisionOptionInput = z.infer<typeof changeDecisionOptionSchema>;

/** Which revision's decisions: the plan's slug and the revision number, as in the address. */
export const revisionAddressSchema = z.object({ slug: planSlugSchema, number: revisionNumberSchema });
export type RevisionAddress = z.infer<typeof revisionAddressSchema>;

/**
 * Parses a form or call; a failure is AppError VALIDATION "decisions.errors.validation" whose
 * details map each field to its first message key (unknown fields: "decisions.errors.unknownField").
 */
export function parseDecisionsInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  return parseParticipationInput(schema, input, "decisions");
}
