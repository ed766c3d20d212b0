import { z } from "zod";
import { RevisionChangeKind } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";
import { parseParticipationInput } from "@/lib/participation/parse-input";
import { normaliseUserText, USER_TEXT_LIMITS } from "@/lib/participation/participation.schemas";
import { euroAmountField } from "@/lib/plan/plan.schemas";
import { InvalidTimingError, parseTiming } from "@/lib/plan/timing";

/**
 * What the revision-drafting services accept, shared by the workbench forms (field errors) and the
 * services (the real check). Strict objects: no status, author, round or revision can ride along
 * (the round is the services' own argument). Messages are keys: synthesis.errors.* for the whole
 * request, synthesis.fields.* for one field.
 *
 * Every edit carries the "why": a rationale (10–2,000 characters) and links to what motivated it —
 * proposals, comments, SWOT observations of the round, vote results of measures — or an explicit
 * editorial mark. Forms may send the id lists as repeated fields (one string or several) and the
 * mark as a checkbox ("on"). Without any link nor the mark the error is at `links`
 * ("synthesis.errors.linkRequired", also the request's message key).
 */

export const RATIONALE_MIN = 10;
export const RATIONALE_MAX = 2_000;
export const MEASURE_TEXT_MAX = 10_000;
export const DECISION_FIELD_MAX = 500;
export const AXIS_TITLE_MAX = 300;
export const AXIS_RESULTS_INTRO_MAX = 5_000;
export const AXIS_RESULT_BULLET_MAX = 1_000;
export const AXIS_RESULT_BULLETS_MAX = 50;
export const SUMMARY_MIN = 10;
export const SUMMARY_MAX = 5_000;
/** Links of one kind per edit: far above any real motivation, low enough to bound the query. */
export const LINKS_MAX = 200;

export const revisionChangeKinds = Object.values(RevisionChangeKind);

const uuid = (error: string) => z.uuid({ error });

/** Required free text with the participation module's normalisation, under our own keys. */
const requiredText = (max: number, required: string, tooLong: string) =>
  z
    .string({ error: required })
    .transform(normaliseUserText)
    .pipe(z.string().min(1, required).max(max, { error: tooLong }));

const rationale = z
  .string({ error: "synthesis.fields.rationaleRequired" })
  .transform(normaliseUserText)
  .pipe(
    z
      .string()
      .min(1, "synthesis.fields.rationaleRequired")
      .min(RATIONALE_MIN, "synthesis.fields.rationaleTooShort")
      .max(RATIONALE_MAX, { error: "synthesis.fields.rationaleTooLong" }),
  );

/** A list of ids from a form (absent, one string, several) or a JSON array; empty strings ignored. */
const idList = (error: string) =>
  z.preprocess(
    (value) => (value === undefined || value === null ? [] : Array.isArray(value) ? value.filter((id) => id !== "") : value === "" ? [] : [value]),
    z
      .array(uuid(error), { error })
      .max(LINKS_MAX, { error })
      .transform((ids) => [...new Set(ids.map((id) => id.toLowerCase()))]),
  );

/** A checkbox ("on"/"true") or a boolean; absent means false. */
const checkbox = z.preprocess(
  (value) => (value === undefined || value === null || value === "" ? false : value === "on" || value === "true" ? true : value === "false" ? false : value),
  z.boolean({ error: "synthesis.errors.validation" }),
);

const linkShape = {
  rationale,
  editorial: checkbox,
  proposalIds: idList("synthesis.fields.linkInvalid"),
  commentIds: idList("synthesis.fields.linkInvalid"),
  swotEntryIds: idList("synthesis.fields.linkInvalid"),
  voteResultsMeasureIds: idList("synthesis.fields.linkInvalid"),
};

/** What motivated a change: its rationale, its links (all of the draft's round), or the editorial mark. */
export interface ChangeMotivation {
  rationale: string;
  editorial: boolean;
  proposalIds: string[];
  commentIds: string[];
  swotEntryIds: string[];
  voteResultsMeasureIds: string[];
}

const linkCount = (value: ChangeMotivation) => value.proposalIds.length + value.commentIds.length + value.swotEntryIds.length + value.voteResultsMeasureIds.length;

/** Adds the "link or editorial" rule to an object carrying the link fields. */
function requireMotivation<T extends ChangeMotivation>(value: T, context: z.RefinementCtx) {
  if (!value.editorial && linkCount(value) === 0) context.addIssue({ code: "custom", path: ["links"], message: "synthesis.errors.linkRequired" });
}

export function motivationOf(value: ChangeMotivation): ChangeMotivation {
  const { rationale, editorial, proposalIds, commentIds, swotEntryIds, voteResultsMeasureIds } = value;
  return { rationale, editorial, proposalIds, commentIds, swotEntryIds, voteResultsMeasureIds };
}

// ─── decision fields ─────────────────────────────────────────────────────────

/** A decision value as written; empty means "not decided" (null). Absent means "not part of this edit". */
const optionalDecisionText = z
  .string({ error: "synthesis.fields.decisionFieldInvalid" })
  .optional()
  .transform((value) => (value === undefined ? undefined : normaliseUserText(value)))
  .pipe(z.string().max(DECISION_FIELD_MAX, { error: "synthesis.fields.decisionFieldTooLong" }).optional())
  .transform((value) => (value === undefined ? undefined : value === "" ? null : value));

/** A calendar date from a date input (YYYY-MM-DD); empty means none. */
const optionalDate = z
  .string({ error: "synthesis.fields.dateInvalid" })
  .optional()
  .transform((value) => (value === undefined ? undefined : value.trim()))
  .pipe(z.union([z.literal(""), z.iso.date({ error: "synthesis.fields.dateInvalid" })], { error: "synthesis.fields.dateInvalid" }).optional())
  .transform((value) => (value === undefined ? undefined : value === "" ? null : value));

const optionalBudget = euroAmountField("synthesis.fields.budgetInvalid");

/** A measure's decision fields as stored (dates as YYYY-MM-DD). */
export interface DecisionFields {
  timing: string | null;
  startsOn: string | null;
  endsOn: string | null;
  budgetCents: bigint | null;
  fundingSource: string | null;
  department: string | null;
}

const decisionShape = {
  timing: optionalDecisionText,
  startsOn: optionalDate,
  endsOn: optionalDate,
  budget: optionalBudget,
  fundingSource: optionalDecisionText,
  department: optionalDecisionText,
};
const decisionKeys = Object.keys(decisionShape) as (keyof typeof decisionShape)[];

type DecisionInput = { [K in keyof typeof decisionShape]: z.infer<(typeof decisionShape)[K]> };

/**
 * The decision fields of an edit, or undefined when none was sent. They are a set: sending any of
 * them sets all (a missing one is null). Dates left empty are derived from the timing text when
 * its reading is unambiguous (lib/plan/timing.ts: "2008-2010", "marzo 2008", …).
 */
function decisionFields(value: DecisionInput, context: z.RefinementCtx): DecisionFields | undefined {
  if (decisionKeys.every((key) => value[key] === undefined)) return undefined;
  const timing = value.timing ?? null;
  let startsOn = value.startsOn ?? null;
  let endsOn = value.endsOn ?? null;
  if (timing && startsOn === null && endsOn === null) {
    try {
      ({ startsOn, endsOn } = parseTiming(timing));
    } catch (error) {
      if (!(error instanceof InvalidTimingError)) throw error;
      context.addIssue({ code: "custom", path: ["timing"], message: error.reason === "reversedRange" ? "synthesis.fields.datesReversed" : "synthesis.fields.timingInvalid" });
    }
  }
  if (startsOn && endsOn && endsOn < startsOn) context.addIssue({ code: "custom", path: ["endsOn"], message: "synthesis.fields.datesReversed" });
  return { timing, startsOn, endsOn, budgetCents: value.budget ?? null, fundingSource: value.fundingSource ?? null, department: value.department ?? null };
}

const measureText = requiredText(MEASURE_TEXT_MAX, "synthesis.fields.textRequired", "synthesis.fields.textTooLong");

// ─── the edits ───────────────────────────────────────────────────────────────

/**
 * Change a measure of the draft: its text, its decision fields, or both (each is a change kind of
 * its own: MEASURE_TEXT_CHANGED, MEASURE_DECISION_FIELDS_CHANGED). `text` absent: the text is not
 * part of the edit; decision fields: see decisionFields. At least one of the two is required.
 */
export const changeDraftMeasureSchema = z
  .strictObject({ measureId: uuid("synthesis.fields.measureRequired"), text: measureText.optional(), ...decisionShape, ...linkShape })
  .transform((value, context) => {
    requireMotivation(value, context);
    const decision = decisionFields(value, context);
    if (value.text === undefined && decision === undefined) context.addIssue({ code: "custom", path: ["text"], message: "synthesis.errors.nothingToChange" });
    return { measureId: value.measureId, text: value.text, decision, ...motivationOf(value) };
  });
export type ChangeDraftMeasureInput = z.infer<typeof changeDraftMeasureSchema>;

/** A new measure at the end of an axis of the draft; decision fields optional (null when not sent). */
export const addDraftMeasureSchema = z
  .strictObject({ axisId: uuid("synthesis.fields.axisRequired"), text: measureText, ...decisionShape, ...linkShape })
  .transform((value, context) => {
    requireMotivation(value, context);
    const decision = decisionFields(value, context) ?? { timing: null, startsOn: null, endsOn: null, budgetCents: null, fundingSource: null, department: null };
    return { axisId: value.axisId, text: value.text, decision, ...motivationOf(value) };
  });
export type AddDraftMeasureInput = z.infer<typeof addDraftMeasureSchema>;

/** Retire a measure: it leaves the draft (and stays in the older revisions). */
export const retireDraftMeasureSchema = z
  .strictObject({ measureId: uuid("synthesis.fields.measureRequired"), ...linkShape })
  .transform((value, context) => {
    requireMotivation(value, context);
    return { measureId: value.measureId, ...motivationOf(value) };
  });
export type RetireDraftMeasureInput = z.infer<typeof retireDraftMeasureSchema>;

/** The new order of an axis' measures: every measure the axis has in the draft, each once. */
export const reorderDraftMeasuresSchema = z
  .strictObject({
    axisId: uuid("synthesis.fields.axisRequired"),
    measureIds: z.preprocess(
      (value) => (typeof value === "string" ? [value] : value),
      z.array(uuid("synthesis.fields.orderInvalid"), { error: "synthesis.fields.orderInvalid" }).min(1, "synthesis.fields.orderInvalid").max(1_000, "synthesis.fields.orderInvalid"),
    ),
    ...linkShape,
  })
  .transform((value, context) => {
    requireMotivation(value, context);
    const measureIds = value.measureIds.map((id) => id.toLowerCase());
    if (new Set(measureIds).size !== measureIds.length) context.addIssue({ code: "custom", path: ["measureIds"], message: "synthesis.fields.orderInvalid" });
    return { axisId: value.axisId, measureIds, ...motivationOf(value) };
  });
export type ReorderDraftMeasuresInput = z.infer<typeof reorderDraftMeasuresSchema>;

/** Expected results as a list: a JSON array, or a textarea with one result per line (empty lines ignored). */
const resultsBullets = z.preprocess(
  (value) => (typeof value === "string" ? value.split(/\r\n?|\n/) : value),
  z
    .array(z.string({ error: "synthesis.fields.resultsBulletsInvalid" }).transform(normaliseUserText), { error: "synthesis.fields.resultsBulletsInvalid" })
    .transform((bullets) => bullets.filter((bullet) => bullet !== ""))
    .pipe(
      z
        .array(z.string().max(AXIS_RESULT_BULLET_MAX, { error: "synthesis.fields.resultsBulletTooLong" }))
        .max(AXIS_RESULT_BULLETS_MAX, { error: "synthesis.fields.resultsBulletsTooMany" }),
    ),
);

/** An axis of the draft: title, expected results' introduction and list. Absent fields keep their draft value. */
export const changeDraftAxisSchema = z
  .strictObject({
    axisId: uuid("synthesis.fields.axisRequired"),
    title: requiredText(AXIS_TITLE_MAX, "synthesis.fields.axisTitleRequired", "synthesis.fields.axisTitleTooLong").optional(),
    resultsIntro: z
      .string({ error: "synthesis.fields.resultsIntroTooLong" })
      .transform(normaliseUserText)
      .pipe(z.string().max(AXIS_RESULTS_INTRO_MAX, { error: "synthesis.fields.resultsIntroTooLong" }))
      .optional(),
    resultsBullets: resultsBullets.optional(),
    ...linkShape,
  })
  .transform((value, context) => {
    requireMotivation(value, context);
    if (value.title === undefined && value.resultsIntro === undefined && value.resultsBullets === undefined) {
      context.addIssue({ code: "custom", path: ["title"], message: "synthesis.errors.nothingToChange" });
    }
    return { axisId: value.axisId, title: value.title, resultsIntro: value.resultsIntro, resultsBullets: value.resultsBullets, ...motivationOf(value) };
  });
export type ChangeDraftAxisInput = z.infer<typeof changeDraftAxisSchema>;

/**
 * Accept a proposal into the draft in one step: the change it asks for, linked to it (more links
 * optional, the editorial mark meaningless), and its public answer (status ACCEPTED).
 */
export const acceptProposalIntoDraftSchema = z
  .strictObject({
    proposalId: uuid("synthesis.fields.proposalRequired"),
    answer: requiredText(USER_TEXT_LIMITS.proposal, "synthesis.fields.answerRequired", "synthesis.fields.answerTooLong"),
    ...linkShape,
  })
  .transform((value) => ({ proposalId: value.proposalId, answer: value.answer, ...motivationOf({ ...value, editorial: false, proposalIds: [...new Set([value.proposalId.toLowerCase(), ...value.proposalIds])] }) }));
export type AcceptProposalIntoDraftInput = z.infer<typeof acceptProposalIntoDraftSchema>;

/** Publishing: a summary of the revision, shown on its public page. */
export const publishRevisionSchema = z.strictObject({
  summary: z
    .string({ error: "synthesis.fields.summaryRequired" })
    .transform(normaliseUserText)
    .pipe(z.string().min(1, "synthesis.fields.summaryRequired").min(SUMMARY_MIN, "synthesis.fields.summaryTooShort").max(SUMMARY_MAX, { error: "synthesis.fields.summaryTooLong" })),
});
export type PublishRevisionInput = z.infer<typeof publishRevisionSchema>;

export const roundIdSchema = z.uuid();

/**
 * Parses a form or call; a failure is AppError VALIDATION whose details map each field to its first
 * message key (unknown fields: "synthesis.errors.unknownField"). The request's key is
 * "synthesis.errors.validation", or "synthesis.errors.linkRequired" when the missing motivation is
 * the only problem.
 */
export function parseSynthesisInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  try {
    return parseParticipationInput(schema, input, "synthesis");
  } catch (error) {
    const details = error instanceof AppError ? (error.details as Record<string, string>) : undefined;
    if (details && Object.keys(details).length === 1 && details.links === "synthesis.errors.linkRequired") {
      throw new AppError("VALIDATION", "synthesis.errors.linkRequired", {}, details);
    }
    throw error;
  }
}
