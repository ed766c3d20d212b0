import "bootstrap-italia/dist/css/bootstrap-italia.min.css";
import "../globals.css";
import type { Metadata } from "next";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { isLocale } from "@/lib/i18n/locales";
import { createTranslator } from "@/lib/i18n/translate";
import { localizedPath } from "@/lib/web/localized-path";
import { currentPath, pageContext } from "@/lib/web/page-context";
import { organisationName } from "@/lib/web/site";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = createTranslator(isLocale(locale) ? locale : "it");
  return {
    title: { default: t("common.siteName"), template: `%s · ${t("common.siteName")}` },
    description: t("common.siteTagline"),
    icons: { icon: "/favicon.svg" },
  };
}

export default async function LocaleLayout({ children, params }: { children: React.ReactNode; params: Promise<{ locale: string }> }) {
  const { locale, t } = await pageContext(params);
  const path = await currentPath();
  const pathname = path.split("?")[0] ?? "/";
  const navItems = [
    { href: localizedPath(locale, "/"), label: t("common.home"), active: pathname === "/" },
    { href: localizedPath(locale, "/piani"), label: t("nav.plans"), active: pathname.startsWith("/piani") && !pathname.endsWith("/revisioni") },
    { href: localizedPath(locale, "/dichiarazione-accessibilita"), label: t("nav.accessibility"), active: pathname === "/dichiarazione-accessibilita" },
  ];
  return (
    <html lang={locale}>
      <body>
        <div className="skiplinks">
          <a className="visually-hidden-focusable" href="#main">{t("common.skipToContent")}</a>
          <a className="visually-hidden-focusable" href="#footer">{t("common.skipToFooter")}</a>
        </div>
        <SiteHeader locale={locale} t={t} path={path} organisation={organisationName()} navItems={navItems} />
        <main id="main" className="container my-5" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter locale={locale} t={t} organisation={organisationName()} />
      </body>
    </html>
  );
}
