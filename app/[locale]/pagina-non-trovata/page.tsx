import { ErrorNotice } from "@/components/layout/error-notice";
import { localizedPath } from "@/lib/web/localized-path";
import { pageContext } from "@/lib/web/page-context";

/** Shown with status 404 by the proxy for addresses that name nothing. */
export default async function NotFoundPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, t } = await pageContext(params);
  return <ErrorNotice title={t("errors.notFoundTitle")} message={t("errors.notFound")} homeHref={localizedPath(locale, "/")} homeLabel={t("errors.backHome")} />;
}
