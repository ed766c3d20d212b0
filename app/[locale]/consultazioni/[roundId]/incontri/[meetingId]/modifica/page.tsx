import { meetingFormLabels, registrationOptions, venueKindOptions } from "@/components/rounds/labels";
import { ManagersOnly } from "@/components/rounds/manager-gate";
import { ManagerFormPage } from "@/components/rounds/manager-form-page";
import { MeetingForm } from "@/components/rounds/meeting-form";
import { roundTrail } from "@/components/rounds/round-trail";
import { getPrisma } from "@/lib/db/client";
import { getMeeting } from "@/lib/rounds/get-meeting";
import { toLocalInputValue } from "@/lib/rounds/local-time";
import { localizedPath } from "@/lib/web/localized-path";
import { rethrowAsPage } from "@/lib/web/page-context";
import { managerFormMetadata, managerPageContext } from "@/lib/web/round-managers";
import { updateMeetingAction } from "../../../../actions";

type Props = { params: Promise<{ locale: string; roundId: string; meetingId: string }> };

export const generateMetadata = managerFormMetadata("meetings.form.editTitle");

export default async function EditMeetingPage({ params }: Props) {
  const { locale, t, actor, route: { roundId, meetingId } } = await managerPageContext(params);
  if (!actor) return <ManagersOnly locale={locale} t={t} />;
  const meeting = await getMeeting(getPrisma(), roundId, meetingId, actor).catch(rethrowAsPage);
  const meetingHref = localizedPath(locale, `/consultazioni/${roundId}/incontri/${meetingId}`);
  const values = {
    title: meeting.title,
    venue: meeting.venue,
    venueKind: meeting.venueKind,
    address: meeting.address ?? "",
    startsAt: toLocalInputValue(meeting.startsAt),
    endsAt: toLocalInputValue(meeting.endsAt),
    capacity: meeting.capacity === null ? "" : String(meeting.capacity),
    registration: meeting.registration,
  };
  return (
    <ManagerFormPage
      t={t}
      trail={[...roundTrail(locale, t, { id: roundId, title: meeting.round.title }), { label: meeting.title, href: meetingHref }]}
      title={t("meetings.form.editTitle")}
      back={{ href: meetingHref, label: t("meetings.form.backToMeeting") }}
    >
      {meeting.cancelledAt || meeting.started ? (
        <p>{meeting.cancelledAt ? t("meetings.errors.cancelled") : t("meetings.errors.started")}</p>
      ) : (
        <MeetingForm
          action={updateMeetingAction.bind(null, locale, roundId, meetingId)}
          labels={meetingFormLabels(t, t("meetings.form.submitEdit"))}
          initial={{ values, errors: {} }}
          venueKinds={venueKindOptions(t)}
          registrationModes={registrationOptions(t)}
        />
      )}
    </ManagerFormPage>
  );
}
