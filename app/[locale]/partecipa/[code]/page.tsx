import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { LiveGuestRequestForm } from "@/components/live/live-guest-request-form";
import { LiveGuestWaiting } from "@/components/live/live-guest-waiting";
import { guestLabels, participantLabels } from "@/components/live/live-labels";
import { LiveParticipant } from "@/components/live/live-participant";
import { getPrisma } from "@/lib/db/client";
import { getLiveGuestRequestStatus } from "@/lib/live/get-live-guest-request-status";
import { joinLiveSession } from "@/lib/live/join-live-session";
import { LIVE_GUEST_COOKIE } from "@/lib/live/live-guest-credential";
import { joinCodeSchema } from "@/lib/live/live.schemas";
import { currentActor } from "@/lib/web/auth";
import { localizedPath } from "@/lib/web/localized-path";
import { pageContext, rethrowAsPage } from "@/lib/web/page-context";
import { castLiveVoteAction, checkLiveGuestAction, pollLiveGuestAction, requestLiveGuestAction } from "../actions";

type Props = { params: Promise<{ locale: string; code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await pageContext(params);
  return { title: t("live.participant.title") };
}

/**
 * A participant's view of a live session, reached by its code: signed-in people join (stakeholders
 * vote). Signed out: sign in, or ask to take part as a guest in the room; a browser whose request
 * waits sees where it stands (read only here: the admission is picked up by a server action, which
 * can set the session cookie).
 */
export default async function LiveParticipantPage({ params, searchParams }: Props) {
  const { locale, t } = await pageContext(params);
  const parsed = joinCodeSchema.safeParse((await params).code);
  if (!parsed.success) notFound();
  const code = parsed.data;
  const actor = await currentActor();
  if (!actor) {
    const here = localizedPath(locale, `/partecipa/${code}`);
    const labels = guestLabels(t);
    const request = await getLiveGuestRequestStatus(getPrisma(), (await cookies()).get(LIVE_GUEST_COOKIE)?.value);
    const mine = request?.joinCode === code ? request : null;
    if (mine && mine.status !== "REFUSED") {
      return (
        <div className="row"><div className="col-lg-6">
          <h1>{t("live.participant.title")}</h1>
          <LiveGuestWaiting
            displayName={mine.displayName}
            admitted={mine.status === "ADMITTED"}
            checkAction={checkLiveGuestAction.bind(null, locale, code)}
            poll={pollLiveGuestAction}
            labels={labels}
            locale={locale}
          />
        </div></div>
      );
    }
    return (
      <div className="row"><div className="col-lg-6">
        <h1>{t("live.participant.title")}</h1>
        {mine?.status === "REFUSED" ? <div className="alert alert-warning" role="status" id="guest-refused">{t("live.guest.refused")}</div> : null}
        <section aria-labelledby="participant-account-title" className="my-4">
          <h2 id="participant-account-title" className="h3">{t("live.guest.accountTitle")}</h2>
          <p>{t("live.participant.signInIntro")}</p>
          <p><a className="btn btn-primary btn-lg" href={`${localizedPath(locale, "/accedi")}?ritorno=${encodeURIComponent(here)}`} id="participant-sign-in">{t("live.participant.signIn")}</a></p>
        </section>
        <section aria-labelledby="guest-request-title" className="my-4">
          <h2 id="guest-request-title" className="h3">{t("live.guest.formTitle")}</h2>
          <p>{t("live.guest.formIntro")}</p>
          <LiveGuestRequestForm action={requestLiveGuestAction.bind(null, locale, code)} labels={labels} />
        </section>
      </div></div>
    );
  }
  const snapshot = await joinLiveSession(getPrisma(), actor, { code }).catch(rethrowAsPage);
  const item = snapshot.currentItem;
  const recorded = (await searchParams).esito === "voto-registrato";
  return (
    <div className="row"><div className="col-lg-8">
      <h1 className="h2">{snapshot.session.meetingTitle}</h1>
      <p className="small">{snapshot.session.venue} · {snapshot.session.roundTitle}</p>
      {actor.liveGuestOfId ? <p className="alert alert-info" id="participant-guest-note">{t("live.guest.participatingAs", { name: actor.displayName ?? "" })}</p> : null}
      <LiveParticipant
        code={code}
        initial={snapshot}
        action={castLiveVoteAction.bind(null, locale, code, snapshot.session.id, item?.id ?? "")}
        clientVoteId={randomUUID()}
        recorded={recorded}
        labels={participantLabels(t)}
        locale={locale}
      />
    </div></div>
  );
}
