import type { Locale } from "@/lib/i18n/locales";
import type { ProposalKind } from "@/lib/db/generated/enums";
import { kindSlugs } from "@/lib/proposals/proposals.schemas";
import { localizedPath } from "@/lib/web/localized-path";

/** Addresses of the proposal and SWOT pages. */
export const proposalsPath = (locale: Locale, roundId: string) => localizedPath(locale, `/consultazioni/${roundId}/proposte`);
export const proposalPath = (locale: Locale, roundId: string, proposalId: string) => localizedPath(locale, `/consultazioni/${roundId}/proposte/${proposalId}`);
export const swotPath = (locale: Locale, roundId: string) => localizedPath(locale, `/consultazioni/${roundId}/swot`);
export const roundPath = (locale: Locale, roundId: string) => localizedPath(locale, `/consultazioni/${roundId}`);

export function newProposalPath(locale: Locale, roundId: string, { kind, measureCode, axisNumber }: { kind?: ProposalKind; measureCode?: string | null; axisNumber?: number | null } = {}): string {
  const params = new URLSearchParams();
  if (kind) params.set("tipo", kindSlugs[kind]);
  if (measureCode) params.set("misura", measureCode);
  else if (axisNumber) params.set("asse", String(axisNumber));
  const query = params.toString();
  return localizedPath(locale, `/consultazioni/${roundId}/proposte/nuova`) + (query ? `?${query}` : "");
}

/** The report form (MODERATION's page) for a contribution. */
export const reportPath = (locale: Locale, type: "proposta" | "swot" | "commento", id: string) => `${localizedPath(locale, "/segnala")}?tipo=${type}&id=${id}`;
