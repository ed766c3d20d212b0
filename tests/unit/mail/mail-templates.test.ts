import it from "@/messages/it.json";
import en from "@/messages/en.json";
import type { Locale } from "@/lib/i18n/locales";
import { escapeHtml } from "@/lib/mail/mail-layout";
import { mailTemplateNames, renderMail, type MailTemplateName, type MailTemplateParams } from "@/lib/mail/mail-templates";

const samples: { [T in MailTemplateName]: MailTemplateParams[T] } = {
  "sign-in-link": { url: "https://consulta.example.org/auth/link?token=abc&x=1", expiresInMinutes: 15 },
  "email-confirmation": { url: "https://consulta.example.org/confirm?token=def", expiresInHours: 24 },
  "staff-invitation": { url: "https://consulta.example.org/invite?token=ghi", role: "FACILITATOR", invitedBy: "Anna Rossi", expiresInDays: 7 },
  "password-reset": { url: "https://consulta.example.org/reset?token=jkl", expiresInMinutes: 30 },
  "account-erased": { erasedAt: new Date("2026-03-05T10:00:00Z") },
  notification: { baseUrl: "https://consulta.example.org", item: { kind: "CONTRIBUTION_HIDDEN", data: { contribution: "comment", reason: "Offese personali", path: "/piani/p/misure/1.1#comment-x" } } },
  "notification-digest": {
    baseUrl: "https://consulta.example.org",
    items: [{ kind: "ROUND_CLOSED", data: { roundId: "r", roundTitle: "Prima consultazione", path: "/consultazioni/r" }, createdAt: new Date("2026-03-05T10:00:00Z") }],
    more: 2,
  },
};

const catalogues = { it: it.mail, en: en.mail } as const;
const sectionOf: Record<MailTemplateName, keyof typeof it.mail> = {
  "sign-in-link": "signInLink",
  "email-confirmation": "emailConfirmation",
  "staff-invitation": "staffInvitation",
  "password-reset": "passwordReset",
  "account-erased": "accountErased",
  notification: "notification",
  "notification-digest": "notificationDigest",
};
const render = <T extends MailTemplateName>(template: T, locale: Locale, params?: MailTemplateParams[T]) =>
  renderMail(template, locale, params ?? samples[template]);

/** The literal text of a message up to its first placeholder: what must appear in the output. */
const fixedPart = (message: string) => message.split("{")[0]!.trim();

describe("mail templates", () => {
  test.each(mailTemplateNames.flatMap((template) => (["it", "en"] as const).map((locale) => [template, locale] as const)))(
    "%s (%s) uses every string of its catalogue section, with no placeholder left",
    (template, locale) => {
      const mail = render(template, locale);
      const section = catalogues[locale][sectionOf[template]] as Record<string, unknown>;
      for (const [key, message] of Object.entries(section)) {
        if (typeof message !== "string") continue; // e.g. role labels, checked below
        expect({ key, present: `${mail.subject}\n${mail.text}`.includes(fixedPart(message)) }).toEqual({ key, present: true });
      }
      const common = catalogues[locale].common;
      for (const message of [common.greeting, common.footer]) expect(mail.text).toContain(message);
      if (template !== "account-erased") expect(mail.html).toContain(escapeHtml(common.linkFallback));
      for (const output of [mail.subject, mail.text, mail.html]) expect(output).not.toMatch(/\{\w+\}/);
      expect(mail.html).toContain(`<html lang="${locale}"`);
      expect(mail.html).toContain(`<title>${escapeHtml(mail.subject)}</title>`);
    },
  );

  test("Italian and English differ and carry the parameters", () => {
    const itMail = render("sign-in-link", "it");
    const enMail = render("sign-in-link", "en");
    expect(itMail.subject).toBe("Il tuo link per accedere a Consulta");
    expect(enMail.subject).toBe("Your sign-in link for Consulta");
    expect(itMail.text).toContain("scade tra 15 minuti");
    expect(enMail.text).toContain("expires in 15 minutes");
    expect(enMail.text).toContain("https://consulta.example.org/auth/link?token=abc&x=1");
    expect(enMail.html).toContain('href="https://consulta.example.org/auth/link?token=abc&amp;x=1"');
  });

  test("staff invitation names the role in the reader's language", () => {
    expect(render("staff-invitation", "it").subject).toBe("Invito a Consulta con il ruolo «facilitatore o facilitatrice»");
    expect(render("staff-invitation", "en", { ...samples["staff-invitation"], role: "ADMIN" }).subject).toBe("Invitation to Consulta as administrator");
  });

  test("every staff role has a label in both languages", () => {
    for (const locale of ["it", "en"] as const) {
      for (const role of ["FACILITATOR", "OFFICIAL", "ADMIN"] as const) {
        expect(render("staff-invitation", locale, { ...samples["staff-invitation"], role }).subject).toContain(catalogues[locale].staffInvitation.roles[role]);
      }
    }
  });

  test("account erasure dates the erasure in the reader's language", () => {
    expect(render("account-erased", "it").text).toContain("il 5 marzo 2026");
    expect(render("account-erased", "en").text).toContain("on 5 March 2026");
  });

  test("parameters are escaped in the HTML part and kept verbatim in the text part", () => {
    const invitedBy = `<script>alert("x")</script> & O'Brien`;
    const mail = render("staff-invitation", "en", { ...samples["staff-invitation"], invitedBy });
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; O&#39;Brien");
    expect(mail.text).toContain(invitedBy);
  });

  test("a link that is not http(s) is refused, and a parameter cannot break the subject line", () => {
    expect(() => render("sign-in-link", "en", { url: "javascript:alert(1)", expiresInMinutes: 5 })).toThrow(/http\(s\)/);
    const mail = render("staff-invitation", "en", { ...samples["staff-invitation"], invitedBy: "x\r\nBcc: a@b.c" });
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });
});
