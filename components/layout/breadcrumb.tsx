import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import { localizedPath } from "@/lib/web/localized-path";

export type Crumb = { label: string; href?: string };

export function Breadcrumb({ t, items }: { t: Translate; items: Crumb[] }) {
  return (
    <nav className="breadcrumb-container" aria-label={t("common.breadcrumb")}>
      <ol className="breadcrumb p-0">
        {items.map((item, index) => {
          const last = index === items.length - 1;
          return (
            <li key={`${index}-${item.label}`} className={`breadcrumb-item${last ? " active" : ""}`} aria-current={last ? "page" : undefined}>
              {item.href && !last ? <a href={item.href}>{item.label}</a> : item.label}
              {!last ? <span className="separator">/</span> : null}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

/** The first steps of every plan page's trail: Home / Plans. */
export function plansTrail(locale: Locale, t: Translate): Crumb[] {
  return [
    { label: t("common.home"), href: localizedPath(locale, "/") },
    { label: t("plans.title"), href: localizedPath(locale, "/piani") },
  ];
}
