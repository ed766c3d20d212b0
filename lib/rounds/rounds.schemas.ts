import { z } from "zod";
import { RegistrationMode, RoundStatus, VenueKind } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";
import { normaliseUserText } from "@/lib/participation/participation.schemas";
import { parseDateTimeInput } from "./local-time";

/**
 * The rounds module's inputs (rounds, meetings, registrations, the calendar feed), shared by the
 * forms (field errors) and the services (the real check). Issue messages are message keys
 * (rounds.fields.*, meetings.fields.*), translated where shown. Objects are strict: a form cannot
 * set a status, an author or a plan it was not given.
 */

/** Round, meeting and proposal ids in addresses and forms are UUIDs. */
export const roundIdSchema = z.uuid();
export const meetingIdSchema = z.uuid();

export const ROUND_TEXT_LIMITS = { title: 200, description: 10_000, venue: 200, address: 300, minutes: 20_000 } as const;
export const MAX_CAPACITY = 100_000;

/** One line of text (titles, venues): spaces collapsed, control characters removed. */
const line = (max: number, required: string, tooLong: string) =>
  z
    .string({ error: required })
    .transform((value) => normaliseUserText(value).replace(/\s+/g, " "))
    .pipe(z.string().min(1, required).max(max, tooLong));

const optionalLine = (max: number, tooLong: string) =>
  z
    .string()
    .transform((value) => normaliseUserText(value).replace(/\s+/g, " "))
    .pipe(z.string().max(max, tooLong))
    .nullish()
    .transform((value) => (value ? value : null));

/** Text written by facilitators, shown like any user text (UserText): paragraphs and line breaks kept. */
const text = (max: number, required: string, tooLong: string) =>
  z
    .string({ error: required })
    .transform(normaliseUserText)
    .pipe(z.string().min(1, required).max(max, tooLong));

/** A Date, or a form's "2027-03-15T18:00" (Rome wall clock), or an ISO instant with offset. */
const instant = (required: string) =>
  z.unknown().transform((value, context): Date => {
    if (value instanceof Date && !Number.isNaN(value.getTime())) return value;
    if (typeof value === "string" && value.trim() !== "") {
      const parsed = parseDateTimeInput(value);
      if (parsed) return parsed;
      context.addIssue({ code: "custom", message: "rounds.fields.dateInvalid" });
      return z.NEVER;
    }
    context.addIssue({ code: "custom", message: required });
    return z.NEVER;
  });

/** Empty form fields mean "not given". */
const blankAsUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

const roundFields = {
  title: line(ROUND_TEXT_LIMITS.title, "rounds.fields.titleRequired", "rounds.fields.tooLong"),
  description: text(ROUND_TEXT_LIMITS.description, "rounds.fields.descriptionRequired", "rounds.fields.tooLong"),
  opensAt: instant("rounds.fields.opensAtRequired"),
  closesAt: instant("rounds.fields.closesAtRequired"),
};

const closesAfterOpens = (value: { opensAt?: Date; closesAt?: Date }, context: z.RefinementCtx) => {
  if (value.opensAt && value.closesAt && value.closesAt <= value.opensAt) {
    context.addIssue({ code: "custom", path: ["closesAt"], message: "rounds.fields.closesBeforeOpens" });
  }
};

/** A published revision of the plan; the plan's current one when omitted. */
const revisionId = z.preprocess(blankAsUndefined, z.uuid({ error: "rounds.fields.revisionInvalid" }).optional());

export const scheduleRoundSchema = z
  .object({
    /** The plan; the installation's main plan when omitted. */
    planId: z.preprocess(blankAsUndefined, z.uuid({ error: "rounds.fields.planInvalid" }).optional()),
    revisionId,
    ...roundFields,
  })
  .strict()
  .superRefine(closesAfterOpens);
export type ScheduleRoundInput = z.infer<typeof scheduleRoundSchema>;

/** While a round is scheduled, everything can change (but its plan). */
export const updateScheduledRoundSchema = z.object({ revisionId, ...roundFields }).strict().superRefine(closesAfterOpens);
/** While it is open, only the description and the closing time (not in the past). */
export const updateOpenRoundSchema = z.object({ description: roundFields.description, closesAt: roundFields.closesAt }).strict();

/** The facilitators' buttons. PUBLISHED exists in the model but belongs to the synthesis work. */
export const roundStatusChangeSchema = z.object({ status: z.enum(RoundStatus, { error: "rounds.errors.statusInvalid" }) }).strict();



// ─── meetings ────────────────────────────────────────────────────────────────

export const venueKinds = Object.values(VenueKind);
export const registrationModes = Object.values(RegistrationMode);

const meetingFields = z
  .object({
    title: line(ROUND_TEXT_LIMITS.title, "meetings.fields.titleRequired", "meetings.fields.tooLong"),
    venue: line(ROUND_TEXT_LIMITS.venue, "meetings.fields.venueRequired", "meetings.fields.tooLong"),
    venueKind: z.enum(VenueKind, { error: "meetings.fields.venueKindRequired" }),
    address: optionalLine(ROUND_TEXT_LIMITS.address, "meetings.fields.tooLong"),
    startsAt: instant("meetings.fields.startsAtRequired"),
    endsAt: instant("meetings.fields.endsAtRequired"),
    capacity: z.preprocess(
      blankAsUndefined,
      z.coerce.number({ error: "meetings.fields.capacityInvalid" }).int("meetings.fields.capacityInvalid").min(1, "meetings.fields.capacityInvalid").max(MAX_CAPACITY, "meetings.fields.capacityInvalid").nullish(),
    ).transform((value) => value ?? null),
    registration: z.preprocess(blankAsUndefined, z.enum(RegistrationMode, { error: "meetings.fields.registrationInvalid" }).default("NONE")),
  })
  .strict();

const endsAfterStarts = (value: { startsAt?: Date; endsAt?: Date }, context: z.RefinementCtx) => {
  if (value.startsAt && value.endsAt && value.endsAt <= value.startsAt) {
    context.addIssue({ code: "custom", path: ["endsAt"], message: "meetings.fields.endsBeforeStarts" });
  }
};

export const meetingSchema = meetingFields.superRefine(endsAfterStarts);
export type MeetingInput = z.infer<typeof meetingSchema>;

export const meetingOutcomeSchema = z
  .object({
    headcount: z.preprocess(
      blankAsUndefined,
      z.coerce.number({ error: "meetings.fields.headcountInvalid" }).int("meetings.fields.headcountInvalid").min(0, "meetings.fields.headcountInvalid").max(MAX_CAPACITY, "meetings.fields.headcountInvalid").nullish(),
    ).transform((value) => value ?? null),
    minutes: z
      .string()
      .transform(normaliseUserText)
      .pipe(z.string().max(ROUND_TEXT_LIMITS.minutes, "meetings.fields.tooLong"))
      .nullish()
      .transform((value) => (value ? value : null)),
  })
  .strict();
export type MeetingOutcomeInput = z.infer<typeof meetingOutcomeSchema>;

/** At most this many people ticked off in one save (well above any room's capacity). */
export const MAX_ATTENDEES = 5_000;

/**
 * The facilitators' attendance tick-off: the ids of the people ticked (one form field, repeated) and,
 * optionally, the e-mail address of a signed-up stakeholder who came without registering.
 */
export const attendanceSchema = z
  .object({
    attended: z
      .preprocess((value) => (value === undefined || value === null || value === "" ? [] : Array.isArray(value) ? value : [value]), z.array(z.uuid({ error: "meetings.fields.attendeeInvalid" }), { error: "meetings.fields.attendeeInvalid" }).max(MAX_ATTENDEES, "meetings.fields.attendeeInvalid"))
      .transform((ids) => [...new Set(ids)]),
    email: z
      .preprocess(
        (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
        z.string({ error: "meetings.fields.attendeeEmailInvalid" }).trim().toLowerCase().max(254, "meetings.fields.attendeeEmailInvalid").pipe(z.email({ error: "meetings.fields.attendeeEmailInvalid" })).optional(),
      )
      .transform((value) => value ?? null),
  })
  .strict();
export type AttendanceInput = z.infer<typeof attendanceSchema>;

// ─── calendar feed ───────────────────────────────────────────────────────────

/** GET /api/v1/calendar.ics?lang=en&plan=<slug>: language of the labels; one plan or all. */
export const calendarFeedQuerySchema = z.object({
  lang: z.enum(["it", "en"]).default("it"),
  plan: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(120).optional(),
});

// ─── parsing ─────────────────────────────────────────────────────────────────

/** Field → first message key, for forms. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.code === "unrecognized_keys" ? "form" : String(issue.path[0] ?? "form");
    // Our schemas give message keys; zod's own wording (an unexpected type) gets a generic one.
    const message = issue.code === "unrecognized_keys" ? "rounds.errors.unknownFields" : /^(rounds|meetings)\.[a-zA-Z.]+$/.test(issue.message) ? issue.message : "rounds.fields.invalid";
    errors[field] ??= message;
  }
  return errors;
}

/** Parses a form or call; a failure is AppError VALIDATION with the field errors as details. */
export function parseRoundsInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    // Unknown fields (strict objects) are refused as a whole, not as a field of the form.
    if (parsed.error.issues.some((issue) => issue.code === "unrecognized_keys")) throw new AppError("VALIDATION", "rounds.errors.unknownFields", {}, errors);
    throw new AppError("VALIDATION", "rounds.errors.validation", {}, errors);
  }
  return parsed.data;
}

// ─── outcomes shown after a form (the actions redirect with ?esito=…) ─────────

export const roundSuccessOutcomes = [
  "programmata",
  "modificata",
  "aperta",
  "chiusa",
  "sintesi-avviata",
  "incontro-programmato",
  "incontro-modificato",
  "incontro-annullato",
  "esito-registrato",
  "presenze-registrate",
  "iscrizione-confermata",
  "iscrizione-annullata",
] as const;
export const roundFailureOutcomes = ["posti-esauriti", "iscrizioni-chiuse", "sovrapposizione", "stato-cambiato", "non-consentito", "troppe-richieste", "errore"] as const;
export const roundOutcomes = [...roundSuccessOutcomes, ...roundFailureOutcomes] as const;
export type RoundOutcome = (typeof roundOutcomes)[number];

/** A page's ?esito= (and ?attesa=, the seconds to wait after a rate limit), read leniently (anything unknown is ignored). */
export const roundOutcomeQuerySchema = z.object({
  esito: z.enum(roundOutcomes).optional().catch(undefined),
  attesa: z.coerce.number().int().min(1).max(86_400).optional().catch(undefined),
});

/** A page's search parameters → the outcome to show and, after a rate limit, the seconds to wait. */
export function readRoundOutcome(query: Record<string, string | string[] | undefined>): { outcome: RoundOutcome | undefined; retryAfter: number | undefined } {
  const single = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);
  const parsed = roundOutcomeQuerySchema.parse({ esito: single(query.esito), attesa: single(query.attesa) });
  return { outcome: parsed.esito, retryAfter: parsed.attesa };
}

/** The outcome a refused button shows, from the error's message key. */
export function failureOutcome(messageKey: string): (typeof roundFailureOutcomes)[number] {
  switch (messageKey) {
    case "meetings.errors.full":
      return "posti-esauriti";
    case "meetings.errors.noRegistration":
    case "meetings.errors.started":
    case "meetings.errors.cancelled":
    case "meetings.errors.ended":
      return "iscrizioni-chiuse";
    case "rounds.errors.overlap":
      return "sovrapposizione";
    case "security.rateLimited":
      return "troppe-richieste";
    case "rounds.errors.statusChanged":
      return "stato-cambiato";
    case "rounds.errors.transitionNotAllowed":
    case "rounds.errors.publishLater":
    case "rounds.errors.notEditable":
    case "meetings.errors.roundOver":
      return "non-consentito";
    default:
      return "errore";
  }
}
