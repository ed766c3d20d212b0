import type { ReactNode } from "react";
import { Breadcrumb } from "@/components/layout/breadcrumb";
import type { Translate } from "@/lib/i18n/translate";

type Crumb = { label: string; href?: string };

/**
 * The layout of the facilitators' form pages (new/edit round, new/edit meeting): the trail ending
 * with the page's title, the title, the content, and the link back.
 */
export function ManagerFormPage({ t, trail, title, back, children }: { t: Translate; trail: Crumb[]; title: string; back?: { href: string; label: string }; children: ReactNode }) {
  return (
    <>
      <Breadcrumb t={t} items={[...trail, { label: title }]} />
      <div className="row"><div className="col-lg-8">
        <h1>{title}</h1>
        {children}
        {back ? <p className="mt-4"><a href={back.href}>{back.label}</a></p> : null}
      </div></div>
    </>
  );
}
