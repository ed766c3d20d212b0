import { headers } from "next/headers";
import { isLocale } from "@/lib/i18n/locales";
import { createTranslator } from "@/lib/i18n/translate";
import { localeHeader, localizedPath } from "@/lib/web/localized-path";

/** not-found receives no params: the locale comes from the path the proxy recorded. */
export default async function NotFound() {
  const requested = (await headers()).get(localeHeader);
  const locale = isLocale(requested) ? requested : "it";
  const t = createTranslator(locale);
  return (
    <>
      <h1>{t("errors.notFoundTitle")}</h1>
      <p className="lead">{t("errors.notFound")}</p>
      <p>
        <a className="btn btn-primary" href={localizedPath(locale, "/")}>
          {t("errors.backHome")}
        </a>
      </p>
    </>
  );
}
