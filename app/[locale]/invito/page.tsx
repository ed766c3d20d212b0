import { FormMessage } from "@/components/forms/fields";
import type { Metadata } from "next";
import { AcceptInvitationForm } from "@/components/auth/accept-invitation-form";
import { fieldLabels, profileLabels } from "@/components/auth/labels";
import { type InvitationView, describeInvitation } from "@/lib/auth/accept-invitation";
import { mailedLinkSearchSchema } from "@/lib/auth/auth.schemas";
import { getPrisma } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { formatDate } from "@/lib/i18n/format";
import { currentActor } from "@/lib/web/auth";
import { localizedPath } from "@/lib/web/localized-path";
import { pageContext } from "@/lib/web/page-context";
import { acceptInvitationAction } from "./actions";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await pageContext(params);
  return { title: t("invitations.accept.title") };
}

/** The page an invitation link lands on. Viewing it consumes nothing; accepting takes the form's POST. */
export default async function AcceptInvitationPage({ params, searchParams }: Props) {
  const { locale, t } = await pageContext(params);
  const { token, esito } = mailedLinkSearchSchema.parse(await searchParams);
  const actor = await currentActor();
  const view: InvitationView | null = token && !esito
    ? await describeInvitation(getPrisma(), actor, token).catch((error: unknown) => {
        if (isAppError(error)) return null;
        throw error;
      })
    : null;
  if (!view || !token) {
    return (
      <div className="row"><div className="col-lg-7">
        <h1>{t("invitations.invalidTitle")}</h1>
        <FormMessage message={t("invitations.invalid")} kind="danger" />
      </div></div>
    );
  }
  const role = t(`auth.roles.${view.role}`);
  return (
    <div className="row"><div className="col-lg-7">
      <h1>{t("invitations.accept.title")}</h1>
      <p className="lead">{view.invitedBy ? t("invitations.accept.intro", { role, invitedBy: view.invitedBy }) : t("invitations.accept.introNoInviter", { role })}</p>
      <p>{t("invitations.accept.expires", { date: formatDate(view.expiresAt, locale) })}</p>
      {view.mode === "new" || view.mode === "signed-in" ? (
        <>
          <p>{view.mode === "new" ? t("invitations.accept.newAccount", { email: view.email }) : t("invitations.accept.existingAccount", { email: view.email, role })}</p>
          <AcceptInvitationForm
            action={acceptInvitationAction.bind(null, locale)}
            token={token}
            email={view.email}
            newAccount={view.mode === "new"}
            labels={{ ...fieldLabels(t), submit: t("invitations.accept.submit") }}
            profileLabels={profileLabels(t)}
            initial={{ values: { locale }, errors: {} }}
          />
        </>
      ) : (
        <div className="alert alert-info" role="status">
          <p>{t(view.mode === "sign-in-first" ? "invitations.accept.signInFirst" : "invitations.accept.otherAccount", { email: view.email })}</p>
          <p className="mb-0"><a href={localizedPath(locale, "/accedi")}>{t("invitations.accept.signInLink")}</a></p>
        </div>
      )}
    </div></div>
  );
}
