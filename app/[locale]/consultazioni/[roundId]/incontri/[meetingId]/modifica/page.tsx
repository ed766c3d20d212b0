import type { Metadata } from "next";
import { Breadcrumb } from "@/components/layout/breadcrumb";
import { meetingFormLabels, registrationOptions, venueKindOptions } from "@/components/rounds/labels";
import { ManagersOnly } from "@/components/rounds/manager-gate";
import { MeetingForm } from "@/components/rounds/meeting-form";
import { roundTrail } from "@/components/rounds/round-trail";
import { getPrisma } from "@/lib/db/client";
import { getMeeting } from "@/lib/rounds/get-meeting";
import { toLocalInputValue } from "@/lib/rounds/local-time";
import { localizedPath } from "@/lib/web/localized-path";
import { pageContext, rethrowAsPage } from "@/lib/web/page-context";
import { roundManagerForPage } from "@/lib/web/round-managers";
import { updateMeetingAction } from "../../../../actions";

type Props = { params: Promise<{ locale: string; roundId: string; meetingId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await pageContext(params);
  return { title: t("meetings.form.editTitle") };
}

export default async function EditMeetingPage({ params }: Props) {
  const { locale, t } = await pageContext(params);
  const { roundId, meetingId } = await params;
  const actor = await roundManagerForPage(locale);
  if (!actor) return <ManagersOnly locale={locale} t={t} />;
  const meeting = await getMeeting(getPrisma(), roundId, meetingId, actor).catch(rethrowAsPage);
  const meetingHref = localizedPath(locale, `/consultazioni/${roundId}/incontri/${meetingId}`);
  const editable = !meeting.cancelledAt && !meeting.started;
  return (
    <>
      <Breadcrumb t={t} items={[...roundTrail(locale, t, { id: roundId, title: meeting.round.title }), { label: meeting.title, href: meetingHref }, { label: t("meetings.form.editTitle") }]} />
      <div className="row"><div className="col-lg-8">
        <h1>{t("meetings.form.editTitle")}</h1>
        {editable ? (
          <MeetingForm
            action={updateMeetingAction.bind(null, locale, roundId, meetingId)}
            labels={meetingFormLabels(t, t("meetings.form.submitEdit"))}
            initial={{
              values: {
                title: meeting.title,
                venue: meeting.venue,
                venueKind: meeting.venueKind,
                address: meeting.address ?? "",
                startsAt: toLocalInputValue(meeting.startsAt),
                endsAt: toLocalInputValue(meeting.endsAt),
                capacity: meeting.capacity === null ? "" : String(meeting.capacity),
                registration: meeting.registration,
              },
              errors: {},
            }}
            venueKinds={venueKindOptions(t)}
            registrationModes={registrationOptions(t)}
          />
        ) : (
          <p>{meeting.cancelledAt ? t("meetings.errors.cancelled") : t("meetings.errors.started")}</p>
        )}
        <p className="mt-4"><a href={meetingHref}>{t("meetings.form.backToMeeting")}</a></p>
      </div></div>
    </>
  );
}
