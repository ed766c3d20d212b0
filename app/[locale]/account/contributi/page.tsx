import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Breadcrumb } from "@/components/layout/breadcrumb";
import { OwnContributionsList } from "@/components/proposals/own-contributions";
import { getPrisma } from "@/lib/db/client";
import { listOwnContributions } from "@/lib/participation/list-own-contributions";
import { currentActor } from "@/lib/web/auth";
import { localizedPath } from "@/lib/web/localized-path";
import { pageContext, rethrowAsPage } from "@/lib/web/page-context";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await pageContext(params);
  return { title: t("contributions.title") };
}

/** The signed-in person's own contributions (personal: rendered per request, never cached, like /account). */
export default async function OwnContributionsPage({ params, searchParams }: Props) {
  const { locale, t } = await pageContext(params);
  const actor = await currentActor();
  if (!actor) redirect(localizedPath(locale, "/accedi"));
  const data = await listOwnContributions(getPrisma(), actor, await searchParams).catch(rethrowAsPage);
  return (
    <>
      <Breadcrumb t={t} items={[{ label: t("common.home"), href: localizedPath(locale, "/") }, { label: t("auth.account.title"), href: localizedPath(locale, "/account") }, { label: t("contributions.title") }]} />
      <h1>{t("contributions.title")}</h1>
      <p className="lead">{t("contributions.intro")}</p>
      <OwnContributionsList data={data} locale={locale} t={t} />
    </>
  );
}
