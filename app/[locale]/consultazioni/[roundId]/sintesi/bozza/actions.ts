"use server";
import { redirect } from "next/navigation";
import { getPrisma } from "@/lib/db/client";
import { localeOrDefault } from "@/lib/i18n/locales";
import { acceptProposalIntoDraft } from "@/lib/synthesis/accept-proposal-into-draft";
import { addDraftMeasure } from "@/lib/synthesis/add-draft-measure";
import { changeDraftAxis } from "@/lib/synthesis/change-draft-axis";
import { changeDraftMeasure } from "@/lib/synthesis/change-draft-measure";
import { publishRevision } from "@/lib/synthesis/publish-revision";
import { reorderDraftMeasures } from "@/lib/synthesis/reorder-draft-measures";
import { retireDraftMeasure } from "@/lib/synthesis/retire-draft-measure";
import { startRevisionDraft } from "@/lib/synthesis/start-revision-draft";
import { actionOutcome, formOutcome } from "@/lib/web/action-outcome";
import { currentActor } from "@/lib/web/auth";
import { localizedPath } from "@/lib/web/localized-path";
import type { FormState } from "@/components/auth/form-state";
import { buttonFailure, synthesisFormFailure, synthesisFormInput } from "../form-input";

/**
 * The draft workbench's server actions: parse the form, call one lib/synthesis service, redirect to
 * the workbench with the outcome to announce (?esito=…), or answer the form's errors.
 */

const draftPath = (locale: string, roundId: string) => localizedPath(localeOrDefault(locale), `/consultazioni/${roundId}/sintesi/bozza`);

type Edit = (db: ReturnType<typeof getPrisma>, actor: Awaited<ReturnType<typeof currentActor>>, roundId: string, input: unknown) => Promise<unknown>;

/** A workbench form: one service call, then to `then` (a path under the draft) with the outcome. */
async function draftForm(locale: string, roundId: string, service: Edit, data: FormData, outcome: string, then: string): Promise<FormState> {
  const target = localeOrDefault(locale);
  return formOutcome(
    async () => service(getPrisma(), await currentActor(), roundId, synthesisFormInput(data)),
    (error) => synthesisFormFailure(target, error, data),
    () => redirect(`${draftPath(locale, roundId)}${then}?esito=${outcome}`),
  );
}

export async function startDraftAction(locale: string, roundId: string): Promise<void> {
  const target = localeOrDefault(locale);
  const outcome = await actionOutcome(async () => startRevisionDraft(getPrisma(), await currentActor(), roundId), "avviata", buttonFailure(target, "non-consentito", "non-chiusa", "errore"));
  redirect(`${draftPath(locale, roundId)}?esito=${outcome}`);
}

export async function changeMeasureAction(locale: string, roundId: string, measureId: string, _state: FormState, data: FormData): Promise<FormState> {
  return draftForm(locale, roundId, changeDraftMeasure, data, "modificata", `/misure/${measureId}`);
}

export async function retireMeasureAction(locale: string, roundId: string, _state: FormState, data: FormData): Promise<FormState> {
  return draftForm(locale, roundId, retireDraftMeasure, data, "ritirata", "");
}

export async function addMeasureAction(locale: string, roundId: string, axisId: string, _state: FormState, data: FormData): Promise<FormState> {
  return draftForm(locale, roundId, addDraftMeasure, data, "aggiunta", `/assi/${axisId}`);
}

export async function reorderMeasuresAction(locale: string, roundId: string, axisId: string, _state: FormState, data: FormData): Promise<FormState> {
  return draftForm(locale, roundId, reorderDraftMeasures, data, "riordinata", `/assi/${axisId}`);
}

export async function changeAxisAction(locale: string, roundId: string, axisId: string, _state: FormState, data: FormData): Promise<FormState> {
  return draftForm(locale, roundId, changeDraftAxis, data, "asse-modificato", `/assi/${axisId}`);
}

export async function acceptProposalAction(locale: string, roundId: string, back: string, _state: FormState, data: FormData): Promise<FormState> {
  return draftForm(locale, roundId, acceptProposalIntoDraft, data, "accolta", back);
}

export async function publishAction(locale: string, roundId: string, _state: FormState, data: FormData): Promise<FormState> {
  return draftForm(locale, roundId, publishRevision, data, "pubblicata", "");
}
