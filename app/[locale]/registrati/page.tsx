import type { Metadata } from "next";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { fieldLabels, profileLabels } from "@/components/auth/labels";
import { localizedPath } from "@/lib/web/localized-path";
import { pageContext } from "@/lib/web/page-context";
import { signUpAction } from "../accedi/actions";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await pageContext(params);
  return { title: t("auth.signUp.title") };
}

export default async function SignUpPage({ params }: Props) {
  const { locale, t } = await pageContext(params);
  return (
    <div className="row"><div className="col-lg-7">
      <h1>{t("auth.signUp.title")}</h1>
      <p>{t("auth.signUp.intro")}</p>
      <SignUpForm action={signUpAction.bind(null, locale)} labels={{ ...fieldLabels(t), submit: t("auth.signUp.submit") }} profileLabels={profileLabels(t)} initial={{ values: { locale }, errors: {} }} />
      <p className="mt-4">{t("auth.signUp.haveAccount")} <a href={localizedPath(locale, "/accedi")}>{t("auth.signUp.signInLink")}</a></p>
    </div></div>
  );
}
