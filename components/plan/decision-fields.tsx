import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import { formatEuroCents } from "@/lib/i18n/format";
import type { DecisionFields } from "@/lib/plan/plan-read";
import { timingText } from "@/lib/plan/timing-text";

/** The four questions a measure puts to the decision-makers, with "to be decided" for empty ones. */
export function DecisionFieldList({
  fields,
  locale,
  t,
  layout = "grid",
}: {
  fields: DecisionFields;
  locale: Locale;
  t: Translate;
  /** "grid": four columns on wide screens; "stacked": one field per line (table cells). */
  layout?: "grid" | "stacked";
}) {
  const rows: Array<[string, string | null]> = [
    [t("plan.fields.timing"), timingText(fields, locale, t)],
    [t("plan.fields.budget"), fields.budgetCents === null ? null : formatEuroCents(fields.budgetCents, locale)],
    [t("plan.fields.fundingSource"), fields.fundingSource],
    [t("plan.fields.department"), fields.department],
  ];
  return (
    <dl className={`consulta-decision-fields row mb-0${layout === "stacked" ? " consulta-decision-fields-stacked" : ""}`}>
      {rows.map(([label, value]) => (
        <div key={label} className={layout === "stacked" ? "col-12" : "col-12 col-md-6 col-xl-3"}>
          <dt>{label}</dt>
          <dd>{value ?? <span className="consulta-undecided">{t("common.toBeDecided")}</span>}</dd>
        </div>
      ))}
    </dl>
  );
}
