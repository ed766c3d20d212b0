"use server";
import { redirect } from "next/navigation";
import { getPrisma } from "@/lib/db/client";
import { localeOrDefault } from "@/lib/i18n/locales";
import { mergeProposals } from "@/lib/proposals/merge-proposals";
import { tagProposal } from "@/lib/proposals/tag-proposal";
import { tagSwotEntry } from "@/lib/swot/tag-swot-entry";
import { formOutcome } from "@/lib/web/action-outcome";
import { currentActor } from "@/lib/web/auth";
import { localizedPath } from "@/lib/web/localized-path";
import type { FormState } from "@/components/auth/form-state";
import { synthesisFormFailure, synthesisFormInput } from "../form-input";

/** The triage page's server actions: parse the form, call one service, back to the list with the outcome. */

const triagePath = (locale: string, roundId: string) => localizedPath(localeOrDefault(locale), `/consultazioni/${roundId}/sintesi/proposte`);

export async function tagProposalAction(locale: string, roundId: string, proposalId: string, back: string, _state: FormState, data: FormData): Promise<FormState> {
  const target = localeOrDefault(locale);
  return formOutcome(
    async () => tagProposal(getPrisma(), await currentActor(), proposalId, synthesisFormInput(data)),
    (error) => synthesisFormFailure(target, error, data),
    () => redirect(`${triagePath(locale, roundId)}?${backQuery(back, "etichette")}#proposta-${proposalId}`),
  );
}

export async function tagSwotEntryAction(locale: string, roundId: string, entryId: string, back: string, _state: FormState, data: FormData): Promise<FormState> {
  const target = localeOrDefault(locale);
  return formOutcome(
    async () => tagSwotEntry(getPrisma(), await currentActor(), entryId, synthesisFormInput(data)),
    (error) => synthesisFormFailure(target, error, data),
    () => redirect(`${triagePath(locale, roundId)}?${backQuery(back, "etichette")}#swot-${entryId}`),
  );
}

export async function mergeProposalsAction(locale: string, roundId: string, back: string, _state: FormState, data: FormData): Promise<FormState> {
  const target = localeOrDefault(locale);
  return formOutcome(
    async () => mergeProposals(getPrisma(), await currentActor(), roundId, synthesisFormInput(data)),
    (error) => synthesisFormFailure(target, error, data),
    (result) => redirect(`${triagePath(locale, roundId)}?${backQuery(back, "unite")}#proposta-${result.targetId}`),
  );
}

/** The list's filters and page (as it was shown) with the outcome to announce. */
function backQuery(back: string, outcome: string): string {
  const params = new URLSearchParams(back);
  const kept = new URLSearchParams();
  for (const key of ["categoria", "tag", "pagina"]) {
    const value = params.get(key);
    if (value) kept.set(key, value);
  }
  kept.set("esito", outcome);
  return kept.toString();
}
