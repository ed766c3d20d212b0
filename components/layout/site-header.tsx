import type { Locale } from "@/lib/i18n/locales";
import { locales } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import { localizedPath } from "@/lib/web/localized-path";
import { AccountLink } from "@/components/auth/account-link";
import { AdminLink } from "@/components/admin/admin-link";
import { DecisionsNavLink } from "@/components/decisions/decisions-link";
import { ModerationLink } from "@/components/moderation/moderation-link";
import { Brand, ContainerRow } from "./brand";

type NavItem = { href: string; label: string; active: boolean };

export function SiteHeader({
  locale,
  t,
  path,
  organisation,
  navItems,
}: {
  locale: Locale;
  t: Translate;
  path: string;
  organisation: string;
  navItems: NavItem[];
}) {
  // Consultation rounds come right after the plans.
  const pathname = path.split("?")[0] ?? "/";
  const roundsItem: NavItem = { href: localizedPath(locale, "/consultazioni"), label: t("rounds.nav"), active: pathname === "/consultazioni" || pathname.startsWith("/consultazioni/") };
  const plansIndex = navItems.findIndex((item) => item.href === localizedPath(locale, "/piani"));
  const items = [...navItems.slice(0, plansIndex + 1), roundsItem, ...navItems.slice(plansIndex + 1)];
  return (
    <header className="it-header-wrapper">
      <div className="it-header-slim-wrapper">
        <ContainerRow>
          <div className="it-header-slim-wrapper-content">
            <span className="navbar-brand d-none d-sm-inline">{organisation}</span>
            <nav className="it-header-slim-right-zone" aria-label={t("common.language")}>
              <ul className="list-inline mb-0 consulta-language-list">
                {locales.map((target) => (
                  <li key={target} className="list-inline-item">
                    {target === locale ? (
                      <span className="fw-bold text-white" aria-current="true" lang={target}>
                        {t(`common.languageName.${target}`)}
                      </span>
                    ) : (
                      <a className="text-white" href={localizedPath(target, path)} lang={target} hrefLang={target}>
                        {t(`common.languageName.${target}`)}
                      </a>
                    )}
                  </li>
                ))}
              </ul>
            </nav>
            <ModerationLink locale={locale} t={t} />
            <DecisionsNavLink locale={locale} t={t} />
            <AdminLink locale={locale} t={t} />
            <AccountLink locale={locale} t={t} />
          </div>
        </ContainerRow>
      </div>
      <div className="it-nav-wrapper">
        <div className="it-header-center-wrapper">
          <ContainerRow>
            <div className="it-header-center-content-wrapper">
              <Brand href={localizedPath(locale, "/")} title={t("common.siteName")} tagline={t("common.siteTagline")} taglineClassName="d-none d-md-block" />
            </div>
          </ContainerRow>
        </div>
        <div className="it-header-navbar-wrapper consulta-navbar">
          <ContainerRow>
            <nav className="navbar navbar-expand-lg" aria-label={t("common.mainNavigation")}>
              <ul className="navbar-nav">
                {items.map((item) => (
                  <li className="nav-item" key={item.href}>
                    <a className={`nav-link${item.active ? " active" : ""}`} href={item.href} aria-current={item.active ? "page" : undefined}>
                      <span>{item.label}</span>
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </ContainerRow>
        </div>
      </div>
    </header>
  );
}
