import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import { logger } from "@/lib/observability/logger";
import { currentActor } from "@/lib/web/auth";
import { localizedPath } from "@/lib/web/localized-path";

/** "Amministrazione" in the header, for admins only (the page itself checks the role again). */
export async function AdminLink({ locale, t }: { locale: Locale; t: Translate }) {
  const actor = await currentActor().catch((error: unknown) => {
    logger.warn("session check failed in the header", { error });
    return null;
  });
  if (actor?.role !== "ADMIN") return null;
  return <a className="text-white ms-3" href={localizedPath(locale, "/admin/utenti")}>{t("admin.nav")}</a>;
}
