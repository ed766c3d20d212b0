import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import { logger } from "@/lib/observability/logger";
import { currentActor } from "@/lib/web/auth";
import { localizedPath } from "@/lib/web/localized-path";

/** "Moderazione" in the header, for facilitators and admins (the page checks the role again). */
export async function ModerationLink({ locale, t }: { locale: Locale; t: Translate }) {
  const actor = await currentActor().catch((error: unknown) => {
    logger.warn("session check failed in the header", { error });
    return null;
  });
  if (actor?.role !== "FACILITATOR" && actor?.role !== "ADMIN") return null;
  return <a className="text-white ms-3" href={localizedPath(locale, "/moderazione")}>{t("moderation.nav")}</a>;
}
