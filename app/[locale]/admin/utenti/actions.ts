"use server";
import { redirect } from "next/navigation";
import { type AdminOutcome, disabledChangeSchema, roleChangeSchema, userTargetSchema, usersQuerySchema } from "@/lib/accounts/accounts.schemas";
import { changeRoleAsAdmin } from "@/lib/accounts/change-role";
import { setUserDisabled } from "@/lib/accounts/set-user-disabled";
import { revokeAllSessions } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { AppError, isAppError } from "@/lib/errors/app-error";
import { type Locale, localeOrDefault } from "@/lib/i18n/locales";
import { currentActor } from "@/lib/web/auth";
import { localizedPath } from "@/lib/web/localized-path";

/** The admin users page's server actions: parse, call one service, redirect back to the list with the outcome. */

/** Back to the list the form was on (same search and page), with the outcome to announce. */
function backToList(locale: Locale, data: FormData, outcome: AdminOutcome): never {
  const query = usersQuerySchema.safeParse({ q: data.get("q") ?? undefined, pagina: data.get("pagina") ?? undefined });
  const params = new URLSearchParams();
  if (query.success && query.data.q) params.set("q", query.data.q);
  if (query.success && query.data.pagina > 1) params.set("pagina", String(query.data.pagina));
  params.set("esito", outcome);
  redirect(`${localizedPath(locale, "/admin/utenti")}?${params}`);
}

const invalid = () => new AppError("VALIDATION", "admin.errors.userNotFound");

function outcomeOf(error: unknown, locale: Locale): AdminOutcome {
  if (!isAppError(error)) throw error;
  switch (error.code) {
    case "UNAUTHENTICATED": redirect(localizedPath(locale, "/accedi"));
    case "CONFLICT": return "ultimo-amministratore";
    // Someone else's role can be changed only by an admin: the page itself shows non-admins the refusal.
    case "FORBIDDEN": return error.messageKey === "auth.errors.forbidden" ? redirect(localizedPath(locale, "/admin/utenti")) : "proprio-account";
    default: return "non-trovato";
  }
}

async function run(locale: string, data: FormData, done: AdminOutcome, action: () => Promise<unknown>): Promise<never> {
  const target = localeOrDefault(locale);
  let outcome: AdminOutcome = done;
  try {
    await action();
  } catch (error) {
    outcome = outcomeOf(error, target);
  }
  backToList(target, data, outcome);
}

export async function changeRoleAction(locale: string, data: FormData): Promise<void> {
  const input = roleChangeSchema.safeParse({ userId: data.get("userId"), role: data.get("role") });
  await run(locale, data, "ruolo-cambiato", async () => {
    if (!input.success) throw invalid();
    await changeRoleAsAdmin(getPrisma(), await currentActor(), input.data.userId, input.data.role);
  });
}

export async function endSessionsAction(locale: string, data: FormData): Promise<void> {
  const input = userTargetSchema.safeParse({ userId: data.get("userId") });
  await run(locale, data, "sessioni-terminate", async () => {
    if (!input.success) throw invalid();
    await revokeAllSessions(getPrisma(), await currentActor(), input.data.userId);
  });
}

export async function setDisabledAction(locale: string, data: FormData): Promise<void> {
  const input = disabledChangeSchema.safeParse({ userId: data.get("userId"), disabled: data.get("disabled") });
  await run(locale, data, input.success && !input.data.disabled ? "riattivato" : "disattivato", async () => {
    if (!input.success) throw invalid();
    await setUserDisabled(getPrisma(), await currentActor(), input.data.userId, input.data.disabled);
  });
}
