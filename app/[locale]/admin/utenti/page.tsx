import type { Metadata } from "next";
import { UsersTable } from "@/components/admin/users-table";
import { usersQuerySchema } from "@/lib/accounts/accounts.schemas";
import { listUsers } from "@/lib/accounts/list-users";
import { getPrisma } from "@/lib/db/client";
import { localizedPath } from "@/lib/web/localized-path";
import { pageContext, rethrowAsPage } from "@/lib/web/page-context";
import { adminActorOrForbidden } from "../admin-actor";
import { changeRoleAction, endSessionsAction, setDisabledAction } from "./actions";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await pageContext(params);
  return { title: t("admin.users.title") };
}

export default async function AdminUsersPage({ params, searchParams }: Props) {
  const { locale, t } = await pageContext(params);
  const actor = await adminActorOrForbidden(locale);
  // proxy.ts already answered a malformed query with the 400 page; this parse only reads it.
  const query = usersQuerySchema.safeParse(await searchParams);
  const esito = query.success ? query.data.esito : undefined;
  const result = await listUsers(getPrisma(), actor, query.success ? { q: query.data.q, pagina: query.data.pagina } : {}).catch(rethrowAsPage);
  const failed = esito === "ultimo-amministratore" || esito === "proprio-account" || esito === "non-trovato";
  return (
    <>
      <h1>{t("admin.users.title")}</h1>
      <p className="lead">{t("admin.users.intro")}</p>
      <p><a href={localizedPath(locale, "/admin/inviti")}>{t("admin.users.invitationsLink")}</a></p>
      {esito && (
        <div className={`alert ${failed ? "alert-danger" : "alert-success"}`} role={failed ? "alert" : "status"}>
          {t(`admin.outcomes.${esito}`)}
        </div>
      )}
      <form method="get" action={localizedPath(locale, "/admin/utenti")} role="search" className="row g-2 align-items-end mb-4">
        <div className="col-sm-8 col-lg-6">
          <label htmlFor="q" className="form-label">{t("admin.users.searchLabel")}</label>
          <input id="q" name="q" type="search" className="form-control" defaultValue={result.q} maxLength={200} />
        </div>
        <div className="col-auto">
          <button type="submit" className="btn btn-primary">{t("admin.users.searchSubmit")}</button>
          {result.q && <a className="btn btn-link" href={localizedPath(locale, "/admin/utenti")}>{t("admin.users.searchReset")}</a>}
        </div>
      </form>
      <UsersTable
        locale={locale}
        t={t}
        page={result}
        actorId={actor.userId}
        actions={{ changeRole: changeRoleAction.bind(null, locale), endSessions: endSessionsAction.bind(null, locale), setDisabled: setDisabledAction.bind(null, locale) }}
      />
    </>
  );
}
