import { z } from "zod";
import { VoteChoice } from "@/lib/db/generated/enums";

/**
 * A vote as a stakeholder sends it (web form, JSON API, live assembly): the round, the measure, the
 * choice and an optional priority 1–5. Strict: nobody can set the voter, the channel or a weight.
 * Messages are keys under votes.errors.*.
 */
export const voteChoices = Object.values(VoteChoice);

/** Forms send "" for "no priority" and digits as text; the JSON API sends a number or null. */
const priority = z.preprocess(
  (value) => (value === "" || value === null ? undefined : typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : value),
  z.int({ error: "votes.errors.priorityInvalid" }).min(1, "votes.errors.priorityInvalid").max(5, "votes.errors.priorityInvalid").optional(),
);

export const castVoteSchema = z
  .object({
    roundId: z.uuid({ error: "votes.errors.roundInvalid" }),
    measureId: z.uuid({ error: "votes.errors.measureInvalid" }),
    choice: z.enum(VoteChoice, { error: "votes.errors.choiceRequired" }),
    priority,
  }, { error: "votes.errors.validation" })
  .strict();
export type CastVoteInput = z.infer<typeof castVoteSchema>;

/** The JSON body of POST /api/v1/rounds/{roundId}/votes: the round comes from the address. */
export const voteRequestSchema = castVoteSchema.omit({ roundId: true });
