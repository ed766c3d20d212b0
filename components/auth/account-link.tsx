import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import { logger } from "@/lib/observability/logger";
import { currentActor } from "@/lib/web/auth";
import { localizedPath } from "@/lib/web/localized-path";

/** "Accedi" for visitors, the user's name linking to their account otherwise (header, every page). */
export async function AccountLink({ locale, t }: { locale: Locale; t: Translate }) {
  const actor = await currentActor().catch((error: unknown) => {
    logger.warn("session check failed in the header", { error });
    return null;
  });
  return actor ? (
    <a className="text-white ms-3" href={localizedPath(locale, "/account")} title={t("auth.header.account")}>
      {actor.displayName ?? t("auth.header.account")}
    </a>
  ) : (
    <a className="text-white ms-3" href={localizedPath(locale, "/accedi")}>{t("auth.header.signIn")}</a>
  );
}
