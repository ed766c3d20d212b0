"use server";
import { redirect } from "next/navigation";
import { applyBulkDecision } from "@/lib/decisions/apply-bulk-decision";
import { recordDecision } from "@/lib/decisions/record-decision";
import { getPrisma } from "@/lib/db/client";
import { localeOrDefault } from "@/lib/i18n/locales";
import { formOutcome } from "@/lib/web/action-outcome";
import { currentActor } from "@/lib/web/auth";
import type { FormState } from "@/components/auth/form-state";
import { formFailure, formFields } from "../../../../../consultazioni/[roundId]/proposte/form-failure";
import { reviewPath, revisionAddress } from "./read";

/**
 * The decisions pages' server actions: parse the form, call one lib/decisions service, redirect to
 * the page with the outcome to announce (?esito=…), or answer the form's errors.
 */

export async function recordDecisionAction(locale: string, slug: string, number: string, code: string, _state: FormState, data: FormData): Promise<FormState> {
  const target = localeOrDefault(locale);
  return formOutcome(
    async () => recordDecision(getPrisma(), await currentActor(), revisionAddress(slug, number), formFields(data)),
    (error) => formFailure(target, error, data),
    (result) => redirect(`${reviewPath(target, slug, number)}/${code}?esito=${result.outcome === "unchanged" ? "invariata" : result.published ? "salvata-pubblica" : "salvata"}`),
  );
}

export async function bulkDecisionAction(locale: string, slug: string, number: string, _state: FormState, data: FormData): Promise<FormState> {
  const target = localeOrDefault(locale);
  const { measureIds: _ids, ...fields } = formFields(data);
  const measureIds = data.getAll("measureIds").filter((value): value is string => typeof value === "string");
  return formOutcome(
    async () => applyBulkDecision(getPrisma(), await currentActor(), revisionAddress(slug, number), { ...fields, measureIds }),
    (error) => {
      const state = formFailure(target, error, data);
      state.values.measureIds = measureIds.join(",");
      return state;
    },
    (result) => {
      const query = new URLSearchParams({ esito: "applicata", cambiate: result.changed.join(","), invariate: result.unchanged.join(",") });
      redirect(`${reviewPath(target, slug, number)}?${query.toString()}`);
    },
  );
}
