import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { participantLabels } from "@/components/live/live-labels";
import { LiveParticipant } from "@/components/live/live-participant";
import { getPrisma } from "@/lib/db/client";
import { joinLiveSession } from "@/lib/live/join-live-session";
import { joinCodeSchema } from "@/lib/live/live.schemas";
import { currentActor } from "@/lib/web/auth";
import { localizedPath } from "@/lib/web/localized-path";
import { pageContext, rethrowAsPage } from "@/lib/web/page-context";
import { castLiveVoteAction } from "../actions";

type Props = { params: Promise<{ locale: string; code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await pageContext(params);
  return { title: t("live.participant.title") };
}

/** A participant's view of a live session, reached by its code: signed-in people join (stakeholders vote). */
export default async function LiveParticipantPage({ params, searchParams }: Props) {
  const { locale, t } = await pageContext(params);
  const parsed = joinCodeSchema.safeParse((await params).code);
  if (!parsed.success) notFound();
  const code = parsed.data;
  const actor = await currentActor();
  if (!actor) {
    const here = localizedPath(locale, `/partecipa/${code}`);
    return (
      <div className="row"><div className="col-lg-6">
        <h1>{t("live.participant.title")}</h1>
        <p>{t("live.participant.signInIntro")}</p>
        <p><a className="btn btn-primary btn-lg" href={`${localizedPath(locale, "/accedi")}?ritorno=${encodeURIComponent(here)}`} id="participant-sign-in">{t("live.participant.signIn")}</a></p>
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
