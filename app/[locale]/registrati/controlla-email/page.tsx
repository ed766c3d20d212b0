import type { Metadata } from "next";
import { NoticePage } from "@/components/auth/mailed-link-form";
import { pageContext } from "@/lib/web/page-context";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await pageContext(params);
  return { title: t("auth.checkEmail.title") };
}

export default async function CheckEmailPage({ params }: Props) {
  const { t } = await pageContext(params);
  return <NoticePage title={t("auth.checkEmail.title")} body={t("auth.checkEmail.bodyGeneric")} />;
}
