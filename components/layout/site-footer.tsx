import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import { localizedPath } from "@/lib/web/localized-path";
import { Brand, ContainerRow } from "./brand";

export function SiteFooter({ locale, t, organisation }: { locale: Locale; t: Translate; organisation: string }) {
  const links = [
    { href: localizedPath(locale, "/dichiarazione-accessibilita"), label: t("footer.accessibilityStatement") },
    { href: localizedPath(locale, "/dati-aperti"), label: t("footer.openData") },
  ];
  return (
    <footer className="it-footer" id="footer">
      <div className="it-footer-main">
        <ContainerRow>
          <Brand href={localizedPath(locale, "/")} title={t("common.siteName")} tagline={organisation} />
        </ContainerRow>
        <div className="container">
          <div className="row py-4 border-white border-top">
            <div className="col-lg-8">
              <p>{t("footer.about")}</p>
              <p className="mb-0">{t("footer.contents")}</p>
            </div>
          </div>
        </div>
      </div>
      <div className="it-footer-small-prints clearfix">
        <div className="container">
          <ul className="it-footer-small-prints-list list-inline mb-0 d-flex flex-column flex-md-row">
            {links.map((link) => (
              <li key={link.href} className="list-inline-item">
                <a href={link.href}>{link.label}</a>
              </li>
            ))}
            <li className="list-inline-item">
              <span className="text-white">{t("footer.sourceCode")}</span>
            </li>
          </ul>
        </div>
      </div>
    </footer>
  );
}
