import type { Metadata } from "next";
import { NoticePage } from "@/components/auth/mailed-link-form";
import { pageContext } from "@/lib/web/page-context";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await pageContext(params);
  return { title: t("privacy.erased.title") };
}

/** Where the erasure lands: the session is already gone, so this page shows nobody's data. */
export default async function AccountErasedPage({ params }: Props) {
  const { t } = await pageContext(params);
  return <NoticePage title={t("privacy.erased.title")} body={t("privacy.erased.body")} />;
}
