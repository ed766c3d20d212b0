"use server";
import { redirect } from "next/navigation";
import { requestPasswordReset } from "@/lib/auth/request-password-reset";
import { resetPassword } from "@/lib/auth/reset-password";
import { getPrisma } from "@/lib/db/client";
import { type AppError, isAppError } from "@/lib/errors/app-error";
import { type Locale, localeOrDefault } from "@/lib/i18n/locales";
import { createTranslator } from "@/lib/i18n/translate";
import { publicBaseUrl, requestContext } from "@/lib/web/auth";
import { linkWithToken, localizedPath } from "@/lib/web/localized-path";
import type { FormState } from "@/components/auth/form-state";

/** Password reset: "forgot password" (mail a link) and "new password" (use it). */

function failure(locale: Locale, error: AppError, values: Record<string, string>): FormState {
  const t = createTranslator(locale);
  const details = (error.code === "VALIDATION" && error.details && typeof error.details === "object" ? error.details : {}) as Record<string, string>;
  const errors = Object.fromEntries(Object.entries(details).map(([field, key]) => [field, t(key)]));
  return { values, errors, message: Object.keys(errors).length ? undefined : t(error.messageKey, error.params) };
}

export async function requestPasswordResetAction(locale: string, _state: FormState, data: FormData): Promise<FormState> {
  const target = localeOrDefault(locale);
  const email = String(data.get("email") ?? "");
  try {
    const [context, base] = [await requestContext(), await publicBaseUrl()];
    await requestPasswordReset(getPrisma(), { email }, {
      ipAddress: context.ipAddress,
      resetUrl: linkWithToken(base, "/accedi/nuova-password"),
    });
  } catch (error) {
    if (!isAppError(error)) throw error;
    return failure(target, error, { email });
  }
  redirect(`${localizedPath(target, "/accedi/password-dimenticata")}?esito=inviata`);
}

export async function resetPasswordAction(locale: string, _state: FormState, data: FormData): Promise<FormState> {
  const target = localeOrDefault(locale);
  try {
    await resetPassword(getPrisma(), { token: data.get("token"), password: data.get("password") });
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (error.messageKey === "passwordReset.invalid") redirect(`${localizedPath(target, "/accedi/nuova-password")}?esito=non-valido`);
    return failure(target, error, {});
  }
  redirect(`${localizedPath(target, "/accedi")}?esito=password-aggiornata`);
}
