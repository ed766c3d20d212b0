import type { Metadata } from "next";
import { NoticePage } from "@/components/auth/mailed-link-form";
import { pageContext } from "@/lib/web/page-context";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await pageContext(params);
  return { title: t("auth.link.sentTitle") };
}

export default async function SignInLinkSentPage({ params }: Props) {
  const { t } = await pageContext(params);
  return <NoticePage title={t("auth.link.sentTitle")} body={t("auth.link.sent")} />;
}
