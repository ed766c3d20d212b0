import { localizedPath } from "@/lib/web/localized-path";
import { pageContext } from "@/lib/web/page-context";

/** Shown with status 400 by the proxy when a page's address has malformed parameters. */
export default async function BadRequestPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, t } = await pageContext(params);
  return (
    <>
      <h1>{t("errors.badRequestTitle")}</h1>
      <p className="lead">{t("errors.badRequest")}</p>
      <p>
        <a className="btn btn-primary" href={localizedPath(locale, "/")}>
          {t("errors.backHome")}
        </a>
      </p>
    </>
  );
}
