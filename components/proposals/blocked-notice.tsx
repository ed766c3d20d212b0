import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import { localizedPath } from "@/lib/web/localized-path";

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
