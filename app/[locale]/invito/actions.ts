"use server";
import { redirect } from "next/navigation";
import { acceptInvitation } from "@/lib/auth/accept-invitation";
import { getPrisma } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { localeOrDefault } from "@/lib/i18n/locales";
import { createTranslator } from "@/lib/i18n/translate";
import { currentActor, requestContext, setSessionCookie } from "@/lib/web/auth";
import { localizedPath } from "@/lib/web/localized-path";
import type { FormState } from "@/components/auth/form-state";

/** Accepts the invitation: a new account is signed in (cookie set), an existing one just gets the role. */
export async function acceptInvitationAction(locale: string, _state: FormState, data: FormData): Promise<FormState> {
  const target = localeOrDefault(locale);
  const token = data.get("token");
  const fields = Object.fromEntries([...data.entries()].filter(([key]) => !key.startsWith("$") && key !== "token"));
  try {
    const accepted = await acceptInvitation(getPrisma(), await currentActor(), { token, fields }, await requestContext());
    if (accepted.session) await setSessionCookie(accepted.session.sessionId, accepted.session.expiresAt);
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (error.messageKey === "invitations.invalid") redirect(`${localizedPath(target, "/invito")}?esito=non-valido`);
    // Signed out or signed in as someone else meanwhile: the page explains what to do.
    if (error.code === "UNAUTHENTICATED" || error.code === "FORBIDDEN") redirect(`${localizedPath(target, "/invito")}?token=${encodeURIComponent(String(token ?? ""))}`);
    const t = createTranslator(target);
    const details = (error.code === "VALIDATION" && error.details && typeof error.details === "object" ? error.details : {}) as Record<string, string>;
    const errors = Object.fromEntries(Object.entries(details).map(([field, key]) => [field, t(key)]));
    const values = Object.fromEntries(Object.entries(fields).filter(([key, value]) => key !== "password" && typeof value === "string")) as Record<string, string>;
    return { values, errors, message: Object.keys(errors).length ? undefined : t(error.messageKey, error.params) };
  }
  redirect(localizedPath(target, "/account"));
}
