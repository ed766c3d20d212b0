/**
 * The mails Consulta sends, in Italian and English. Every string lives in messages/<locale>.json
 * under "mail"; parameters are typed per template and escaped in the HTML part.
 */
import type { Role } from "@/lib/db/generated/enums";
import { formatDate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { createTranslator, type Translate } from "@/lib/i18n/translate";

import { renderLayout, type MailContent, type RenderedMail } from "./mail-layout";

export type { RenderedMail } from "./mail-layout";

export type StaffRole = Exclude<Role, "STAKEHOLDER">;

export interface MailTemplateParams {
  "sign-in-link": { url: string; expiresInMinutes: number };
  "email-confirmation": { url: string; expiresInHours: number };
  "staff-invitation": { url: string; role: StaffRole; invitedBy: string; expiresInDays: number };
  "password-reset": { url: string; expiresInMinutes: number };
  "account-erased": { erasedAt: Date };
}

export type MailTemplateName = keyof MailTemplateParams;

type Build<T extends MailTemplateName> = (t: Translate, params: MailTemplateParams[T], locale: Locale) => Omit<MailContent, "greeting" | "footer">;

const link = (t: Translate, label: string, url: string) => ({ label, url, fallback: t("mail.common.linkFallback") });

const templates: { [T in MailTemplateName]: Build<T> } = {
  "sign-in-link": (t, { url, expiresInMinutes }) => ({
    subject: t("mail.signInLink.subject"),
    before: [t("mail.signInLink.intro")],
    action: link(t, t("mail.signInLink.action"), url),
    after: [t("mail.signInLink.expiry", { minutes: expiresInMinutes }), t("mail.signInLink.ignore")],
  }),
  "email-confirmation": (t, { url, expiresInHours }) => ({
    subject: t("mail.emailConfirmation.subject"),
    before: [t("mail.emailConfirmation.intro")],
    action: link(t, t("mail.emailConfirmation.action"), url),
    after: [t("mail.emailConfirmation.expiry", { hours: expiresInHours }), t("mail.emailConfirmation.ignore")],
  }),
  "staff-invitation": (t, { url, role, invitedBy, expiresInDays }) => {
    const roleLabel = t(`mail.staffInvitation.roles.${role}`);
    return {
      subject: t("mail.staffInvitation.subject", { role: roleLabel }),
      before: [t("mail.staffInvitation.intro", { role: roleLabel, invitedBy })],
      action: link(t, t("mail.staffInvitation.action"), url),
      after: [t("mail.staffInvitation.expiry", { days: expiresInDays }), t("mail.staffInvitation.ignore")],
    };
  },
  "password-reset": (t, { url, expiresInMinutes }) => ({
    subject: t("mail.passwordReset.subject"),
    before: [t("mail.passwordReset.intro")],
    action: link(t, t("mail.passwordReset.action"), url),
    after: [t("mail.passwordReset.expiry", { minutes: expiresInMinutes }), t("mail.passwordReset.ignore")],
  }),
  "account-erased": (t, { erasedAt }, locale) => ({
    subject: t("mail.accountErased.subject"),
    before: [t("mail.accountErased.intro", { date: formatDate(erasedAt, locale) })],
    after: [t("mail.accountErased.details"), t("mail.accountErased.contact")],
  }),
};

export const mailTemplateNames = Object.keys(templates) as MailTemplateName[];

export function renderMail<T extends MailTemplateName>(template: T, locale: Locale, params: MailTemplateParams[T]): RenderedMail {
  const t = createTranslator(locale);
  const build = templates[template] as Build<T>;
  return renderLayout(locale, {
    greeting: t("mail.common.greeting"),
    footer: t("mail.common.footer"),
    ...build(t, params, locale),
  });
}
