import { headers } from "next/headers";
import { ErrorNotice } from "@/components/layout/error-notice";
import { isLocale } from "@/lib/i18n/locales";
import { createTranslator } from "@/lib/i18n/translate";
import { currentActor } from "@/lib/web/auth";
import { localeHeader, localizedPath } from "@/lib/web/localized-path";

/** The 403 page (forbidden() from next/navigation). Like not-found, no params: the locale comes from the proxy's header. */
export default async function Forbidden() {
  const requested = (await headers()).get(localeHeader);
  const locale = isLocale(requested) ? requested : "it";
  const t = createTranslator(locale);
  // A guest of a live session is refused everywhere else: say why.
  const guest = (await currentActor())?.liveGuestOfId;
  return <ErrorNotice title={t("admin.forbidden.title")} message={t(guest ? "auth.errors.liveGuestOnly" : "admin.forbidden.message")} homeHref={localizedPath(locale, "/")} homeLabel={t("admin.forbidden.home")} />;
}
