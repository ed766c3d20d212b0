import type { Crumb } from "@/components/layout/breadcrumb";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import { localizedPath } from "@/lib/web/localized-path";
import { roundPath } from "./links";

/** Home / Consultations / <round>: the first steps of the proposal and SWOT pages' trail. */
export function roundTrail(locale: Locale, t: Translate, round: { id: string; title: string }): Crumb[] {
  return [
    { label: t("common.home"), href: localizedPath(locale, "/") },
    { label: t("proposals.roundsCrumb"), href: localizedPath(locale, "/consultazioni") },
    { label: round.title, href: roundPath(locale, round.id) },
  ];
}

/** The notice shown instead of a contribution form, saying why and what to do. */
export function BlockedNotice({ reason, locale, t }: { reason: "signIn" | "stakeholdersOnly" | "roundNotOpen"; locale: Locale; t: Translate }) {
  return (
    <div className="callout note" role="note">
      <div className="callout-title">{t(`proposals.blocked.${reason}`)}</div>
      {reason === "signIn" ? (
        <p>
          <a href={localizedPath(locale, "/accedi")}>{t("proposals.blocked.signInLink")}</a>
        </p>
      ) : null}
    </div>
  );
}
