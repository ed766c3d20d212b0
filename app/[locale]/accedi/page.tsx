import { FormMessage } from "@/components/forms/fields";
import type { Metadata } from "next";
import { SignInForm } from "@/components/auth/sign-in-form";
import { fieldLabels } from "@/components/auth/labels";
import { localizedPath } from "@/lib/web/localized-path";
import { pageContext } from "@/lib/web/page-context";
import { SignInLinkForm } from "@/components/auth/sign-in-link-form";
import { requestSignInLinkAction, signInAction, signInAndReturnAction } from "./actions";
import { safeReturnPath } from "@/lib/web/return-path";
import { startOidcSignInAction } from "./oidc-actions";
import { oidcConfig } from "@/lib/web/auth";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ esito?: string; errore?: string; ritorno?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await pageContext(params);
  return { title: t("auth.signIn.title") };
}

const outcomes: Record<string, string> = { confermato: "auth.signIn.confirmed", uscito: "auth.signIn.signedOut", "password-aggiornata": "passwordReset.updated" };

const ssoErrors: Record<string, string> = { sso: "sso.errors.failed", "sso-rifiutato": "sso.errors.refused" };

export default async function SignInPage({ params, searchParams }: Props) {
  const { locale, t } = await pageContext(params);
  const outcome = outcomes[(await searchParams).esito ?? ""];
  const ssoError = ssoErrors[(await searchParams).errore ?? ""];
  const oidc = oidcConfig();
  const returnTo = safeReturnPath((await searchParams).ritorno);
  return (
    <div className="row"><div className="col-lg-6">
      <h1>{t("auth.signIn.title")}</h1>
      <p>{t("auth.signIn.intro")}</p>
      <FormMessage message={outcome ? t(outcome) : undefined} kind="success" />
      <FormMessage message={ssoError ? t(ssoError) : undefined} kind="danger" />
      <SignInForm action={returnTo ? signInAndReturnAction.bind(null, locale, returnTo) : signInAction.bind(null, locale)} labels={{ ...fieldLabels(t), submit: t("auth.signIn.submit") }} />
      <p className="mt-3"><a href={localizedPath(locale, "/accedi/password-dimenticata")}>{t("passwordReset.forgotLink")}</a></p>
      <h2 className="h3 mt-5">{t("auth.link.title")}</h2>
      <p>{t("auth.link.intro")}</p>
      <SignInLinkForm action={requestSignInLinkAction.bind(null, locale)} labels={{ emailLabel: t("auth.link.emailLabel"), submit: t("auth.link.submit") }} />
      {oidc && (
        <section aria-labelledby="sso-title" className="mt-5">
          <h2 id="sso-title" className="h3">{t("sso.title")}</h2>
          <p>{t("sso.intro")}</p>
          <form action={startOidcSignInAction.bind(null, locale)}>
            <button type="submit" className="btn btn-primary">{t("sso.signInWith", { name: oidc.name ?? t("sso.defaultName") })}</button>
          </form>
        </section>
      )}
      <p className="mt-4">{t("auth.signIn.noAccount")} <a href={localizedPath(locale, "/registrati")}>{t("auth.signIn.signUpLink")}</a></p>
    </div></div>
  );
}
