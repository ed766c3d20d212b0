import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import { localizedPath } from "@/lib/web/localized-path";
import { Icon } from "./icon";

export function SiteFooter({ locale, t, organisation }: { locale: Locale; t: Translate; organisation: string }) {
  return (
    <footer className="it-footer" id="footer">
      <div className="it-footer-main">
        <div className="container">
          <div className="row">
            <div className="col-12">
              <div className="it-brand-wrapper">
                <a href={localizedPath(locale, "/")}>
                  <Icon name="it-pa" />
                  <div className="it-brand-text">
                    <p className="it-brand-title h2 mb-0">{t("common.siteName")}</p>
                    <p className="it-brand-tagline mb-0">{organisation}</p>
                  </div>
                </a>
              </div>
            </div>
          </div>
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
            <li className="list-inline-item">
              <a href={localizedPath(locale, "/dichiarazione-accessibilita")}>{t("footer.accessibilityStatement")}</a>
            </li>
            <li className="list-inline-item">
              <a href="/api/v1/openapi.json">{t("footer.openData")}</a>
            </li>
            <li className="list-inline-item">
              <span className="text-white">{t("footer.sourceCode")}</span>
            </li>
          </ul>
        </div>
      </div>
    </footer>
  );
}
