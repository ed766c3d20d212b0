import { z } from "zod";
import { USER_TEXT_LIMITS, userTextSchema } from "@/lib/participation/participation.schemas";

/**
 * Inputs of the moderation module (reports, the moderators' queue and actions, the auto-hide
 * setting), shared by the pages' forms and the services. Free of database imports.
 */

/** What can be reported and moderated. */
export const contributionTypes = ["comment", "proposal", "swot"] as const;
export type ContributionType = (typeof contributionTypes)[number];

/** The same types as they appear in addresses: /segnala?tipo=commento|proposta|swot&id=<uuid>. */
export const contributionTypeParam = { commento: "comment", proposta: "proposal", swot: "swot" } as const satisfies Record<string, ContributionType>;
export type ContributionTypeParam = keyof typeof contributionTypeParam;
export const paramOfContributionType: Record<ContributionType, ContributionTypeParam> = { comment: "commento", proposal: "proposta", swot: "swot" };

export const contributionTargetSchema = z.object({ type: z.enum(contributionTypes), id: z.uuid() }).strict();
export type ContributionTarget = z.infer<typeof contributionTargetSchema>;

export const reportInputSchema = z
  .object({ type: z.enum(contributionTypes), id: z.uuid(), reason: userTextSchema(USER_TEXT_LIMITS.reportReason) })
  .strict();
export type ReportInput = z.infer<typeof reportInputSchema>;

export const hideInputSchema = z
  .object({ type: z.enum(contributionTypes), id: z.uuid(), reason: userTextSchema(USER_TEXT_LIMITS.hiddenReason) })
  .strict();
export type HideInput = z.infer<typeof hideInputSchema>;

/** The number of open reports that puts a contribution on hold until a moderator looks at it. */
export const AUTO_HIDE_THRESHOLD = { key: "moderation.autoHideThreshold", default: 3, min: 1, max: 50 } as const;
export const autoHideThresholdSchema = z.coerce
  .number({ error: "moderation.settings.invalidThreshold" })
  .int({ error: "moderation.settings.invalidThreshold" })
  .min(AUTO_HIDE_THRESHOLD.min, { error: "moderation.settings.invalidThreshold" })
  .max(AUTO_HIDE_THRESHOLD.max, { error: "moderation.settings.invalidThreshold" });
export const moderationSettingsSchema = z.object({ autoHideThreshold: autoHideThresholdSchema }).strict();

/** /segnala's query: which contribution, and the outcome after sending. */
export const reportPageQuerySchema = z.object({
  tipo: z.enum(Object.keys(contributionTypeParam) as [ContributionTypeParam, ...ContributionTypeParam[]]),
  id: z.uuid(),
  esito: z.enum(["inviata"]).optional().catch(undefined),
});

export const MODERATION_PAGE_SIZE = 20;
export const moderationOutcomes = ["nascosto", "ripristinato", "archiviate", "soglia-salvata", "soglia-non-valida", "non-trovato", "gia-gestito"] as const;
export type ModerationOutcome = (typeof moderationOutcomes)[number];

/** /moderazione's query: the queue's page, the hidden list's page, the outcome of the last action. */
export const moderationQuerySchema = z.object({
  pagina: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
  nascosti: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
  esito: z.enum(moderationOutcomes).optional().catch(undefined),
});
export type ModerationQuery = z.infer<typeof moderationQuerySchema>;
