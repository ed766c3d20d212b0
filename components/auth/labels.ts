import { stakeholderCategories } from "@/lib/auth/auth.schemas";
import { locales } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import type { ProfileLabels } from "./profile-fields";

/** Translated labels for the client-side forms (functions cannot cross to the client). */
export function profileLabels(t: Translate): ProfileLabels {
  return {
    displayName: t("auth.fields.displayName"),
    displayNameHint: t("auth.fields.displayNameHint"),
    category: t("auth.fields.category"),
    categoryPlaceholder: t("auth.fields.categoryPlaceholder"),
    organisation: t("auth.fields.organisation"),
    municipality: t("auth.fields.municipality"),
    locale: t("auth.fields.locale"),
    categories: stakeholderCategories.map((value) => ({ value, label: t(`auth.categories.${value}`) })),
    locales: locales.map((value) => ({ value, label: t(`common.languageName.${value}`) })),
  };
}

export function fieldLabels(t: Translate): Record<string, string> {
  return {
    errorSummary: t("auth.errorSummary"),
    email: t("auth.fields.email"),
    password: t("auth.fields.password"),
    passwordHint: t("auth.fields.passwordHint"),
    displayName: t("auth.fields.displayName"),
    category: t("auth.fields.category"),
    organisation: t("auth.fields.organisation"),
    municipality: t("auth.fields.municipality"),
    locale: t("auth.fields.locale"),
  };
}
