"use server";
import { redirect } from "next/navigation";
import { getPrisma } from "@/lib/db/client";
import type { AppError } from "@/lib/errors/app-error";
import { formFailure, formFields as fields } from "./form-failure";
import { type Locale, localeOrDefault } from "@/lib/i18n/locales";
import { answerProposal } from "@/lib/proposals/answer-proposal";
import type { ProposalOutcome } from "@/lib/proposals/proposals.schemas";
import { submitProposal } from "@/lib/proposals/submit-proposal";
import { supportProposal } from "@/lib/proposals/support-proposal";
import { withdrawProposal } from "@/lib/proposals/withdraw-proposal";
import { withdrawSupport } from "@/lib/proposals/withdraw-support";
import { actionOutcome } from "@/lib/web/action-outcome";
import { currentActor } from "@/lib/web/auth";
import { localizedPath } from "@/lib/web/localized-path";
import type { FormState } from "@/components/auth/form-state";

/** The proposal pages' server actions: parse the form, call one lib/proposals service, redirect or answer the form state. */

const detailPath = (locale: Locale, roundId: string, proposalId: string) => localizedPath(locale, `/consultazioni/${roundId}/proposte/${proposalId}`);

export async function submitProposalAction(locale: string, roundId: string, _state: FormState, data: FormData): Promise<FormState> {
  const target = localeOrDefault(locale);
  let id: string;
  try {
    ({ id } = await submitProposal(getPrisma(), await currentActor(), roundId, fields(data)));
  } catch (error) {
    return formFailure(target, error, data);
  }
  redirect(`${detailPath(target, roundId, id)}?esito=inviata`);
}

export async function answerProposalAction(locale: string, roundId: string, proposalId: string, _state: FormState, data: FormData): Promise<FormState> {
  const target = localeOrDefault(locale);
  try {
    await answerProposal(getPrisma(), await currentActor(), proposalId, fields(data));
  } catch (error) {
    return formFailure(target, error, data);
  }
  redirect(`${detailPath(target, roundId, proposalId)}?esito=risposta#risposta`);
}

function outcomeOf(error: AppError): ProposalOutcome {
  switch (error.code) {
    case "FORBIDDEN": return "non-consentito";
    case "RATE_LIMITED": return "limite";
    case "CONFLICT":
      if (error.messageKey === "participation.errors.roundClosed" || error.messageKey === "participation.errors.roundNotOpenYet") return "chiusa";
      return "gia-risposta";
    default: return "errore";
  }
}

/** The buttons of the detail page: run, then back to the proposal with the outcome to announce. */
async function button(locale: string, roundId: string, proposalId: string, done: ProposalOutcome, action: () => Promise<unknown>): Promise<never> {
  const target = localeOrDefault(locale);
  const outcome = await actionOutcome(action, done, (error) => (error.code === "UNAUTHENTICATED" ? redirect(localizedPath(target, "/accedi")) : outcomeOf(error)));
  redirect(`${detailPath(target, roundId, proposalId)}?esito=${outcome}#azioni`);
}

export async function supportProposalAction(locale: string, roundId: string, proposalId: string): Promise<void> {
  await button(locale, roundId, proposalId, "sostenuta", async () => supportProposal(getPrisma(), await currentActor(), proposalId));
}

export async function withdrawSupportAction(locale: string, roundId: string, proposalId: string): Promise<void> {
  await button(locale, roundId, proposalId, "sostegno-ritirato", async () => withdrawSupport(getPrisma(), await currentActor(), proposalId));
}

export async function withdrawProposalAction(locale: string, roundId: string, proposalId: string): Promise<void> {
  await button(locale, roundId, proposalId, "ritirata", async () => withdrawProposal(getPrisma(), await currentActor(), proposalId));
}
