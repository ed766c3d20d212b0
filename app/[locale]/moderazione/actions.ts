"use server";
import { redirect } from "next/navigation";
import type { FormState } from "@/components/auth/form-state";
import { getPrisma } from "@/lib/db/client";
import { type AppError, isAppError } from "@/lib/errors/app-error";
import { type Locale, localeOrDefault } from "@/lib/i18n/locales";
import { createTranslator } from "@/lib/i18n/translate";
import { dismissReports } from "@/lib/moderation/dismiss-reports";
import { hideContribution } from "@/lib/moderation/hide-contribution";
import type { ContributionType, ModerationOutcome } from "@/lib/moderation/moderation.schemas";
import { restoreContribution } from "@/lib/moderation/restore-contribution";
import { setModerationSettings } from "@/lib/moderation/set-moderation-settings";
import { actionOutcome } from "@/lib/web/action-outcome";
import { currentActor } from "@/lib/web/auth";
import { localizedPath } from "@/lib/web/localized-path";

/** The moderation page's server actions: parse, call one service, back to the page with the outcome. */

function back(locale: Locale, outcome: ModerationOutcome): never {
  redirect(`${localizedPath(locale, "/moderazione")}?esito=${outcome}`);
}

/** Where an expected failure leads: sign-in, the page itself (which refuses others), or an outcome. */
function outcomeOf(locale: Locale, error: AppError, invalid: ModerationOutcome): ModerationOutcome {
  switch (error.code) {
    case "UNAUTHENTICATED": return redirect(localizedPath(locale, "/accedi"));
    case "FORBIDDEN": return redirect(localizedPath(locale, "/moderazione"));
    case "CONFLICT": return "gia-gestito";
    case "VALIDATION": return invalid;
    default: return "non-trovato";
  }
}

async function run(locale: string, done: ModerationOutcome, invalid: ModerationOutcome, action: () => Promise<unknown>): Promise<never> {
  const target = localeOrDefault(locale);
  back(target, await actionOutcome(action, done, (error) => outcomeOf(target, error, invalid)));
}

const targetOf = (data: FormData) => ({ type: data.get("type"), id: data.get("id") });

export async function hideAction(locale: string, type: ContributionType, id: string, _state: FormState, data: FormData): Promise<FormState> {
  const target = localeOrDefault(locale);
  const reason = data.get("reason");
  try {
    await hideContribution(getPrisma(), await currentActor(), { type, id, reason });
  } catch (error) {
    if (!isAppError(error)) throw error;
    const details = (error.code === "VALIDATION" && error.details && typeof error.details === "object" ? error.details : {}) as Record<string, string>;
    if (!details.reason) back(target, outcomeOf(target, error, "non-trovato"));
    return { values: { reason: typeof reason === "string" ? reason : "" }, errors: { reason: createTranslator(target)(details.reason!) } };
  }
  back(target, "nascosto");
}

export async function restoreAction(locale: string, data: FormData): Promise<void> {
  await run(locale, "ripristinato", "non-trovato", async () => restoreContribution(getPrisma(), await currentActor(), targetOf(data)));
}

export async function dismissAction(locale: string, data: FormData): Promise<void> {
  await run(locale, "archiviate", "non-trovato", async () => dismissReports(getPrisma(), await currentActor(), targetOf(data)));
}

export async function thresholdAction(locale: string, data: FormData): Promise<void> {
  await run(locale, "soglia-salvata", "soglia-non-valida", async () => setModerationSettings(getPrisma(), await currentActor(), { autoHideThreshold: data.get("autoHideThreshold") }));
}
