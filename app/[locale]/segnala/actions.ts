"use server";
import { redirect } from "next/navigation";
import type { FormState } from "@/components/auth/form-state";
import { getPrisma } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { localeOrDefault } from "@/lib/i18n/locales";
import { createTranslator } from "@/lib/i18n/translate";
import { type ContributionType, contributionTypes, paramOfContributionType } from "@/lib/moderation/moderation.schemas";
import { reportContribution } from "@/lib/moderation/report-contribution";
import { currentActor } from "@/lib/web/auth";
import { localizedPath } from "@/lib/web/localized-path";

/** /segnala's server action: parse, report through one service, back to the page with the outcome. */
export async function reportAction(locale: string, type: ContributionType, id: string, _state: FormState, data: FormData): Promise<FormState> {
  const target = localeOrDefault(locale);
  const reason = data.get("reason");
  try {
    await reportContribution(getPrisma(), await currentActor(), { type, id, reason });
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (error.code === "UNAUTHENTICATED") redirect(localizedPath(target, "/accedi"));
    const t = createTranslator(target);
    const details = (error.code === "VALIDATION" && error.details && typeof error.details === "object" ? error.details : {}) as Record<string, string>;
    const errors: Record<string, string> = details.reason ? { reason: t(details.reason) } : {};
    return {
      values: { reason: typeof reason === "string" ? reason : "" },
      errors,
      message: Object.keys(errors).length ? undefined : t(error.code === "VALIDATION" ? "moderation.errors.notFound" : error.messageKey, error.params),
    };
  }
  const param = contributionTypes.includes(type) ? paramOfContributionType[type] : "commento";
  redirect(`${localizedPath(target, "/segnala")}?${new URLSearchParams({ tipo: param, id, esito: "inviata" })}`);
}
