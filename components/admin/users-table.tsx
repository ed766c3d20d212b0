import { ListTable } from "@/components/layout/list-table";
import { Pager } from "@/components/layout/pager";
import type { UsersPage } from "@/lib/accounts/list-users";
import { Role } from "@/lib/db/generated/enums";
import { formatDate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import { localizedPath } from "@/lib/web/localized-path";

type FormAction = (data: FormData) => Promise<void>;

/**
 * The admin users table: one row per user, each with plain forms (they work without JavaScript).
 * Every button also names its user for screen readers, since a row's buttons all read alike otherwise.
 */
export function UsersTable({ locale, t, page, actorId, actions }: {
  locale: Locale;
  t: Translate;
  page: UsersPage;
  actorId: string;
  actions: { changeRole: FormAction; endSessions: FormAction; setDisabled: FormAction };
}) {
  const listPath = localizedPath(locale, "/admin/utenti");
  const pageHref = (target: number) => `${listPath}?${new URLSearchParams({ ...(page.q ? { q: page.q } : {}), pagina: String(target) })}`;
  const keep = (
    <>
      <input type="hidden" name="q" value={page.q} />
      <input type="hidden" name="pagina" value={page.page} />
    </>
  );
  return (
    <>
      <p role="status">{t("admin.users.results", { count: page.total, page: page.page, pageCount: page.pageCount })}</p>
      <ListTable
        caption={t("admin.users.caption", { page: page.page, pageCount: page.pageCount })}
        columns={(["name", "email", "role", "category", "confirmed", "lastSignIn", "status", "actions"] as const).map((column) => t(`admin.users.columns.${column}`))}
        none={t("admin.users.none")}
        rows={page.users.map((user) => {
          const name = user.displayName ?? user.email ?? t("admin.users.noName");
          const self = user.id === actorId;
          const selectId = `role-${user.id}`;
          // Visible text first, then the name (WCAG 2.5.3: the accessible name contains the visible label).
          const forUser = <span className="visually-hidden"> ({name})</span>;
          return (
            <tr key={user.id}>
              <th scope="row">{name} {self && <span className="text-muted">{t("admin.users.you")}</span>}</th>
              <td className="text-break">{user.email}</td>
              <td>{t(`auth.roles.${user.role}`)}</td>
              <td>{user.category ? t(`auth.categories.${user.category}`) : t("admin.users.noCategory")}</td>
              <td>{user.confirmed ? t("admin.users.yes") : t("admin.users.no")}</td>
              <td>{user.lastSignInAt ? formatDate(user.lastSignInAt, locale) : t("admin.users.never")}</td>
              <td>{t(`admin.users.status.${user.status}`)}</td>
              <td>
                {!self && user.status !== "erased" && (
                  <div className="d-flex flex-wrap gap-2 align-items-center">
                    <form action={actions.changeRole} className="d-flex gap-1 align-items-center">
                      {keep}
                      <input type="hidden" name="userId" value={user.id} />
                      <label htmlFor={selectId} className="visually-hidden">{t("admin.users.roleFor", { name })}</label>
                      <select id={selectId} name="role" defaultValue={user.role} className="form-select form-select-sm w-auto">
                        {Object.values(Role).map((role) => <option key={role} value={role}>{t(`auth.roles.${role}`)}</option>)}
                      </select>
                      <button type="submit" className="btn btn-sm btn-primary">{t("admin.users.changeRole")}{forUser}</button>
                    </form>
                    <form action={actions.endSessions}>
                      {keep}
                      <input type="hidden" name="userId" value={user.id} />
                      <button type="submit" className="btn btn-sm btn-outline-primary">{t("admin.users.endSessions")}{forUser}</button>
                    </form>
                    <form action={actions.setDisabled}>
                      {keep}
                      <input type="hidden" name="userId" value={user.id} />
                      <input type="hidden" name="disabled" value={user.status === "disabled" ? "false" : "true"} />
                      {user.status === "disabled" ? (
                        <button type="submit" className="btn btn-sm btn-outline-success">{t("admin.users.enable")}{forUser}</button>
                      ) : (
                        <button type="submit" className="btn btn-sm btn-outline-danger">{t("admin.users.disable")}{forUser}</button>
                      )}
                    </form>
                  </div>
                )}
              </td>
            </tr>
          );
        })}
      />
      <Pager label={t("admin.users.pagination")} paged={page} href={pageHref} previous={t("admin.users.previous")} next={t("admin.users.next")} />
    </>
  );
}
