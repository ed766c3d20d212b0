import type { Metadata } from "next";
import { z } from "zod";
import type { Crumb } from "@/components/layout/breadcrumb";
import { ErrorNotice } from "@/components/layout/error-notice";
import { roundTrail } from "@/components/rounds/round-trail";
import { getPrisma } from "@/lib/db/client";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import { getRevisionDraft } from "@/lib/synthesis/get-revision-draft";
import type { LinkTarget } from "@/lib/synthesis/link-candidates";
import { currentActor } from "@/lib/web/auth";
import { localizedPath } from "@/lib/web/localized-path";
import { pageContext } from "@/lib/web/page-context";
import { staffRead } from "../staff-read";

/** What the workbench pages share: their read, head and trail, the outcome notices, the refusal. */

export type DraftPageProps<P = object> = {
  params: Promise<{ locale: string; roundId: string } & P>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** A workbench page's head: staff only, never indexed. */
export async function draftMetadata(params: Promise<{ locale: string }>, titleKey: string): Promise<Metadata> {
  const { t } = await pageContext(params);
  return { title: t(titleKey), robots: { index: false } };
}

/**
 * A workbench page's read: its locale and translator, address parameters, ?esito value, and the
 * draft (getRevisionDraft, with the link candidates of `target` when given); view null when refused
 * (the page shows DraftForbidden). `base` is the round's synthesis address.
 */
export async function readDraftPage<P>({ params, searchParams }: DraftPageProps<P>, target?: (params: P) => LinkTarget) {
  const { locale, t } = await pageContext(params);
  const address = await params;
  const { esito } = await searchParams;
  const view = await staffRead(locale, getRevisionDraft(getPrisma(), await currentActor(), address.roundId, { linkCandidatesFor: target?.(address) }));
  return { locale, t, params: address, esito, view, base: localizedPath(locale, `/consultazioni/${address.roundId}/sintesi`) };
}

/** Home / Consultations / <round> / Synthesis / Draft / …`rest`: the trail of a page inside the draft. */
export function draftTrail(locale: Locale, t: Translate, round: { id: string; title: string }, base: string, ...rest: Crumb[]): Crumb[] {
  return [...roundTrail(locale, t, round), { label: t("synthesis.triage.dashboard"), href: base }, { label: t("synthesis.draft.title"), href: `${base}/bozza` }, ...rest];
}

/** Outcomes the workbench pages announce after a redirect (?esito=…). */
const outcomes = ["avviata", "modificata", "ritirata", "aggiunta", "riordinata", "asse-modificato", "accolta", "pubblicata", "non-consentito", "non-chiusa", "errore"] as const;
const outcomeSchema = z.enum(outcomes).optional().catch(undefined);
const failures = new Set(["non-consentito", "non-chiusa", "errore"]);

export function DraftOutcome({ value, t }: { value: string | string[] | undefined; t: Translate }) {
  const outcome = outcomeSchema.parse(typeof value === "string" ? value : undefined);
  if (!outcome) return null;
  const failed = failures.has(outcome);
  return (
    <div className={`alert ${failed ? "alert-danger" : "alert-success"}`} role={failed ? "alert" : "status"}>
      {t(`synthesis.draft.outcomes.${outcome}`)}
    </div>
  );
}

/** What the workbench pages show to someone signed in who is not staff (the services refuse them too). */
export function DraftForbidden({ locale, t, roundId }: { locale: Locale; t: Translate; roundId: string }) {
  return <ErrorNotice title={t("synthesis.draft.forbidden.title")} message={t("synthesis.draft.forbidden.message")} homeHref={localizedPath(locale, `/consultazioni/${roundId}`)} homeLabel={t("synthesis.draft.forbidden.back")} />;
}
