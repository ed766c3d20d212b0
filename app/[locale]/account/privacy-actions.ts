"use server";
import { redirect } from "next/navigation";
import { getPrisma } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { type Locale, localeOrDefault } from "@/lib/i18n/locales";
import { createTranslator } from "@/lib/i18n/translate";
import { eraseOwnAccount } from "@/lib/privacy/erase-own-account";
import { clearSessionCookie, currentActor } from "@/lib/web/auth";
import { localizedPath } from "@/lib/web/localized-path";
import type { FormState } from "@/components/auth/form-state";

/** Erases the signed-in user's account, then signs this browser out and shows the confirmation page. */
export async function eraseAccountAction(locale: Locale, _state: FormState, data: FormData): Promise<FormState> {
  const target = localeOrDefault(locale);
  const confirmation = data.get("confirmation");
  try {
    await eraseOwnAccount(getPrisma(), await currentActor(), { confirmation });
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (error.code === "UNAUTHENTICATED") redirect(localizedPath(target, "/accedi"));
    const t = createTranslator(target);
    const details = (error.code === "VALIDATION" && error.details && typeof error.details === "object" ? error.details : {}) as Record<string, string>;
    const errors = Object.fromEntries(Object.entries(details).map(([field, key]) => [field, t(key)]));
    return { values: { confirmation: typeof confirmation === "string" ? confirmation : "" }, errors, message: Object.keys(errors).length ? undefined : t(error.messageKey, error.params) };
  }
  await clearSessionCookie();
  redirect(localizedPath(target, "/account/cancellato"));
}
