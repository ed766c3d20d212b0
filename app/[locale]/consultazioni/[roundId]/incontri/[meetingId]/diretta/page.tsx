import type { Metadata } from "next";
import { Breadcrumb } from "@/components/layout/breadcrumb";
import { LiveConsole } from "@/components/live/live-console";
import { consoleLabels } from "@/components/live/live-labels";
import { StartLiveForm } from "@/components/live/start-live-form";
import { roundTrail } from "@/components/rounds/round-trail";
import { getLiveSnapshot } from "@/lib/live/get-live-snapshot";
import { listLiveCandidates } from "@/lib/live/list-live-candidates";
import { listLiveGuestRequests } from "@/lib/live/list-live-guest-requests";
import { publicBaseUrl } from "@/lib/web/auth";
import { localizedPath } from "@/lib/web/localized-path";
import { pageContext } from "@/lib/web/page-context";
import { startLiveSessionAction } from "../../../../../partecipa/actions";
import { liveHostPage } from "../live-host";

type Props = { params: Promise<{ locale: string; roundId: string; meetingId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await pageContext(params);
  return { title: t("live.console.title") };
}

/** The facilitator's console of a meeting's live session (hosts only). */
export default async function LiveConsolePage({ params }: Props) {
  const { locale, t, roundId, meetingId, actor, db, meeting, live } = await liveHostPage(params);
  const meetingHref = localizedPath(locale, `/consultazioni/${roundId}/incontri/${meetingId}`);
  const projectorHref = localizedPath(locale, `/consultazioni/${roundId}/incontri/${meetingId}/proiezione`);
  const running = live !== null && live.status !== "ENDED";
  const [snapshot, candidates, guests] = running
    ? await Promise.all([getLiveSnapshot(db, actor, live.sessionId), listLiveCandidates(db, actor, roundId), listLiveGuestRequests(db, actor, live.sessionId)])
    : [null, null, []];

  return (
    <>
      <Breadcrumb
        t={t}
        items={[...roundTrail(locale, t, { id: roundId, title: meeting.round.title }), { label: meeting.title, href: meetingHref }, { label: t("live.console.title") }]}
      />
      <h1>{t("live.console.heading", { title: meeting.title })}</h1>
      {live === null ? (
        meeting.cancelledAt ? (
          <div className="callout danger" role="note"><div className="callout-title">{t("meetings.page.cancelled")}</div><p>{t("live.console.cancelled")}</p></div>
        ) : (
          <section aria-labelledby="start-title" className="my-4">
            <h2 id="start-title" className="h3">{t("live.console.startTitle")}</h2>
            <p>{t("live.console.startIntro")}</p>
            <StartLiveForm action={startLiveSessionAction.bind(null, locale, roundId, meetingId)} submit={t("live.console.start")} />
          </section>
        )
      ) : live.status === "ENDED" || !snapshot || !candidates ? (
        <div className="alert alert-info" role="status">{t("live.console.endedNotice")}</div>
      ) : (
        <LiveConsole
          initial={snapshot}
          initialGuests={guests}
          candidates={candidates}
          projectorHref={projectorHref}
          joinUrl={`${await publicBaseUrl()}${localizedPath(locale, "/partecipa")}`}
          labels={consoleLabels(t)}
          locale={locale}
        />
      )}
      <p className="mt-5"><a href={meetingHref}>{t("live.console.backToMeeting")}</a></p>
    </>
  );
}
