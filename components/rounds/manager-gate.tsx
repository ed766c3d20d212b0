import { ErrorNotice } from "@/components/layout/error-notice";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import { localizedPath } from "@/lib/web/localized-path";

/** What a facilitators' page shows to someone signed in without the role (the services refuse them too). */
export function ManagersOnly({ locale, t }: { locale: Locale; t: Translate }) {
  return <ErrorNotice title={t("rounds.forbidden.title")} message={t("rounds.forbidden.message")} homeHref={localizedPath(locale, "/consultazioni")} homeLabel={t("rounds.forbidden.back")} />;
}
