import type { FormState } from "@/components/auth/form-state";
import { isAppError } from "@/lib/errors/app-error";
import type { Locale } from "@/lib/i18n/locales";
import { createTranslator } from "@/lib/i18n/translate";

/**
 * What a participation form shows when its service refused: field errors from a VALIDATION, or
 * one message (closed round, rate limit with its wait, not allowed…) in the visitor's language,
 * and what they typed, so nothing is lost. Unexpected errors go on to the error page.
 */
export function formFailure(locale: Locale, error: unknown, data: FormData, keep: readonly string[]): FormState {
  if (!isAppError(error)) throw error;
  const t = createTranslator(locale);
  const values = Object.fromEntries(keep.map((field) => [field, String(data.get(field) ?? "")]));
  const details = error.code === "VALIDATION" && error.details && typeof error.details === "object" ? (error.details as Record<string, string>) : {};
  const errors = Object.fromEntries(Object.entries(details).filter(([, key]) => typeof key === "string").map(([field, key]) => [field, t(key)]));
  return { values, errors, message: Object.keys(errors).length ? undefined : t(error.messageKey, error.params) };
}

/** The form's own fields, without the ones Next adds for server actions. */
export function formFields(data: FormData): Record<string, FormDataEntryValue> {
  return Object.fromEntries([...data.entries()].filter(([key]) => !key.startsWith("$")));
}
