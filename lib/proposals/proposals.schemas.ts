import { z } from "zod";
import { ProposalKind, ProposalStatus, StakeholderCategory } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";
import { InvalidEuroAmountError, parseEuroAmountToCents } from "@/lib/plan/money";
import { measureCodeSchema } from "@/lib/plan/plan.schemas";
import { USER_TEXT_LIMITS, normaliseUserText, submissionIdSchema, userTextSchema } from "@/lib/participation/participation.schemas";

/**
 * Proposals: what a stakeholder may send (one strict object per kind: no author, status, round or
 * support count can ride along), what a facilitator answers, and the list's query. Shared by the
 * forms (field errors) and the services (the real check). Messages are keys under proposals.*.
 */
export const proposalKinds = Object.values(ProposalKind);
export const proposalStatuses = Object.values(ProposalStatus);
/** The statuses a facilitator's answer can set. */
export const answerStatuses = ["ACCEPTED", "PARTLY_ACCEPTED", "REJECTED", "MERGED"] as const;
export type AnswerStatus = (typeof answerStatuses)[number];

/** Kinds and statuses as they appear in addresses (?tipo=…, ?stato=…). */
export const kindSlugs: Record<ProposalKind, string> = {
  AMEND_MEASURE: "emendamento",
  NEW_MEASURE: "nuova-misura",
  RETIRE_MEASURE: "ritiro",
  DECISION_FIELDS: "campi-decisionali",
};
export const statusSlugs: Record<ProposalStatus, string> = {
  OPEN: "aperta",
  ACCEPTED: "accolta",
  PARTLY_ACCEPTED: "accolta-in-parte",
  REJECTED: "respinta",
  MERGED: "unita",
  WITHDRAWN: "ritirata",
};
const invert = <K extends string>(record: Record<K, string>) => Object.fromEntries(Object.entries(record).map(([key, slug]) => [slug, key])) as Record<string, K>;
export const kindBySlug = invert(kindSlugs);
export const statusBySlug = invert(statusSlugs);

const uuid = (message: string) => z.uuid({ error: message });
const title = userTextSchema(USER_TEXT_LIMITS.proposalTitle);
/** The form's id for this submission (a re-post with it is the same proposal). */
const submissionId = submissionIdSchema("proposals.errors.validation");
const text = userTextSchema(USER_TEXT_LIMITS.proposal);

/** A decision value people write (timing, funding source, department): empty means "no proposal for this field". */
const optionalField = (max: number) =>
  z
    .string()
    .optional()
    .transform((value) => (value === undefined ? undefined : normaliseUserText(value)))
    .pipe(z.string().max(max, { error: "participation.text.tooLong" }).optional())
    .transform((value) => (value ? value : null));

const optionalBudget = z
  .string({ error: "proposals.fields.budgetInvalid" })
  .optional()
  .transform((value, context) => {
    const trimmed = value?.trim();
    if (!trimmed) return null;
    try {
      return parseEuroAmountToCents(trimmed);
    } catch (error) {
      if (!(error instanceof InvalidEuroAmountError)) throw error;
      context.addIssue({ code: "custom", message: "proposals.fields.budgetInvalid" });
      return z.NEVER;
    }
  });

export const DECISION_FIELD_LIMIT = 500;

const amend = z.strictObject({
  kind: z.literal("AMEND_MEASURE"),
  submissionId,
  measureId: uuid("proposals.fields.measureRequired"),
  title,
  proposedText: text,
  rationale: text,
});
const create = z.strictObject({
  kind: z.literal("NEW_MEASURE"),
  submissionId,
  axisId: uuid("proposals.fields.axisRequired"),
  title,
  proposedText: text,
  rationale: text,
});
const retire = z.strictObject({
  kind: z.literal("RETIRE_MEASURE"),
  submissionId,
  measureId: uuid("proposals.fields.measureRequired"),
  title,
  rationale: text,
});
const decision = z
  .strictObject({
    kind: z.literal("DECISION_FIELDS"),
    submissionId,
    measureId: uuid("proposals.fields.measureRequired"),
    title,
    rationale: text,
    proposedTiming: optionalField(DECISION_FIELD_LIMIT),
    proposedBudget: optionalBudget,
    proposedFundingSource: optionalField(DECISION_FIELD_LIMIT),
    proposedDepartment: optionalField(DECISION_FIELD_LIMIT),
  })
  .superRefine((value, context) => {
    if (value.proposedTiming === null && value.proposedBudget === null && value.proposedFundingSource === null && value.proposedDepartment === null) {
      context.addIssue({ code: "custom", path: ["proposedTiming"], message: "proposals.fields.decisionFieldRequired" });
    }
  });

export const submitProposalSchema = z.discriminatedUnion("kind", [amend, create, retire, decision], { error: "proposals.fields.kindRequired" });
export type SubmitProposalInput = z.infer<typeof submitProposalSchema>;

export const answerProposalSchema = z
  .strictObject({
    status: z.enum(answerStatuses, { error: "proposals.fields.statusRequired" }),
    answer: userTextSchema(USER_TEXT_LIMITS.proposal),
    mergedIntoId: z
      .string()
      .optional()
      .transform((value) => (value?.trim() ? value.trim() : undefined))
      .pipe(uuid("proposals.fields.mergedIntoRequired").optional()),
  })
  .superRefine((value, context) => {
    if (value.status === "MERGED" && !value.mergedIntoId) context.addIssue({ code: "custom", path: ["mergedIntoId"], message: "proposals.fields.mergedIntoRequired" });
  })
  .transform((value) => ({ ...value, mergedIntoId: value.status === "MERGED" ? value.mergedIntoId! : null }));
export type AnswerProposalInput = z.infer<typeof answerProposalSchema>;

export const proposalIdSchema = z.uuid();

export const PROPOSALS_PAGE_SIZE = 20;

/** The list's query, read leniently: a bad filter is ignored rather than failing the page. */
export const proposalsQuerySchema = z.object({
  tipo: z.enum(Object.values(kindSlugs) as [string, ...string[]]).optional().catch(undefined),
  stato: z.enum(Object.values(statusSlugs) as [string, ...string[]]).optional().catch(undefined),
  misura: measureCodeSchema.optional().catch(undefined),
  asse: z.coerce.number().int().min(1).max(99).optional().catch(undefined),
  pagina: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type ProposalsQuery = z.infer<typeof proposalsQuerySchema>;

/** Outcomes the proposal pages announce after a redirect (?esito=…). */
export const proposalOutcomes = ["inviata", "sostenuta", "sostegno-ritirato", "ritirata", "risposta", "chiusa", "non-consentito", "limite", "gia-risposta", "errore"] as const;
export type ProposalOutcome = (typeof proposalOutcomes)[number];
export const proposalOutcomeSchema = z.enum(proposalOutcomes).optional().catch(undefined);

const messageKey = /^[a-z]+(?:\.[a-zA-Z0-9]+)+$/;

/**
 * Parses a contribution; a failure is AppError VALIDATION whose details map each field to a message
 * key. Unknown fields are reported as such (under "form"), never silently dropped.
 */
export function parseContribution<S extends z.ZodType>(schema: S, input: unknown, errorKey: string): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const details: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    if (issue.code === "unrecognized_keys") {
      details.form ??= "proposals.errors.unknownFields";
      continue;
    }
    const field = String(issue.path[0] ?? "form");
    details[field] ??= messageKey.test(issue.message) ? issue.message : field === "kind" ? "proposals.fields.kindRequired" : "proposals.errors.validation";
  }
  throw new AppError("VALIDATION", errorKey, {}, details);
}

/* ---------- Triage (facilitators): tags, merging duplicates, the grouped lists' query ---------- */

export const TAG_LIMITS = { count: 10, length: 40 } as const;

/** A tag as stored: Unicode NFC, lower case, single spaces, no commas. */
export const normaliseTag = (tag: string): string => tag.normalize("NFC").replace(/[\s,]+/gu, " ").trim().toLocaleLowerCase("it");

/**
 * Tags as a form sends them (one field, comma-separated) or as a list: normalised, empty ones
 * dropped, duplicates removed (first wins); at most TAG_LIMITS.count tags of TAG_LIMITS.length characters.
 */
export const tagsSchema = z
  .union([z.string(), z.array(z.string())], { error: "synthesis.triage.errors.tagsInvalid" })
  .transform((value) => [...new Set((Array.isArray(value) ? value : value.split(",")).map(normaliseTag).filter(Boolean))])
  .pipe(
    z
      .array(z.string().max(TAG_LIMITS.length, { error: "synthesis.triage.errors.tagTooLong" }))
      .max(TAG_LIMITS.count, { error: "synthesis.triage.errors.tooManyTags" }),
  );

export const tagItemSchema = z.strictObject({ tags: tagsSchema });
export type TagItemInput = z.infer<typeof tagItemSchema>;

export const MERGE_LIMIT = 50;

/** Several proposals of a round merged into one target of the same round, with the public answer the merged ones get. */
export const mergeProposalsSchema = z
  .strictObject({
    targetId: z.uuid({ error: "synthesis.triage.errors.targetRequired" }),
    duplicateIds: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .transform((value) => [...new Set(value === undefined ? [] : Array.isArray(value) ? value : [value])])
      .pipe(z.array(z.uuid({ error: "synthesis.triage.errors.duplicatesRequired" })).min(1, { error: "synthesis.triage.errors.duplicatesRequired" }).max(MERGE_LIMIT, { error: "synthesis.triage.errors.tooManyDuplicates" })),
    answer: userTextSchema(USER_TEXT_LIMITS.proposal),
  })
  .superRefine((value, context) => {
    if (value.duplicateIds.includes(value.targetId)) context.addIssue({ code: "custom", path: ["duplicateIds"], message: "synthesis.triage.errors.targetAmongDuplicates" });
  });
export type MergeProposalsInput = z.infer<typeof mergeProposalsSchema>;

/** Items (proposals and observations together) on one page of the triage lists. */
export const TRIAGE_PAGE_SIZE = 50;

/** The triage page's query (?categoria=CITIZEN&tag=scuole&pagina=2), read leniently. */
export const triageQuerySchema = z.object({
  pagina: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
  categoria: z.enum(StakeholderCategory).optional().catch(undefined),
  tag: z
    .string()
    .optional()
    .transform((value) => (value === undefined ? undefined : normaliseTag(value) || undefined))
    .pipe(z.string().max(TAG_LIMITS.length).optional())
    .catch(undefined),
});
export type TriageQuery = z.infer<typeof triageQuerySchema>;

/** Outcomes the triage page announces after a redirect (?esito=…). */
export const triageOutcomes = ["etichette", "unite", "non-consentito", "errore"] as const;
export type TriageOutcome = (typeof triageOutcomes)[number];
export const triageOutcomeSchema = z.enum(triageOutcomes).optional().catch(undefined);
