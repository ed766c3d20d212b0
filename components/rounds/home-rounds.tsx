import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import type { HomeRounds } from "@/lib/rounds/find-current-round";
import { localizedPath } from "@/lib/web/localized-path";

/** The home page's consultation box: the open round and the next one, or the plan's promise of two a year. */
export function HomeRoundsSummary({ rounds, locale, t, fallback }: { rounds: HomeRounds; locale: Locale; t: Translate; fallback: string }) {
  const { open, next } = rounds;
  return (
    <>
      {open ? (
        <div className="callout success">
          <div className="callout-title">{t("rounds.home.openTitle")}</div>
          <p className="mb-2">
            <a className="fw-semibold" href={localizedPath(locale, `/consultazioni/${open.id}`)}>{open.title}</a>
          </p>
          <p className="mb-0">{t("rounds.home.closes", { date: formatDateTime(open.closesAt, locale) })}</p>
        </div>
      ) : null}
      {next ? (
        <p>
          {t("rounds.home.next")} <a href={localizedPath(locale, `/consultazioni/${next.id}`)}>{next.title}</a>
          {" — "}
          {t("rounds.home.opens", { date: formatDateTime(next.opensAt, locale) })}
        </p>
      ) : null}
      {!open && !next ? <p>{fallback}</p> : null}
      <p>
        <a href={localizedPath(locale, "/consultazioni")}>{t("rounds.home.all")}</a>
      </p>
    </>
  );
}
