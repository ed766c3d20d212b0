import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import { formatEuroCents } from "@/lib/i18n/format";

/** The decision values a proposal puts forward; fields it leaves alone are marked so. */
export function ProposedDecisionValues({ values, locale, t }: {
  values: { proposedTiming: string | null; proposedBudgetCents: number | null; proposedFundingSource: string | null; proposedDepartment: string | null };
  locale: Locale;
  t: Translate;
}) {
  const rows: Array<[string, string | null]> = [
    [t("plan.fields.timing"), values.proposedTiming],
    [t("plan.fields.budget"), values.proposedBudgetCents === null ? null : formatEuroCents(values.proposedBudgetCents, locale)],
    [t("plan.fields.fundingSource"), values.proposedFundingSource],
    [t("plan.fields.department"), values.proposedDepartment],
  ];
  return (
    <dl className="consulta-decision-fields row mb-0">
      {rows.map(([label, value]) => (
        <div key={label} className="col-12 col-md-6 col-xl-3">
          <dt>{label}</dt>
          <dd>{value === null ? <span className="consulta-undecided">{t("proposals.noValueProposed")}</span> : <span className="consulta-user-text" dir="auto">{value}</span>}</dd>
        </div>
      ))}
    </dl>
  );
}
