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
      {page.invitations.length === 0 ? (
        <p>{t("invitations.admin.none")}</p>
      ) : (
        <div className="table-responsive">
          <table className="table table-striped align-middle">
            <caption className="visually-hidden">{t("invitations.admin.caption", { page: page.page, pageCount: page.pageCount })}</caption>
            <thead>
              <tr>
                {(["email", "role", "status", "invitedBy", "createdAt", "expiresAt", "actions"] as const).map((column) => (
                  <th key={column} scope="col">{t(`invitations.admin.columns.${column}`)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {page.invitations.map((invitation) => (
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
            </tbody>
          </table>
        </div>
      )}
      {page.pageCount > 1 && (
        <nav aria-label={t("invitations.admin.pagination")}>
          <ul className="pagination">
            {page.page > 1 && <li className="page-item"><a className="page-link" href={`${listPath}?pagina=${page.page - 1}`}>{t("admin.users.previous")}</a></li>}
            {page.page < page.pageCount && <li className="page-item"><a className="page-link" href={`${listPath}?pagina=${page.page + 1}`}>{t("admin.users.next")}</a></li>}
          </ul>
        </nav>
      )}
    </>
  );
}
