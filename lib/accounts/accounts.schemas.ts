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
