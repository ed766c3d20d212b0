"use server";
import { redirect } from "next/navigation";
import { getPrisma } from "@/lib/db/client";
import { localeOrDefault } from "@/lib/i18n/locales";
import { submitSwotEntry } from "@/lib/swot/submit-swot-entry";
import { currentActor } from "@/lib/web/auth";
import { localizedPath } from "@/lib/web/localized-path";
import type { FormState } from "@/components/auth/form-state";
import { formFailure, formFields } from "../proposte/form-failure";

/** The SWOT page's server action: parse the form, call lib/swot, back to the board with the new entry. */
export async function submitSwotEntryAction(locale: string, roundId: string, _state: FormState, data: FormData): Promise<FormState> {
  const target = localeOrDefault(locale);
  let id: string;
  try {
    ({ id } = await submitSwotEntry(getPrisma(), await currentActor(), roundId, formFields(data)));
  } catch (error) {
    return formFailure(target, error, data);
  }
  redirect(`${localizedPath(target, `/consultazioni/${roundId}/swot`)}?esito=inviata#swot-${id}`);
}
