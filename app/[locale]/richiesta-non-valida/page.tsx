import { ErrorNotice } from "@/components/layout/error-notice";
import { localizedPath } from "@/lib/web/localized-path";
import { pageContext } from "@/lib/web/page-context";

/** Shown with status 400 by the proxy when a page's address has malformed parameters. */
export default async function BadRequestPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, t } = await pageContext(params);
  return <ErrorNotice title={t("errors.badRequestTitle")} message={t("errors.badRequest")} homeHref={localizedPath(locale, "/")} homeLabel={t("errors.backHome")} />;
}
