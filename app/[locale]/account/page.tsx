import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ProfileForm } from "@/components/auth/profile-form";
import { fieldLabels, profileLabels } from "@/components/auth/labels";
import { getOwnAccount } from "@/lib/auth/account";
import { getPrisma } from "@/lib/db/client";
import { currentActor } from "@/lib/web/auth";
import { localizedPath } from "@/lib/web/localized-path";
import { pageContext, rethrowAsPage } from "@/lib/web/page-context";
import { EraseAccountForm } from "@/components/privacy/erase-account-form";
import { endAllSessionsAction, signOutAction, updateProfileAction } from "../accedi/actions";
import { eraseAccountAction } from "./privacy-actions";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await pageContext(params);
  return { title: t("auth.account.title") };
}

export default async function AccountPage({ params }: Props) {
  const { locale, t } = await pageContext(params);
  const actor = await currentActor();
  if (!actor) redirect(localizedPath(locale, "/accedi"));
  const account = await getOwnAccount(getPrisma(), actor).catch(rethrowAsPage);
  const initial = {
    values: {
      // Someone new from the identity provider: their name from it, until they save a profile.
      displayName: account.profile?.displayName ?? actor.displayName ?? "",
      category: account.profile?.category ?? "",
      organisation: account.profile?.organisation ?? "",
      municipality: account.profile?.municipality ?? "",
      locale: account.locale,
    },
    errors: {},
  };
  return (
    <div className="row"><div className="col-lg-7">
      <h1>{t("auth.account.title")}</h1>
      <dl className="row">
        <dt className="col-sm-3">{t("auth.account.email")}</dt><dd className="col-sm-9">{account.email ?? t("sso.noEmail")}</dd>
        <dt className="col-sm-3">{t("auth.account.role")}</dt><dd className="col-sm-9">{t(`auth.roles.${account.role}`)}</dd>
      </dl>
      <p><a href={localizedPath(locale, "/account/contributi")}>{t("contributions.accountLink")}</a></p>
      <p><a href={localizedPath(locale, "/account/notifiche")}>{t("notifications.accountLink")}</a></p>
      <h2 className="h3 mt-4">{t("auth.account.profile")}</h2>
      {!account.profile && <div className="alert alert-info" role="status">{t("sso.completeProfile")}</div>}
      <ProfileForm action={updateProfileAction.bind(null, locale)} labels={{ ...fieldLabels(t), save: t("auth.account.save"), saved: t("auth.account.saved") }} profileLabels={profileLabels(t)} initial={initial} />
      <h2 className="h3 mt-5">{t("auth.account.sessions")}</h2>
      <p>{t("auth.account.activeSessions", { count: account.activeSessions })}</p>
      <form action={signOutAction.bind(null, locale)} className="d-inline-block me-3 mb-3">
        <button type="submit" className="btn btn-outline-primary">{t("auth.account.signOut")}</button>
      </form>
      <form action={endAllSessionsAction.bind(null, locale)} className="d-inline-block mb-3">
        <button type="submit" className="btn btn-outline-danger" aria-describedby="end-all-hint">{t("auth.account.endAll")}</button>
      </form>
      <p id="end-all-hint" className="small">{t("auth.account.endAllHint")}</p>
      <h2 className="h3 mt-5">{t("privacy.export.title")}</h2>
      <p>{t("privacy.export.intro")}</p>
      {/* A plain link: the browser downloads with the session cookie, no JavaScript needed. */}
      <p><a href="/api/v1/me/export" className="btn btn-outline-primary" download>{t("privacy.export.download")}</a></p>
      <section aria-labelledby="erase-title" className="mt-5 mb-5">
        <h2 id="erase-title" className="h3">{t("privacy.erase.title")}</h2>
        <div className="alert alert-warning">
          <p className="fw-bold">{t("privacy.erase.warning")}</p>
          <ul className="mb-0">
            <li>{t("privacy.erase.removed")}</li>
            <li>{t("privacy.erase.kept")}</li>
            <li>{t("privacy.erase.sessions")}</li>
          </ul>
        </div>
        <EraseAccountForm
          action={eraseAccountAction.bind(null, locale)}
          labels={{
            errorSummary: t("auth.errorSummary"),
            confirmation: t("privacy.erase.confirmationLabel"),
            confirmationHint: account.email ? t("privacy.erase.confirmationHint", { email: account.email }) : t("privacy.erase.confirmationHintWord"),
            submit: t("privacy.erase.submit"),
          }}
        />
      </section>
    </div></div>
  );
}
