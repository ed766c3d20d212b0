import type { Metadata } from "next";
import { Breadcrumb } from "@/components/layout/breadcrumb";
import { isLocale } from "@/lib/i18n/locales";
import { createTranslator } from "@/lib/i18n/translate";
import { localizedPath } from "@/lib/web/localized-path";
import { pageContext } from "@/lib/web/page-context";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: createTranslator(isLocale(locale) ? locale : "it")("accessibility.title") };
}

export default async function AccessibilityStatementPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, t } = await pageContext(params);
  return (
    <>
      <Breadcrumb t={t} items={[{ label: t("common.home"), href: localizedPath(locale, "/") }, { label: t("accessibility.title") }]} />
      <h1>{t("accessibility.title")}</h1>
      <p className="lead">{t("accessibility.intro")}</p>
      <h2>{t("accessibility.statusHeading")}</h2>
      <p>{t("accessibility.status")}</p>
      <h2>{t("accessibility.methodHeading")}</h2>
      <p>{t("accessibility.method")}</p>
      <h2>{t("accessibility.feedbackHeading")}</h2>
      <p>{t("accessibility.feedback")}</p>
    </>
  );
}
