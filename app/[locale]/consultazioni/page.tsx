import type { Metadata } from "next";
import { Breadcrumb } from "@/components/layout/breadcrumb";
import { OutcomeNotice } from "@/components/rounds/outcome-notice";
import { RoundStatusBadge } from "@/components/rounds/round-status";
import { getPrisma } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import { MIN_ROUNDS_PER_YEAR, type RoundCalendar, getRoundCalendar } from "@/lib/rounds/round-calendar";
import { roundOutcomeQuerySchema } from "@/lib/rounds/rounds.schemas";
import { canManageRounds } from "@/lib/rounds/schedule-round";
import { currentActor, publicBaseUrl } from "@/lib/web/auth";
import { localizedPath } from "@/lib/web/localized-path";
import { pageContext } from "@/lib/web/page-context";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await pageContext(params);
  return { title: t("rounds.list.title") };
}

export default async function RoundsPage({ params, searchParams }: Props) {
  const { locale, t } = await pageContext(params);
  const [actor, query] = await Promise.all([currentActor(), searchParams]);
  const calendar: RoundCalendar | null = await getRoundCalendar(getPrisma()).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") return null;
    throw error;
  });
  const manager = canManageRounds(actor);
  const feedPath = `/api/v1/calendar.ics${locale === "en" ? "?lang=en" : ""}`;
  const feedUrl = `${await publicBaseUrl()}${feedPath}`;
  const outcome = roundOutcomeQuerySchema.parse({ esito: typeof query.esito === "string" ? query.esito : undefined }).esito;

  return (
    <>
      <Breadcrumb t={t} items={[{ label: t("common.home"), href: localizedPath(locale, "/") }, { label: t("rounds.list.title") }]} />
      <h1>{t("rounds.list.title")}</h1>
      <p className="lead">{t("rounds.list.intro", { min: MIN_ROUNDS_PER_YEAR })}</p>
      <OutcomeNotice outcome={outcome} t={t} />

      {!calendar ? (
        <p>{t("home.noPlan")}</p>
      ) : (
        <>
          {manager && calendar.shortYears.length > 0 ? (
            <div className="callout warning" role="note" id="calendar-warning">
              <div className="callout-title">{t("rounds.list.warningTitle")}</div>
              <p>{t("rounds.list.warning", { years: calendar.shortYears.join(", "), min: MIN_ROUNDS_PER_YEAR })}</p>
            </div>
          ) : null}
          {manager ? (
            <p>
              <a className="btn btn-primary" href={localizedPath(locale, "/consultazioni/nuova")}>{t("rounds.list.new")}</a>
            </p>
          ) : null}

          {calendar.years.map((year) => (
            <section key={year.year} className="my-5" aria-labelledby={`year-${year.year}`}>
              <h2 id={`year-${year.year}`}>{year.year}</h2>
              <p className={year.meetsMinimum ? "" : "fw-semibold"}>
                {t("rounds.list.yearCount", { count: year.rounds.length })}
                {year.meetsMinimum ? null : <> — {t("rounds.list.yearShort")}</>}
              </p>
              {year.rounds.length === 0 ? (
                <p>{t("rounds.list.noneInYear")}</p>
              ) : (
                <ul className="list-unstyled">
                  {year.rounds.map((round) => (
                    <li key={round.id} className="card card-bg mb-3">
                      <div className="card-body">
                        <h3 className="card-title h4">
                          <a href={localizedPath(locale, `/consultazioni/${round.id}`)}>{round.title}</a>
                        </h3>
                        <p className="card-text mb-1">
                          <RoundStatusBadge status={round.status} t={t} />{" "}
                          {t("rounds.list.dates", {
                            opens: formatDateTime(round.opensAt, locale),
                            closes: formatDateTime(round.closesAt, locale),
                          })}
                        </p>
                        <p className="card-text mb-0 small">
                          {t("rounds.list.revision", { number: round.revisionNumber })} · {t("rounds.list.meetings", { count: formatNumber(round.meetings, locale) })}
                        </p>
                      </div>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ))}
        </>
      )}

      <section className="my-5" aria-labelledby="feed-title">
        <h2 id="feed-title" className="h3">{t("rounds.list.feedTitle")}</h2>
        <p>{t("rounds.list.feedIntro")}</p>
        <p>
          <a className="btn btn-outline-primary" href={feedPath} type="text/calendar">{t("rounds.list.feedDownload")}</a>
        </p>
        <p className="mb-1">{t("rounds.list.feedAddress")}</p>
        <p><code className="text-break">{feedUrl}</code></p>
      </section>
    </>
  );
}
