import type { Metadata } from "next";
import { InvitationsTable } from "@/components/admin/invitations-table";
import { InviteForm } from "@/components/admin/invite-form";
import { invitationsQuerySchema, staffRoles } from "@/lib/accounts/accounts.schemas";
import { listInvitations } from "@/lib/accounts/list-invitations";
import { getPrisma } from "@/lib/db/client";
import { localizedPath } from "@/lib/web/localized-path";
import { pageContext, rethrowAsPage } from "@/lib/web/page-context";
import { adminActorOrForbidden } from "../admin-actor";
import { inviteStaffAction, revokeInvitationAction } from "./actions";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await pageContext(params);
  return { title: t("invitations.admin.title") };
}

export default async function AdminInvitationsPage({ params, searchParams }: Props) {
  const { locale, t } = await pageContext(params);
  const actor = await adminActorOrForbidden(locale);
  // proxy.ts already answered a malformed query with the 400 page; this parse only reads it.
  const query = invitationsQuerySchema.safeParse(await searchParams);
  const esito = query.success ? query.data.esito : undefined;
  const result = await listInvitations(getPrisma(), actor, query.success ? { pagina: query.data.pagina } : {}).catch(rethrowAsPage);
  const failed = esito === "non-revocabile";
  return (
    <>
      <h1>{t("invitations.admin.title")}</h1>
      <p className="lead">{t("invitations.admin.intro")}</p>
      <p><a href={localizedPath(locale, "/admin/utenti")}>{t("invitations.admin.usersLink")}</a></p>
      {esito && (
        <div className={`alert ${failed ? "alert-danger" : "alert-success"}`} role={failed ? "alert" : "status"}>
          {t(`invitations.outcomes.${esito}`)}
        </div>
      )}
      <div className="row"><div className="col-lg-7">
        <h2 className="h3">{t("invitations.admin.formTitle")}</h2>
        <InviteForm
          action={inviteStaffAction.bind(null, locale)}
          labels={{
            errorSummary: t("auth.errorSummary"),
            email: t("invitations.fields.email"),
            emailHint: t("invitations.fields.emailHint"),
            role: t("invitations.fields.role"),
            rolePlaceholder: t("invitations.fields.rolePlaceholder"),
            submit: t("invitations.admin.submit"),
          }}
          roles={staffRoles.map((role) => ({ value: role, label: t(`auth.roles.${role}`) }))}
        />
      </div></div>
      <h2 className="h3 mt-5">{t("invitations.admin.listTitle")}</h2>
      <InvitationsTable locale={locale} t={t} page={result} revoke={revokeInvitationAction.bind(null, locale)} />
    </>
  );
}
