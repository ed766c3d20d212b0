import type { Metadata } from "next";
import QRCode from "qrcode";
import { projectorLabels } from "@/components/live/live-labels";
import { LiveProjector } from "@/components/live/live-projector";
import { getLiveSnapshot } from "@/lib/live/get-live-snapshot";
import { publicBaseUrl } from "@/lib/web/auth";
import { localizedPath } from "@/lib/web/localized-path";
import { pageContext } from "@/lib/web/page-context";
import { liveHostPage } from "../live-host";

type Props = { params: Promise<{ locale: string; roundId: string; meetingId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await pageContext(params);
  return { title: t("live.projector.title") };
}

/** The projector view of a meeting's live session (hosts open it on the room's screen): no controls. */
export default async function LiveProjectorPage({ params }: Props) {
  const { locale, t, roundId, meetingId, actor, db, meeting, live } = await liveHostPage(params);
  const consoleHref = localizedPath(locale, `/consultazioni/${roundId}/incontri/${meetingId}/diretta`);
  if (live === null || live.status === "ENDED") {
    return (
      <>
        <h1>{t("live.projector.heading", { title: meeting.title })}</h1>
        <p className="lead">{live === null ? t("live.projector.notStarted") : t("live.console.endedNotice")}</p>
        <p><a href={consoleHref}>{t("live.projector.toConsole")}</a></p>
      </>
    );
  }
  const snapshot = await getLiveSnapshot(db, actor, live.sessionId);
  const joinUrl = `${await publicBaseUrl()}${localizedPath(locale, "/partecipa")}`;
  // The QR code leads straight to the session (the short code is for typing it).
  const qrSvg = await QRCode.toString(`${joinUrl}/${live.joinCode}`, { type: "svg", margin: 1, errorCorrectionLevel: "M", color: { dark: "#000000", light: "#ffffff" } });
  return (
    <LiveProjector
      initial={snapshot}
      heading={t("live.projector.heading", { title: meeting.title })}
      joinUrl={joinUrl}
      qrSvg={qrSvg}
      qrLabel={t("live.projector.qrLabel", { url: `${joinUrl}/${live.joinCode}` })}
      labels={projectorLabels(t)}
      locale={locale}
    />
  );
}
