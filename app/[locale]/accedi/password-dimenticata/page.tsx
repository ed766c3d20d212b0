import type { Metadata } from "next";
import { NoticePage } from "@/components/auth/mailed-link-form";
import { ForgotPasswordForm } from "@/components/auth/password-reset-forms";
import { localizedPath } from "@/lib/web/localized-path";
import { pageContext } from "@/lib/web/page-context";
import { requestPasswordResetAction } from "../password-actions";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ esito?: string }> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { t } = await pageContext(params);
  return { title: t((await searchParams).esito === "inviata" ? "passwordReset.sentTitle" : "passwordReset.forgotTitle") };
}

/** Asks for the address; the answer ("check your email") is the same whether it has an account or not. */
export default async function ForgotPasswordPage({ params, searchParams }: Props) {
  const { locale, t } = await pageContext(params);
  if ((await searchParams).esito === "inviata") return <NoticePage title={t("passwordReset.sentTitle")} body={t("passwordReset.sent")} />;
  return (
    <div className="row"><div className="col-lg-6">
      <h1>{t("passwordReset.forgotTitle")}</h1>
      <p>{t("passwordReset.forgotIntro")}</p>
      <ForgotPasswordForm action={requestPasswordResetAction.bind(null, locale)} labels={{ email: t("auth.fields.email"), submit: t("passwordReset.forgotSubmit") }} />
      <p className="mt-4"><a href={localizedPath(locale, "/accedi")}>{t("passwordReset.backToSignIn")}</a></p>
    </div></div>
  );
}
