import { z } from "zod";
import { SwotKind } from "@/lib/db/generated/enums";
import { USER_TEXT_LIMITS, submissionIdSchema, userTextSchema } from "@/lib/participation/participation.schemas";
import { tagsSchema } from "@/lib/proposals/proposals.schemas";

/** SWOT observations: what a stakeholder sends (strict: no author, round or moderation state) and the page's query. */
export const swotKinds = Object.values(SwotKind);

export const submitSwotEntrySchema = z.strictObject({
  kind: z.enum(SwotKind, { error: "swot.fields.kindRequired" }),
  axisId: z
    .string()
    .optional()
    .transform((value) => (value?.trim() ? value.trim() : null))
    .pipe(z.uuid({ error: "swot.fields.axisInvalid" }).nullable()),
  body: userTextSchema(USER_TEXT_LIMITS.swot),
  /** The form's id for this submission (a re-post with it is the same observation). */
  submissionId: submissionIdSchema("swot.errors.validation"),
});
export type SubmitSwotEntryInput = z.infer<typeof submitSwotEntrySchema>;

/** Entries shown per kind on the page (newest first); the counts are always complete. */
export const SWOT_PER_KIND = 100;

export const swotQuerySchema = z.object({
  asse: z.coerce.number().int().min(1).max(99).optional().catch(undefined),
});

export const swotOutcomes = ["inviata"] as const;
export const swotOutcomeSchema = z.enum(swotOutcomes).optional().catch(undefined);

/** A facilitator's tags on an observation (triage): the same rules as a proposal's. */
export const tagSwotEntrySchema = z.strictObject({ tags: tagsSchema });
