import type { Metadata } from "next";
import { MailedLinkForm } from "@/components/auth/mailed-link-form";
import { mailedLinkSearchSchema } from "@/lib/auth/auth.schemas";
import { pageContext } from "@/lib/web/page-context";
import { signInWithLinkAction } from "../actions";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await pageContext(params);
  return { title: t("auth.link.useTitle") };
}

export default async function SignInLinkPage({ params, searchParams }: Props) {
  const { locale, t } = await pageContext(params);
  const { token, esito } = mailedLinkSearchSchema.parse(await searchParams);
  return (
    <MailedLinkForm
      t={t}
      keys={{ title: "auth.link.useTitle", intro: "auth.link.useIntro", submit: "auth.link.useSubmit", invalid: "auth.link.invalid" }}
      token={esito ? undefined : token}
      action={signInWithLinkAction.bind(null, locale)}
    />
  );
}
