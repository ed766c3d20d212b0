import type { Actor } from "@/lib/auth/session";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import type { CurrentRound } from "@/lib/rounds/find-current-round";

/** What the measure page hands to each participation section (votes, comments, proposals). */
export interface MeasureParticipationProps {
  locale: Locale;
  t: Translate;
  actor: Actor | null;
  round: CurrentRound;
  measure: { id: string; code: string; planId: string; planSlug: string; axisId: string };
  /** The page's query, already parsed leniently (e.g. the comments cursor). */
  searchParams: Record<string, string | string[] | undefined>;
}

/** What the round page hands to the sections other modules own (results, proposals, SWOT, axis comments). */
export interface RoundSectionProps {
  locale: Locale;
  t: Translate;
  actor: Actor | null;
  round: CurrentRound & { planId: string; planSlug: string };
  searchParams: Record<string, string | string[] | undefined>;
}
