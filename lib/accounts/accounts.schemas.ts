import { z } from "zod";
import { Role } from "@/lib/db/generated/enums";

/**
 * The admin users page's inputs. Kept free of database imports: proxy.ts checks the page's query
 * with the same schema (a malformed query gets the 400 page).
 */
export const USERS_PAGE_SIZE = 20;

/** Outcomes shown after an action (the actions redirect back with ?esito=…). */
export const adminOutcomes = ["ruolo-cambiato", "sessioni-terminate", "disattivato", "riattivato", "ultimo-amministratore", "proprio-account", "non-trovato"] as const;
export type AdminOutcome = (typeof adminOutcomes)[number];

export const usersQuerySchema = z.object({
  q: z.string().trim().max(200).default(""),
  pagina: z.coerce.number().int().min(1).max(100_000).default(1),
  esito: z.enum(adminOutcomes).optional(),
});
export type UsersQuery = z.infer<typeof usersQuerySchema>;

export const userIdSchema = z.uuid();

export const roleChangeSchema = z.object({ userId: userIdSchema, role: z.enum(Role) });
export const userTargetSchema = z.object({ userId: userIdSchema });
export const disabledChangeSchema = z.object({ userId: userIdSchema, disabled: z.enum(["true", "false"]).transform((value) => value === "true") });

// ─── Staff invitations ───────────────────────────────────────────────────────

/** The roles an admin can invite to (stakeholders sign up by themselves). */
export const staffRoles = ["FACILITATOR", "OFFICIAL", "ADMIN"] as const;
export type StaffRole = (typeof staffRoles)[number];

export const INVITATIONS_PAGE_SIZE = 20;

export const invitationOutcomes = ["invito-inviato", "invito-revocato", "non-revocabile"] as const;
export type InvitationOutcome = (typeof invitationOutcomes)[number];

export const invitationsQuerySchema = z.object({
  pagina: z.coerce.number().int().min(1).max(100_000).default(1),
  esito: z.enum(invitationOutcomes).optional(),
});

/** Same normalisation as the account email (auth.schemas emailSchema), kept here without its imports. */
export const inviteStaffSchema = z.object({
  email: z
    .string({ error: "auth.fields.emailInvalid" })
    .trim()
    .toLowerCase()
    .max(254, "auth.fields.emailInvalid")
    .pipe(z.email({ error: "auth.fields.emailInvalid" })),
  role: z.enum(staffRoles, { error: "invitations.fields.roleRequired" }),
});
export type InviteStaffInput = z.infer<typeof inviteStaffSchema>;

export const invitationTargetSchema = z.object({ invitationId: z.uuid() });
