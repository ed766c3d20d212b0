import { ListTable } from "@/components/layout/list-table";
import { Pager } from "@/components/layout/pager";
import type { InvitationsPage } from "@/lib/accounts/list-invitations";
import { formatDate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import { localizedPath } from "@/lib/web/localized-path";

/** The invitations list: one row each, a plain revoke form on pending ones (works without JavaScript). */
export function InvitationsTable({ locale, t, page, revoke }: { locale: Locale; t: Translate; page: InvitationsPage; revoke: (data: FormData) => Promise<void> }) {
  const listPath = localizedPath(locale, "/admin/inviti");
  return (
    <>
      <p>{t("invitations.admin.results", { count: page.total, page: page.page, pageCount: page.pageCount })}</p>
      <ListTable
        caption={t("invitations.admin.caption", { page: page.page, pageCount: page.pageCount })}
        columns={(["email", "role", "status", "invitedBy", "createdAt", "expiresAt", "actions"] as const).map((column) => t(`invitations.admin.columns.${column}`))}
        none={t("invitations.admin.none")}
        rows={page.invitations.map((invitation) => (
          <tr key={invitation.id}>
            <th scope="row" className="text-break">{invitation.email}</th>
            <td>{t(`auth.roles.${invitation.role}`)}</td>
            <td>{t(`invitations.status.${invitation.status}`)}</td>
            <td>{invitation.invitedBy ?? t("invitations.admin.unknownInviter")}</td>
            <td>{formatDate(invitation.createdAt, locale)}</td>
            <td>{formatDate(invitation.expiresAt, locale)}</td>
            <td>
              {invitation.status === "pending" && (
                <form action={revoke}>
                  <input type="hidden" name="invitationId" value={invitation.id} />
                  <input type="hidden" name="pagina" value={page.page} />
                  <button type="submit" className="btn btn-sm btn-outline-danger">
                    {t("invitations.admin.revoke")}<span className="visually-hidden"> ({invitation.email})</span>
                  </button>
                </form>
              )}
            </td>
          </tr>
        ))}
      />
      <Pager
        label={t("invitations.admin.pagination")}
        paged={page}
        href={(target) => `${listPath}?pagina=${target}`}
        previous={t("admin.users.previous")}
        next={t("admin.users.next")}
      />
    </>
  );
}
