import { meetingFormLabels, registrationOptions, venueKindOptions } from "@/components/rounds/labels";
import { ManagersOnly } from "@/components/rounds/manager-gate";
import { ManagerFormPage } from "@/components/rounds/manager-form-page";
import { roundTrail } from "@/components/rounds/round-trail";
import { MeetingForm } from "@/components/rounds/meeting-form";
import { getPrisma } from "@/lib/db/client";
import { formatDateTime } from "@/lib/i18n/format";
import { getRound } from "@/lib/rounds/get-round";
import { localizedPath } from "@/lib/web/localized-path";
import { rethrowAsPage } from "@/lib/web/page-context";
import { managerFormMetadata, managerPageContext } from "@/lib/web/round-managers";
import { scheduleMeetingAction } from "../../../actions";

type Props = { params: Promise<{ locale: string; roundId: string }> };

export const generateMetadata = managerFormMetadata("meetings.form.newTitle");

export default async function NewMeetingPage({ params }: Props) {
  const { locale, t, actor, route: { roundId } } = await managerPageContext(params);
  if (!actor) return <ManagersOnly locale={locale} t={t} />;
  const round = await getRound(getPrisma(), roundId).catch(rethrowAsPage);
  const open = round.status === "SCHEDULED" || round.status === "OPEN";
  return (
    <ManagerFormPage t={t} trail={roundTrail(locale, t, round)} title={t("meetings.form.newTitle")} back={{ href: localizedPath(locale, `/consultazioni/${round.id}`), label: t("rounds.form.backToRound") }}>
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
    </ManagerFormPage>
  );
}
