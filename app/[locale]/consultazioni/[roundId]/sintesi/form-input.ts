import { redirect } from "next/navigation";
import type { AppError } from "@/lib/errors/app-error";
import type { Locale } from "@/lib/i18n/locales";
import { localizedPath } from "@/lib/web/localized-path";
import type { FormState } from "@/components/auth/form-state";
import { formFailure } from "../proposte/form-failure";

/** Fields that forms send repeated (checkbox lists, the order of measures): kept as lists. */
const listFields = new Set(["proposalIds", "commentIds", "swotEntryIds", "voteResultsMeasureIds", "measureIds", "duplicateIds"]);

/** The form's own fields (Next adds $ACTION_… ones); list fields as arrays, others as their last value. */
export function synthesisFormInput(data: FormData): Record<string, string | string[]> {
  const input: Record<string, string | string[]> = {};
  for (const [key, value] of data.entries()) {
    if (key.startsWith("$") || typeof value !== "string") continue;
    if (listFields.has(key)) input[key] = [...((input[key] as string[] | undefined) ?? []), value];
    else input[key] = value;
  }
  return input;
}

/** A refused form (see formFailure); list fields come back joined by commas so the checkboxes stay ticked. */
export function synthesisFormFailure(locale: Locale, error: unknown, data: FormData): FormState {
  const state = formFailure(locale, error, data);
  for (const key of listFields) {
    const values = data.getAll(key).filter((value): value is string => typeof value === "string");
    if (values.length > 0) state.values[key] = values.join(",");
  }
  return state;
}

/** The buttons' refusals: signed out → sign in; otherwise the outcome to announce. */
export function buttonFailure<O extends string>(locale: Locale, forbidden: O, conflict: O, other: O) {
  return (error: AppError): O => {
    if (error.code === "UNAUTHENTICATED") redirect(localizedPath(locale, "/accedi"));
    if (error.code === "FORBIDDEN") return forbidden;
    if (error.code === "CONFLICT") return conflict;
    return other;
  };
}
