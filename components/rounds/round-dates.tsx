import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";

/** Opening and closing of a round, as a description list, with machine-readable times. */
export function RoundDates({ opensAt, closesAt, locale, t }: { opensAt: Date; closesAt: Date; locale: Locale; t: Translate }) {
  return (
    <dl className="row mb-0">
      <dt className="col-sm-4 col-lg-3">{t("rounds.page.opensAt")}</dt>
      <dd className="col-sm-8 col-lg-9"><time dateTime={opensAt.toISOString()}>{formatDateTime(opensAt, locale)}</time></dd>
      <dt className="col-sm-4 col-lg-3">{t("rounds.page.closesAt")}</dt>
      <dd className="col-sm-8 col-lg-9"><time dateTime={closesAt.toISOString()}>{formatDateTime(closesAt, locale)}</time></dd>
    </dl>
  );
}
