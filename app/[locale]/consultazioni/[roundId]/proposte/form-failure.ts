import { redirect } from "next/navigation";
import { isAppError } from "@/lib/errors/app-error";
import type { Locale } from "@/lib/i18n/locales";
import { createTranslator } from "@/lib/i18n/translate";
import { localizedPath } from "@/lib/web/localized-path";
import type { FormState } from "@/components/auth/form-state";

/** The form's own fields (Next adds $ACTION_… ones). */
export const formFields = (data: FormData): Record<string, string> =>
  Object.fromEntries([...data.entries()].filter(([key, value]) => !key.startsWith("$") && typeof value === "string")) as Record<string, string>;

/** A refused form: field errors next to the fields, anything else as the form's message. */
export function formFailure(locale: Locale, error: unknown, data: FormData): FormState {
  if (!isAppError(error)) throw error;
  if (error.code === "UNAUTHENTICATED") redirect(localizedPath(locale, "/accedi"));
  const t = createTranslator(locale);
  const details = (error.code === "VALIDATION" && error.details && typeof error.details === "object" ? error.details : {}) as Record<string, string>;
  const { form, ...perField } = details;
  const errors = Object.fromEntries(Object.entries(perField).map(([field, key]) => [field, t(key)]));
  const message = form ? t(form) : Object.keys(errors).length ? undefined : t(error.messageKey, error.params);
  return { values: formFields(data), errors, message };
}

