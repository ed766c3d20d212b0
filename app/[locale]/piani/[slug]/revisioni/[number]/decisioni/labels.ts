import { formatDate, formatEuroBigCents } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import type { DecisionValues } from "@/lib/decisions/decisions.schemas";
import type { DecisionOptionLists } from "@/lib/decisions/list-decision-options";
import { choiceFor } from "@/components/decisions/choice";

/** Labels and values shared by the decisions pages. */

const calendarDate = (iso: string, locale: Locale) => formatDate(new Date(`${iso}T12:00:00.000Z`), locale);

/** A value of a decision as the pages write it (dates in the locale, the budget in euro). */
export function decisionValueText(field: keyof DecisionValues, value: DecisionValues[keyof DecisionValues], locale: Locale, t: Translate): string {
  if (value === null || value === "") return t("decisions.measure.empty");
  if (field === "budgetCents") return formatEuroBigCents(value as bigint, locale);
  if (field === "startsOn" || field === "endsOn") return calendarDate(value as string, locale);
  return String(value);
}

/** The four questions' current answers, one line each ("Budget: 125.000,00 €"); "to be decided" for empty ones. */
export function decisionLines(fields: DecisionValues, locale: Locale, t: Translate): string[] {
  const period = [fields.startsOn ? calendarDate(fields.startsOn, locale) : null, fields.endsOn ? calendarDate(fields.endsOn, locale) : null].filter(Boolean).join(" – ");
  const timing = [fields.timing, period ? `(${period})` : null].filter(Boolean).join(" ");
  return [
    `${t("plan.fields.timing")}: ${timing || t("common.toBeDecided")}`,
    `${t("plan.fields.budget")}: ${fields.budgetCents === null ? t("common.toBeDecided") : formatEuroBigCents(fields.budgetCents, locale)}`,
    `${t("plan.fields.fundingSource")}: ${fields.fundingSource ?? t("common.toBeDecided")}`,
    `${t("plan.fields.department")}: ${fields.department ?? t("common.toBeDecided")}`,
  ];
}

/** The select options of both lists (active entries; a stored archived label stays selectable). */
export function listChoices(options: DecisionOptionLists, t: Translate, current: { fundingSource: string | null; department: string | null } = { fundingSource: null, department: null }) {
  const archived = (label: string) => t("decisions.form.archived", { label });
  return { fundingSource: choiceFor(current.fundingSource, options.FUNDING_SOURCE, archived), department: choiceFor(current.department, options.DEPARTMENT, archived) };
}

/** The budget as the form shows it: Italian digits with a decimal comma, no grouping ("125000,50"). */
export function budgetInput(cents: bigint | null): string {
  if (cents === null) return "";
  return `${cents / 100n},${String(cents % 100n).padStart(2, "0")}`;
}
