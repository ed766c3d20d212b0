import { z } from "zod";
import { apiSchemas, planSlugSchema } from "@/lib/plan/plan.schemas";
import { roundIdSchema } from "@/lib/rounds/rounds.schemas";

/**
 * Open data: the row of every dataset (/api/v1/<dataset>?format=json|csv), its filters, and the JSON
 * wrapper. Field descriptions (English) feed the OpenAPI document; the catalogue page /dati-aperti
 * shows them too (Italian from messages openData.fields.*). Money is integer euro cents: a JSON number,
 * exact because every amount is far below 2^53 cents.
 */

// ─── Filters ─────────────────────────────────────────────────────────────────

export const openDataFormats = ["json", "csv"] as const;
export type OpenDataFormat = (typeof openDataFormats)[number];

const format = z.enum(openDataFormats).default("json");
const plan = planSlugSchema.optional();

export const planDatasetQuerySchema = z.object({ format, plan });
export const roundsDatasetQuerySchema = z.object({ format, plan });
export const resultsDatasetQuerySchema = z.object({ format, round: roundIdSchema });
export const proposalsDatasetQuerySchema = z.object({ format, round: roundIdSchema.optional() });

// ─── Rows ────────────────────────────────────────────────────────────────────

const instant = z.iso.datetime({ offset: true });
const calendarDate = z.iso.date();
const count = z.int().nonnegative();
const cents = z.int().nonnegative();

const decisionFields = {
  timing: z.string().nullable().describe("Decision field “Data”: when or how long, as written (e.g. “24 mesi”); null when not stated."),
  startsOn: calendarDate.nullable().describe("Start date (YYYY-MM-DD); null when not stated."),
  endsOn: calendarDate.nullable().describe("End date (YYYY-MM-DD); null when not stated."),
  budgetCents: cents.nullable().describe("Decision field “Budget”, in integer euro cents (12345 = €123.45); null when not stated."),
  fundingSource: z.string().nullable().describe("Decision field “Fonte”: the funding source; null when not stated."),
  department: z.string().nullable().describe("Decision field “Dipartimento”: the responsible department; null when not stated."),
};

export const revisionRowSchema = z
  .object({
    plan: z.string().describe("Slug of the plan."),
    revision: z.int().positive().describe("Number of the published revision (1, 2, …)."),
    publishedAt: instant.describe("When the revision was published (ISO 8601)."),
    axis: z.int().positive().describe("Number of the axis the measure belongs to."),
    axisTitle: z.string().describe("Title of the axis in this revision."),
    measure: z.string().describe("Code of the measure, “<axis>.<n>” (e.g. 3.12); stable across revisions."),
    position: z.int().nonnegative().describe("Order of the measure in the revision."),
    text: z.string().describe("Text of the measure in this revision."),
    ...decisionFields,
  })
  .register(apiSchemas, { id: "OpenDataRevisionRow", description: "A measure of a published revision, with the decision fields as the revision states them." });

export const roundRowSchema = z
  .object({
    id: z.uuid().describe("Identifier of the round (as in /consultazioni/<id>)."),
    plan: z.string().describe("Slug of the plan consulted."),
    title: z.string().describe("Title of the round."),
    status: z.enum(["SCHEDULED", "OPEN", "CLOSED", "SYNTHESIS", "PUBLISHED"]).describe("Status when the export was made: SCHEDULED, OPEN, CLOSED, SYNTHESIS (outcome being drafted), PUBLISHED (outcome published)."),
    opensAt: instant.describe("When the round opens (ISO 8601)."),
    closesAt: instant.describe("When the round closes (ISO 8601)."),
    revision: z.int().positive().describe("Number of the plan revision the round consults on."),
    meetings: count.describe("Meetings of the round (cancelled ones excluded)."),
    participants: count.describe("People who took part online or in live sessions: voted, commented, proposed or wrote a SWOT entry (each counted once)."),
    votes: count.describe("Individual votes (web and live), one per person and measure."),
    paperVotes: count.describe("Votes counted on paper ballots in meetings."),
    comments: count.describe("Comments, hidden ones excluded."),
    proposals: count.describe("Proposals, hidden ones excluded."),
  })
  .register(apiSchemas, { id: "OpenDataRoundRow", description: "A consultation round with its participation figures." });

export const resultBreakdowns = ["channel", "category"] as const;

export const resultRowSchema = z
  .object({
    round: z.uuid().describe("Identifier of the round."),
    measure: z.string().describe("Code of the measure."),
    axis: z.int().positive().describe("Number of the measure's axis."),
    breakdown: z.enum(resultBreakdowns).describe("“channel”: the row counts one channel (web, live, paper) or all of them (total); “category”: one stakeholder category (web and live votes; only once the round is closed)."),
    group: z.string().describe("web, live, paper or total for channel rows; the stakeholder category (CITIZEN, FAMILY, …) for category rows."),
    withheld: z.boolean().describe("True when a category has too few voters on the measure to publish its counts (k-anonymity, at least 5): its counts are null, its votes stay in the totals."),
    support: count.nullable().describe("Votes in favour; null when withheld."),
    oppose: count.nullable().describe("Votes against; null when withheld."),
    abstain: count.nullable().describe("Abstentions; null when withheld."),
    total: count.nullable().describe("support + oppose + abstain; null when withheld."),
    priorityCount: count.nullable().describe("Votes that gave a priority (1–5); null when withheld."),
    prioritySum: count.nullable().describe("Sum of the priorities given (mean = prioritySum / priorityCount); null when withheld."),
  })
  .register(apiSchemas, { id: "OpenDataResultRow", description: "Aggregated vote results of a measure in a round: never individual votes." });

export const proposalRowSchema = z
  .object({
    id: z.uuid().describe("Identifier of the proposal."),
    round: z.uuid().describe("Identifier of the round it was made in."),
    kind: z.enum(["AMEND_MEASURE", "NEW_MEASURE", "RETIRE_MEASURE", "DECISION_FIELDS"]).describe("AMEND_MEASURE, NEW_MEASURE, RETIRE_MEASURE or DECISION_FIELDS (values for the four decision fields)."),
    measure: z.string().nullable().describe("Code of the measure concerned; null for a new measure."),
    axis: z.int().positive().nullable().describe("Number of the axis a new measure would join; null otherwise."),
    title: z.string().describe("Title, in the author's words."),
    proposedText: z.string().nullable().describe("Proposed text of the measure, when any."),
    body: z.string().describe("Rationale, in the author's words."),
    proposedTiming: z.string().nullable().describe("Proposed timing, when any."),
    proposedBudgetCents: cents.nullable().describe("Proposed budget in integer euro cents, when any."),
    proposedFundingSource: z.string().nullable().describe("Proposed funding source, when any."),
    proposedDepartment: z.string().nullable().describe("Proposed department, when any."),
    status: z.enum(["OPEN", "ACCEPTED", "PARTLY_ACCEPTED", "REJECTED", "MERGED", "WITHDRAWN"]).describe("OPEN, ACCEPTED, PARTLY_ACCEPTED, REJECTED, MERGED (into another proposal) or WITHDRAWN."),
    answer: z.string().nullable().describe("The administration's public answer; null until answered."),
    answeredAt: instant.nullable().describe("When it was answered (ISO 8601)."),
    mergedInto: z.uuid().nullable().describe("The proposal it was merged into, when merged."),
    createdAt: instant.describe("When it was made (ISO 8601)."),
    supports: count.describe("How many people support it."),
    authorCategory: z
      .enum(["CITIZEN", "FAMILY", "YOUNG_PERSON", "THIRD_SECTOR", "INTER_TERRITORIAL_ASSOCIATION", "PUBLIC_BODY", "BUSINESS", "OTHER_PRIVATE_OR_SOCIAL"])
      .nullable()
      .describe("Stakeholder category of the author (never who); null when the author erased their account."),
  })
  .register(apiSchemas, { id: "OpenDataProposalRow", description: "A proposal made in a round (hidden ones omitted), with its status and answer; never its author's identity." });

export const decisionRowSchema = z
  .object({
    plan: z.string().describe("Slug of the plan."),
    revision: z.int().positive().describe("Number of the revision the decision belongs to."),
    measure: z.string().describe("Code of the measure."),
    version: z.int().positive().describe("Version of the decision (1, 2, …): every change is a new version."),
    ...decisionFields,
    note: z.string().describe("Public note explaining the decision."),
    decidedAt: instant.describe("When this version was decided (ISO 8601)."),
    publishedAt: instant.describe("When it was published (ISO 8601)."),
  })
  .register(apiSchemas, { id: "OpenDataDecisionRow", description: "A published version of an official decision on a measure's four questions (who decided is not published)." });

export const budgetDimensions = ["axis", "fundingSource", "department"] as const;

export const budgetTotalRowSchema = z
  .object({
    plan: z.string().describe("Slug of the plan."),
    revision: z.int().positive().describe("Number of the revision in force the totals are for."),
    dimension: z.enum(budgetDimensions).describe("What the row groups by: axis, fundingSource or department."),
    key: z.string().nullable().describe("The axis number, funding source or department; null groups the measures that do not state one."),
    label: z.string().nullable().describe("The axis title, funding source or department; null when not stated."),
    budgetCents: cents.describe("Sum of the budgets in integer euro cents (dropped measures excluded)."),
    measures: count.describe("Measures with a budget counted in the sum."),
  })
  .register(apiSchemas, { id: "OpenDataBudgetTotalRow", description: "Budget of the plan's revision in force, summed by axis, funding source or department (the public decision's fields when there is one)." });

/** The JSON wrapper of a dataset: { dataset, generatedAt, items }. */
function wrapper<R extends z.ZodType>(dataset: string, row: R, id: string) {
  return z
    .object({
      dataset: z.literal(dataset).describe("Name of the dataset."),
      generatedAt: instant.describe("When the export was made (ISO 8601)."),
      items: z.array(row).describe("The rows, in the same order and with the same fields as the CSV columns."),
    })
    .register(apiSchemas, { id });
}

export const revisionsDocumentSchema = wrapper("revisions", revisionRowSchema, "OpenDataRevisions");
export const roundsDocumentSchema = wrapper("rounds", roundRowSchema, "OpenDataRounds");
export const resultsDocumentSchema = wrapper("results", resultRowSchema, "OpenDataResults");
export const proposalsDocumentSchema = wrapper("proposals", proposalRowSchema, "OpenDataProposals");
export const decisionsDocumentSchema = wrapper("decisions", decisionRowSchema, "OpenDataDecisions");
export const budgetTotalsDocumentSchema = wrapper("budget-totals", budgetTotalRowSchema, "OpenDataBudgetTotals");

export type RevisionRow = z.infer<typeof revisionRowSchema>;
export type RoundRow = z.infer<typeof roundRowSchema>;
export type ResultRow = z.infer<typeof resultRowSchema>;
export type ProposalRow = z.infer<typeof proposalRowSchema>;
export type DecisionRow = z.infer<typeof decisionRowSchema>;
export type BudgetTotalRow = z.infer<typeof budgetTotalRowSchema>;
