import { z } from "zod";
import { StakeholderCategory, VoteChoice } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";

/**
 * What the live-session services accept (socket payloads, console forms): strict objects, so a
 * client cannot set a status, a sequence number or a voter. Issue messages are keys under
 * live.errors.*; parseLiveInput turns a failure into AppError VALIDATION with the fields' keys.
 */

/** Join codes: 6 characters of an alphabet without look-alikes (no 0/O, 1/I/L). */
export const JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const JOIN_CODE_LENGTH = 6;
export const joinCodePattern = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);

/** Paper counts above this are typing mistakes, not assemblies. */
export const MAX_PAPER_COUNT = 100_000;

const uuid = (error: string) => z.uuid({ error });
const sessionId = uuid("live.errors.sessionInvalid");

/** A code as people type it: spaces around it ignored, lower case accepted. */
export const joinCodeSchema = z
  .string({ error: "live.errors.codeInvalid" })
  .transform((value) => value.trim().toUpperCase())
  .pipe(z.string().regex(joinCodePattern, "live.errors.codeInvalid"));

export const startLiveSessionSchema = z.object({ meetingId: uuid("live.errors.meetingInvalid") }).strict();

/** Every host command that acts on the session as it stands (open/close voting, show results, pause, resume, end). */
export const liveSessionCommandSchema = z.object({ sessionId }).strict();

export const selectLiveItemSchema = z
  .object({
    sessionId,
    measureId: uuid("live.errors.itemInvalid").optional(),
    proposalId: uuid("live.errors.itemInvalid").optional(),
  })
  .strict()
  .refine((value) => (value.measureId === undefined) !== (value.proposalId === undefined), { message: "live.errors.itemRequired", path: ["measureId"] });

const priority = z.preprocess(
  (value) => (value === "" || value === null ? undefined : value),
  z.int({ error: "live.errors.priorityInvalid" }).min(1, "live.errors.priorityInvalid").max(5, "live.errors.priorityInvalid").optional(),
);

export const castLiveVoteSchema = z
  .object({
    sessionId,
    itemId: uuid("live.errors.itemInvalid"),
    choice: z.enum(VoteChoice, { error: "live.errors.choiceRequired" }),
    priority,
    clientVoteId: uuid("live.errors.clientVoteIdInvalid"),
  })
  .strict();

export const joinLiveSessionSchema = z
  .object({ code: joinCodeSchema.optional(), sessionId: sessionId.optional() })
  .strict()
  .refine((value) => (value.code === undefined) !== (value.sessionId === undefined), { message: "live.errors.codeInvalid", path: ["code"] });

/** session:join on the socket: a join, plus the last sequence number seen when a client reconnects. */
export const liveJoinSchema = z
  .object({
    code: joinCodeSchema.optional(),
    sessionId: sessionId.optional(),
    lastSeq: z.int({ error: "live.errors.validation" }).min(0, "live.errors.validation").optional(),
  })
  .strict()
  .refine((value) => (value.code === undefined) !== (value.sessionId === undefined), { message: "live.errors.codeInvalid", path: ["code"] });

const count = (error: string) =>
  z.preprocess(
    (value) => (typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : value === "" ? undefined : value),
    z.int({ error }).min(0, error).max(MAX_PAPER_COUNT, error),
  );

export const recordPaperTallySchema = z
  .object({
    sessionId,
    itemId: uuid("live.errors.itemInvalid"),
    support: count("live.errors.countInvalid"),
    oppose: count("live.errors.countInvalid"),
    abstain: count("live.errors.countInvalid"),
    prioritySum: count("live.errors.countInvalid").optional(),
    priorityCount: count("live.errors.countInvalid").optional(),
  })
  .strict()
  .transform((value) => ({ ...value, prioritySum: value.prioritySum ?? 0, priorityCount: value.priorityCount ?? 0 }))
  // Priorities are 1–5 each, given by at most the people who voted on paper.
  .refine((value) => value.priorityCount <= value.support + value.oppose + value.abstain, { message: "live.errors.priorityCountTooHigh", path: ["priorityCount"] })
  .refine((value) => value.prioritySum >= value.priorityCount && value.prioritySum <= 5 * value.priorityCount, { message: "live.errors.prioritySumInvalid", path: ["prioritySum"] });

/** A guest's request to take part, from the join page (no account): the name the host sees and the category votes count under. */
export const requestLiveGuestSchema = z
  .object({
    code: joinCodeSchema,
    displayName: z
      .string({ error: "live.errors.guestNameInvalid" })
      .transform((value) => value.trim().replace(/\s+/g, " "))
      .pipe(z.string().min(2, "live.errors.guestNameInvalid").max(60, "live.errors.guestNameInvalid")),
    category: z.enum(StakeholderCategory, { error: "live.errors.guestCategoryRequired" }),
  })
  .strict();

/** A host admits or refuses a waiting guest. */
export const decideLiveGuestSchema = z
  .object({ sessionId, requestId: uuid("live.errors.guestRequestInvalid"), admit: z.boolean({ error: "live.errors.validation" }) })
  .strict();

export type SelectLiveItemInput = z.infer<typeof selectLiveItemSchema>;
export type CastLiveVoteInput = z.infer<typeof castLiveVoteSchema>;
export type RecordPaperTallyInput = z.infer<typeof recordPaperTallySchema>;

/**
 * Parses what a client sent; a failure is AppError VALIDATION "live.errors.validation" whose details
 * map each field to its first message key (unknown fields: "live.errors.unknownField").
 */
export function parseLiveInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const details: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) details[key] ??= "live.errors.unknownField";
      continue;
    }
    const message = issue.message.startsWith("live.errors.") ? issue.message : "live.errors.validation";
    details[String(issue.path[0] ?? "form")] ??= message;
  }
  throw new AppError("VALIDATION", "live.errors.validation", {}, details);
}
