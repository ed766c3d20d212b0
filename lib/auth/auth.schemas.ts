import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { StakeholderCategory } from "@/lib/db/generated/enums";
import { locales } from "@/lib/i18n/locales";
import { PASSWORD_MAX_LENGTH, passwordProblems } from "./password";

/**
 * The account forms' schemas, shared by the forms (field errors) and the services (the real check).
 * Issue messages are message keys (auth.fields.* / auth.password.*), translated where shown.
 */
export const stakeholderCategories = Object.values(StakeholderCategory);

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "auth.fields.tooLong")
    .transform((value) => (value === "" ? null : value))
    .nullable()
    .optional()
    .transform((value) => value ?? null);

export const emailSchema = z
  .string({ error: "auth.fields.emailInvalid" })
  .trim()
  .toLowerCase()
  .max(254, "auth.fields.emailInvalid")
  .pipe(z.email({ error: "auth.fields.emailInvalid" }));

export const profileSchema = z.object({
  displayName: z.string({ error: "auth.fields.displayNameRequired" }).trim().min(1, "auth.fields.displayNameRequired").max(80, "auth.fields.tooLong"),
  category: z.enum(StakeholderCategory, { error: "auth.fields.categoryRequired" }),
  organisation: optionalText(120),
  municipality: optionalText(80),
  locale: z.enum(locales, { error: "auth.fields.localeRequired" }),
});
export type ProfileInput = z.infer<typeof profileSchema>;

export const signUpSchema = profileSchema
  .extend({
    email: emailSchema,
    password: z.string({ error: "auth.password.tooShort" }),
  })
  .superRefine((value, context) => {
    for (const problem of passwordProblems(value.password, value.email)) {
      context.addIssue({ code: "custom", path: ["password"], message: `auth.password.${problem}` });
    }
  });
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string({ error: "auth.fields.passwordRequired" }).min(1, "auth.fields.passwordRequired").max(PASSWORD_MAX_LENGTH, "auth.fields.passwordRequired"),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const confirmTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

/** Field → first message key, for forms. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return errors;
}

/** Parses a form or request body; a failure is AppError VALIDATION with the field errors as details. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "auth.errors.validation", {}, fieldErrors(parsed.error));
  return parsed.data;
}

/** Query of the pages a mailed link lands on: the token, or the outcome of a failed attempt. */
export const mailedLinkSearchSchema = z.object({
  token: confirmTokenSchema.optional().catch(undefined),
  esito: z.enum(["non-valido"]).optional().catch(undefined),
});

// ─── Staff invitations and password reset ────────────────────────────────────

/** A new password, checked against the rules of password.ts (the address is known from the token). */
export function newPasswordSchema(email: string) {
  return z.object({ password: z.string({ error: "auth.password.tooShort" }) }).superRefine((value, context) => {
    for (const problem of passwordProblems(value.password, email)) {
      context.addIssue({ code: "custom", path: ["password"], message: `auth.password.${problem}` });
    }
  });
}

/** Accepting an invitation without an account: the profile plus a password (the address is the invited one). */
export function acceptInvitationSchema(email: string) {
  return profileSchema.extend({ password: z.string({ error: "auth.password.tooShort" }) }).superRefine((value, context) => {
    for (const problem of passwordProblems(value.password, email)) {
      context.addIssue({ code: "custom", path: ["password"], message: `auth.password.${problem}` });
    }
  });
}

export const passwordResetRequestSchema = z.object({ email: emailSchema });
