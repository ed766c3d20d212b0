import type { Metadata } from "next";
import { SignInForm } from "@/components/auth/sign-in-form";
import { FormMessage } from "@/components/auth/form-fields";
import { fieldLabels } from "@/components/auth/labels";
import { localizedPath } from "@/lib/web/localized-path";
import { pageContext } from "@/lib/web/page-context";
import { SignInLinkForm } from "@/components/auth/sign-in-link-form";
import { requestSignInLinkAction, signInAction } from "./actions";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ esito?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await pageContext(params);
  return { title: t("auth.signIn.title") };
}

const outcomes: Record<string, string> = { confermato: "auth.signIn.confirmed", uscito: "auth.signIn.signedOut" };

export default async function SignInPage({ params, searchParams }: Props) {
  const { locale, t } = await pageContext(params);
  const outcome = outcomes[(await searchParams).esito ?? ""];
  return (
    <div className="row"><div className="col-lg-6">
      <h1>{t("auth.signIn.title")}</h1>
      <p>{t("auth.signIn.intro")}</p>
      <FormMessage message={outcome ? t(outcome) : undefined} kind="success" />
      <SignInForm action={signInAction.bind(null, locale)} labels={{ ...fieldLabels(t), submit: t("auth.signIn.submit") }} />
      <h2 className="h3 mt-5">{t("auth.link.title")}</h2>
      <p>{t("auth.link.intro")}</p>
      <SignInLinkForm action={requestSignInLinkAction.bind(null, locale)} labels={{ emailLabel: t("auth.link.emailLabel"), submit: t("auth.link.submit") }} />
      <p className="mt-4">{t("auth.signIn.noAccount")} <a href={localizedPath(locale, "/registrati")}>{t("auth.signIn.signUpLink")}</a></p>
    </div></div>
  );
}
