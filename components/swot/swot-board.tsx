import { ContributionBody } from "@/components/participation/contribution-body";
import { reportPath } from "@/components/proposals/links";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import type { SwotBoard as Board } from "@/lib/swot/list-swot-entries";

/** A round's SWOT observations in four groups (strengths, weaknesses, opportunities, threats). */
export function SwotBoard({ board, locale, t }: { board: Board; locale: Locale; t: Translate }) {
  return (
    <div className="row">
      {board.groups.map((group) => (
        <section key={group.kind} className="col-12 col-lg-6 mb-4" aria-labelledby={`swot-group-${group.kind}`}>
          <h2 id={`swot-group-${group.kind}`} className="h4">
            {t(`swot.kinds.${group.kind}`)} <span className="badge bg-primary">{formatNumber(group.total, locale)}</span>
          </h2>
          <p className="small">{t(`swot.kindHints.${group.kind}`)}</p>
          {group.entries.length === 0 ? (
            <p>{t("swot.noEntries")}</p>
          ) : (
            <ul className="list-unstyled">
              {group.entries.map((entry) => (
                <li key={entry.id} id={`swot-${entry.id}`} className="border-bottom py-2">
                  <ContributionBody body={entry.body} moderation={entry.moderation} hiddenReason={entry.hiddenReason} t={t} />
                  <p className="small mb-1">
                    {entry.axis ? <>{t("swot.axisLabel", { number: entry.axis.number })}{" · "}</> : null}
                    {t("swot.byOn", { name: entry.authorName ?? t("privacy.anonymous"), date: formatDate(entry.createdAt, locale) })}
                  </p>
                  <p className="small mb-0">
                    <a href={reportPath(locale, "swot", entry.id)}>{t("swot.report")}<span className="visually-hidden"> {t("swot.reportWhich", { kind: t(`swot.kinds.${group.kind}`), date: formatDate(entry.createdAt, locale) })}</span></a>
                  </p>
                </li>
              ))}
            </ul>
          )}
          {group.total > group.entries.length ? <p className="small">{t("swot.showingNewest", { shown: formatNumber(group.entries.length, locale), total: formatNumber(group.total, locale) })}</p> : null}
        </section>
      ))}
    </div>
  );
}
