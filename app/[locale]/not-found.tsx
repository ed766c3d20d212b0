import { headers } from "next/headers";
import { ErrorNotice } from "@/components/layout/error-notice";
import { isLocale } from "@/lib/i18n/locales";
import { createTranslator } from "@/lib/i18n/translate";
import { localeHeader, localizedPath } from "@/lib/web/localized-path";

/** not-found receives no params: the locale comes from the header the proxy set. */
export default async function NotFound() {
  const requested = (await headers()).get(localeHeader);
  const locale = isLocale(requested) ? requested : "it";
  const t = createTranslator(locale);
  return <ErrorNotice title={t("errors.notFoundTitle")} message={t("errors.notFound")} homeHref={localizedPath(locale, "/")} homeLabel={t("errors.backHome")} />;
}
