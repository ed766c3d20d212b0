import { FormMessage } from "@/components/forms/fields";
import type { Metadata } from "next";
import { NewPasswordForm } from "@/components/auth/password-reset-forms";
import { mailedLinkSearchSchema } from "@/lib/auth/auth.schemas";
import { passwordResetTokenIsUsable } from "@/lib/auth/reset-password";
import { getPrisma } from "@/lib/db/client";
import { localizedPath } from "@/lib/web/localized-path";
import { pageContext } from "@/lib/web/page-context";
import { resetPasswordAction } from "../password-actions";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await pageContext(params);
  return { title: t("passwordReset.newTitle") };
}

/** The page a reset link lands on: the new-password form while the link is usable (viewing consumes nothing). */
export default async function NewPasswordPage({ params, searchParams }: Props) {
  const { locale, t } = await pageContext(params);
  const { token, esito } = mailedLinkSearchSchema.parse(await searchParams);
  const usable = Boolean(token && !esito && (await passwordResetTokenIsUsable(getPrisma(), token)));
  return (
    <div className="row"><div className="col-lg-6">
      <h1>{t("passwordReset.newTitle")}</h1>
      {usable && token ? (
        <>
          <p>{t("passwordReset.newIntro")}</p>
          <NewPasswordForm action={resetPasswordAction.bind(null, locale)} token={token} labels={{ password: t("passwordReset.newPassword"), passwordHint: t("auth.fields.passwordHint"), submit: t("passwordReset.newSubmit") }} />
        </>
      ) : (
        <>
          <FormMessage message={t("passwordReset.invalid")} kind="danger" />
          <p><a href={localizedPath(locale, "/accedi/password-dimenticata")}>{t("passwordReset.askAgain")}</a></p>
        </>
      )}
    </div></div>
  );
}
