/**
 * The mails Consulta sends, in Italian and English. Every string lives in messages/<locale>.json
 * under "mail"; parameters are typed per template and escaped in the HTML part.
 */
import type { Role } from "@/lib/db/generated/enums";
import { formatDate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { createTranslator, type Translate } from "@/lib/i18n/translate";
import type { NotificationItem } from "@/lib/notifications/notify";
import { localizedPath } from "@/lib/web/localized-path";

import { renderLayout, type MailContent, type RenderedMail } from "./mail-layout";

export type { RenderedMail } from "./mail-layout";

export type StaffRole = Exclude<Role, "STAKEHOLDER">;

export interface MailTemplateParams {
  "sign-in-link": { url: string; expiresInMinutes: number };
  "email-confirmation": { url: string; expiresInHours: number };
  "staff-invitation": { url: string; role: StaffRole; invitedBy: string; expiresInDays: number };
  "password-reset": { url: string; expiresInMinutes: number };
  "account-erased": { erasedAt: Date };
  /** One notification, mailed at once. `baseUrl`: the public address (no trailing slash). */
  notification: { baseUrl: string; item: NotificationItem };
  /** The daily digest: the newest notifications first, `more` older ones only counted. */
  "notification-digest": { baseUrl: string; items: (NotificationItem & { createdAt: Date })[]; more: number };
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
  notification: (t, { baseUrl, item }, locale) => {
    const kind = `mail.notification.kinds.${item.kind}`;
    const params = notificationParams(t, item, locale);
    return {
      subject: t(`${kind}.subject`, params),
      before: [t(`${kind}.intro`, params), ...(item.kind === "CONTRIBUTION_HIDDEN" ? [t("mail.notification.reason", params)] : [])],
      action: link(t, t(`${kind}.action`), appUrl(baseUrl, locale, item.data.path)),
      after: [t("mail.notification.why"), t("mail.notification.preferences", { url: appUrl(baseUrl, locale, "/account/notifiche") })],
    };
  },
  "notification-digest": (t, { baseUrl, items, more }, locale) => ({
    subject: t("mail.notificationDigest.subject", { count: items.length + more }),
    before: [t("mail.notificationDigest.intro")],
    list: items.map((item) => ({
      text: `${formatDate(item.createdAt, locale)} · ${t(`mail.notification.kinds.${item.kind}.summary`, notificationParams(t, item, locale))}`,
      url: appUrl(baseUrl, locale, item.data.path),
    })),
    action: link(t, t("mail.notificationDigest.action"), appUrl(baseUrl, locale, "/")),
    after: [...(more > 0 ? [t("mail.notificationDigest.more", { count: more })] : []), t("mail.notification.preferences", { url: appUrl(baseUrl, locale, "/account/notifiche") })],
  }),
};

/**
 * Text people wrote (titles, reasons) goes into mails as data: the HTML part escapes it (mail-layout),
 * and here it loses what could disguise the text part — bidirectional overrides that reorder what
 * follows them, and (in one-line values) line breaks.
 */
const bidiControls = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const userText = (value: unknown, oneLine = false): string => {
  const text = String(value ?? "").replace(bidiControls, "");
  return oneLine ? text.replace(/\s+/g, " ").trim() : text.trim();
};

/** A link into the app in the reader's language; a path that is not a plain app path becomes the home page. */
function appUrl(baseUrl: string, locale: Locale, path: string): string {
  const safe = typeof path === "string" && path.startsWith("/") && !path.startsWith("//") && !path.includes("\\") ? path : "/";
  return `${baseUrl}${localizedPath(locale, safe)}`;
}

const proposalStatuses = ["OPEN", "ACCEPTED", "PARTLY_ACCEPTED", "REJECTED", "MERGED", "WITHDRAWN"];
const contributionKinds = ["comment", "proposal", "swot"];

function notificationParams(t: Translate, item: NotificationItem, locale: Locale): Record<string, string> {
  switch (item.kind) {
    case "ROUND_OPENED":
      return { title: userText(item.data.roundTitle, true), closesAt: Number.isNaN(Date.parse(item.data.closesAt)) ? "" : formatDate(new Date(item.data.closesAt), locale) };
    case "ROUND_CLOSED":
      return { title: userText(item.data.roundTitle, true) };
    case "COMMENT_REPLY":
      return {};
    case "PROPOSAL_ANSWERED":
      return {
        title: userText(item.data.proposalTitle, true),
        status: proposalStatuses.includes(item.data.status) ? t(`mail.notification.proposalStatus.${item.data.status}`) : userText(item.data.status, true),
      };
    case "CONTRIBUTION_HIDDEN":
      return {
        contribution: t(`mail.notification.contributions.${contributionKinds.includes(item.data.contribution) ? item.data.contribution : "comment"}`),
        reason: userText(item.data.reason),
      };
    case "REVISION_PUBLISHED":
      return { title: userText(item.data.roundTitle, true), plan: userText(item.data.planTitle, true), number: String(item.data.revisionNumber) };
  }
}

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
