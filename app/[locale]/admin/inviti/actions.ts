"use server";
import { redirect } from "next/navigation";
import { type InvitationOutcome, invitationsQuerySchema } from "@/lib/accounts/accounts.schemas";
import { inviteStaff } from "@/lib/accounts/invite-staff";
import { revokeInvitation } from "@/lib/accounts/revoke-invitation";
import { getPrisma } from "@/lib/db/client";
import { type AppError, isAppError } from "@/lib/errors/app-error";
import { type Locale, localeOrDefault } from "@/lib/i18n/locales";
import { createTranslator } from "@/lib/i18n/translate";
import { currentActor, publicBaseUrl } from "@/lib/web/auth";
import { linkWithToken, localizedPath } from "@/lib/web/localized-path";
import type { FormState } from "@/components/auth/form-state";

/** The admin invitations page's server actions: parse, call one service, redirect back with the outcome. */

function backToList(locale: Locale, outcome: InvitationOutcome, page?: FormDataEntryValue | null): never {
  const query = invitationsQuerySchema.safeParse({ pagina: page ?? undefined });
  const params = new URLSearchParams();
  if (query.success && query.data.pagina > 1) params.set("pagina", String(query.data.pagina));
  params.set("esito", outcome);
  redirect(`${localizedPath(locale, "/admin/inviti")}?${params}`);
}

/** Unauthenticated → sign in; not an admin → the page itself answers 403. */
function leaveIfNotAllowed(error: unknown, locale: Locale): void {
  if (!isAppError(error)) throw error;
  if (error.code === "UNAUTHENTICATED") redirect(localizedPath(locale, "/accedi"));
  if (error.code === "FORBIDDEN") redirect(localizedPath(locale, "/admin/inviti"));
}

export async function inviteStaffAction(locale: string, _state: FormState, data: FormData): Promise<FormState> {
  const target = localeOrDefault(locale);
  const values = { email: String(data.get("email") ?? ""), role: String(data.get("role") ?? "") };
  try {
    const base = await publicBaseUrl();
    await inviteStaff(getPrisma(), await currentActor(), values, {
      invitationUrl: linkWithToken(base, "/invito"),
    });
  } catch (error) {
    leaveIfNotAllowed(error, target);
    const t = createTranslator(target);
    const appError = error as AppError;
    const details = (appError.code === "VALIDATION" && appError.details && typeof appError.details === "object" ? appError.details : {}) as Record<string, string>;
    const errors = Object.fromEntries(Object.entries(details).map(([field, key]) => [field, t(key)]));
    return { values, errors, message: Object.keys(errors).length ? undefined : t(appError.messageKey, appError.params) };
  }
  backToList(target, "invito-inviato");
}

export async function revokeInvitationAction(locale: string, data: FormData): Promise<void> {
  const target = localeOrDefault(locale);
  let outcome: InvitationOutcome = "invito-revocato";
  try {
    await revokeInvitation(getPrisma(), await currentActor(), { invitationId: data.get("invitationId") });
  } catch (error) {
    leaveIfNotAllowed(error, target);
    outcome = "non-revocabile";
  }
  backToList(target, outcome, data.get("pagina"));
}
