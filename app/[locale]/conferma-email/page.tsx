import type { Metadata } from "next";
import { MailedLinkForm } from "@/components/auth/mailed-link-form";
import { mailedLinkSearchSchema } from "@/lib/auth/auth.schemas";
import { pageContext } from "@/lib/web/page-context";
import { confirmEmailAction } from "../accedi/actions";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await pageContext(params);
  return { title: t("auth.confirm.title") };
}

export default async function ConfirmEmailPage({ params, searchParams }: Props) {
  const { locale, t } = await pageContext(params);
  const { token, esito } = mailedLinkSearchSchema.parse(await searchParams);
  return (
    <MailedLinkForm
      t={t}
      keys={{ title: "auth.confirm.title", intro: "auth.confirm.intro", submit: "auth.confirm.submit", invalid: "auth.confirm.invalid" }}
      token={esito ? undefined : token}
      action={confirmEmailAction.bind(null, locale)}
    />
  );
}
