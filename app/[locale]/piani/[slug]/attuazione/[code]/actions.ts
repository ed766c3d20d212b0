"use server";
import { redirect } from "next/navigation";
import type { FormState } from "@/components/auth/form-state";
import { recordProgressUpdate } from "@/lib/accountability/record-progress-update";
import { getPrisma } from "@/lib/db/client";
import { localeOrDefault } from "@/lib/i18n/locales";
import { measureCodeSchema, planSlugSchema } from "@/lib/plan/plan.schemas";
import { formOutcome } from "@/lib/web/action-outcome";
import { currentActor } from "@/lib/web/auth";
import { localizedPath } from "@/lib/web/localized-path";
import { formFailure, formFields } from "../../../../consultazioni/[roundId]/proposte/form-failure";

/**
 * The measure's progress form: parse, call recordProgressUpdate, then back to the measure's page
 * with the outcome (or the form's state with the errors and what was typed). The bound context
 * comes back from the browser: the service checks the measure again, and the page address is
 * rebuilt only from a valid slug and code.
 */
export async function recordProgressUpdateAction(locale: string, context: { planSlug: string; code: string; measureId: string }, _state: FormState, data: FormData): Promise<FormState> {
  const target = localeOrDefault(locale);
  return formOutcome(
    async () => recordProgressUpdate(getPrisma(), await currentActor(), { ...formFields(data), measureId: context.measureId }),
    (error) => formFailure(target, error, data),
    () => {
      const slug = planSlugSchema.safeParse(context.planSlug);
      const code = measureCodeSchema.safeParse(context.code);
      const path = slug.success && code.success ? `/piani/${slug.data}/attuazione/${code.data}` : "/piani";
      redirect(`${localizedPath(target, path)}?esito=aggiornamento-pubblicato#aggiornamenti`);
    },
  );
}
