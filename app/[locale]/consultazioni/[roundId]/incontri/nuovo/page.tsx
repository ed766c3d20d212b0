import type { Metadata } from "next";
import { Breadcrumb } from "@/components/layout/breadcrumb";
import { meetingFormLabels, registrationOptions, venueKindOptions } from "@/components/rounds/labels";
import { ManagersOnly } from "@/components/rounds/manager-gate";
import { roundTrail } from "@/components/rounds/round-trail";
import { MeetingForm } from "@/components/rounds/meeting-form";
import { getPrisma } from "@/lib/db/client";
import { formatDateTime } from "@/lib/i18n/format";
import { getRound } from "@/lib/rounds/get-round";
import { localizedPath } from "@/lib/web/localized-path";
import { pageContext, rethrowAsPage } from "@/lib/web/page-context";
import { roundManagerForPage } from "@/lib/web/round-managers";
import { scheduleMeetingAction } from "../../../actions";

type Props = { params: Promise<{ locale: string; roundId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await pageContext(params);
  return { title: t("meetings.form.newTitle") };
}

export default async function NewMeetingPage({ params }: Props) {
  const { locale, t } = await pageContext(params);
  const { roundId } = await params;
  const actor = await roundManagerForPage(locale);
  if (!actor) return <ManagersOnly locale={locale} t={t} />;
  const round = await getRound(getPrisma(), roundId).catch(rethrowAsPage);
  const roundHref = localizedPath(locale, `/consultazioni/${round.id}`);
  const open = round.status === "SCHEDULED" || round.status === "OPEN";
  return (
    <>
      <Breadcrumb t={t} items={[...roundTrail(locale, t, round), { label: t("meetings.form.newTitle") }]} />
      <div className="row"><div className="col-lg-8">
        <h1>{t("meetings.form.newTitle")}</h1>
        {open ? (
          <>
            <p>{t("meetings.form.intro", { round: round.title, opens: formatDateTime(round.opensAt, locale), closes: formatDateTime(round.closesAt, locale) })}</p>
            <MeetingForm
              action={scheduleMeetingAction.bind(null, locale, round.id)}
              labels={meetingFormLabels(t, t("meetings.form.submitNew"))}
              initial={{ values: { registration: "NONE", venueKind: "NEIGHBOURHOOD" }, errors: {} }}
              venueKinds={venueKindOptions(t)}
              registrationModes={registrationOptions(t)}
            />
          </>
        ) : (
          <p>{t("meetings.errors.roundOver")}</p>
        )}
        <p className="mt-4"><a href={roundHref}>{t("rounds.form.backToRound")}</a></p>
      </div></div>
    </>
  );
}
