import type { Locale } from "@/lib/i18n/locales";
import { renderMail } from "@/lib/mail/mail-templates";
import { mailBaseUrl } from "@/lib/notifications/mail-links";
import type { NotificationItem } from "@/lib/notifications/notify";

const baseUrl = "https://consulta.example.org";
const items: NotificationItem[] = [
  { kind: "ROUND_OPENED", data: { roundId: "r", roundTitle: "Primavera", closesAt: "2026-04-30T16:00:00.000Z", path: "/consultazioni/r" } },
  { kind: "ROUND_CLOSED", data: { roundId: "r", roundTitle: "Primavera", path: "/consultazioni/r" } },
  { kind: "COMMENT_REPLY", data: { roundId: "r", commentId: "c", replyId: "d", path: "/piani/p/misure/1.1#comment-d" } },
  { kind: "PROPOSAL_ANSWERED", data: { roundId: "r", proposalId: "p", proposalTitle: "Più bus", status: "REJECTED", path: "/consultazioni/r/proposte/p" } },
  { kind: "CONTRIBUTION_HIDDEN", data: { contribution: "swot", reason: "Fuori tema", path: "/consultazioni/r/swot#swot-s" } },
  { kind: "REVISION_PUBLISHED", data: { roundId: "r", roundTitle: "Primavera", planTitle: "Piano locale", revisionNumber: 2, path: "/consultazioni/r/esiti" } },
];

describe("notification mails", () => {
  test.each(items.flatMap((item) => (["it", "en"] as const).map((locale) => [item.kind, locale, item] as const)))("%s (%s): subject, link in the reader's language, no placeholder left", (_kind, locale: Locale, item) => {
    const mail = renderMail("notification", locale, { baseUrl, item });
    const prefix = locale === "en" ? "/en" : "";
    expect(mail.text).toContain(`${baseUrl}${prefix}${item.data.path}`);
    expect(mail.text).toContain(`${baseUrl}${prefix}/account/notifiche`);
    for (const output of [mail.subject, mail.text, mail.html]) expect(output).not.toMatch(/\{\w+\}/);
  });

  test("dates, statuses and kinds read in the reader's language", () => {
    expect(renderMail("notification", "it", { baseUrl, item: items[0]! }).text).toContain("fino al 30 aprile 2026");
    expect(renderMail("notification", "en", { baseUrl, item: items[0]! }).text).toContain("until 30 April 2026");
    expect(renderMail("notification", "it", { baseUrl, item: items[3]! }).text).toContain("«Più bus»: non accolta.");
    expect(renderMail("notification", "en", { baseUrl, item: items[4]! }).text).toContain("(SWOT observation)");
  });

  test("a path that is not an app path links to the home page instead (no other host, no scheme)", () => {
    for (const path of ["@evil.example/x", "//evil.example/x", "https://evil.example/", "javascript:alert(1)"]) {
      const mail = renderMail("notification", "en", { baseUrl, item: { kind: "ROUND_CLOSED", data: { roundId: "r", roundTitle: "x", path } } });
      expect(mail.text).toContain(`${baseUrl}/en\n`);
      expect(mail.text).not.toContain("evil.example");
      expect(mail.html).not.toContain("javascript:");
    }
  });

  test("the digest lists every item with its link, newest as given, and counts the rest", () => {
    const mail = renderMail("notification-digest", "en", { baseUrl, items: items.map((item) => ({ ...item, createdAt: new Date("2026-03-05T10:00:00Z") })), more: 3 });
    expect(mail.subject).toBe("Your Consulta digest: 9 updates");
    expect(mail.html.match(/<li /g)).toHaveLength(6);
    expect(mail.text).toContain("- 5 March 2026 · Answer to your proposal “Più bus”: not accepted\n  https://consulta.example.org/en/consultazioni/r/proposte/p");
    expect(mail.text).toContain("…and 3 older notifications.");
  });

  test("the digest counts in the singular for one and in the plural for more", () => {
    const digest = (locale: Locale, more: number) =>
      renderMail("notification-digest", locale, { baseUrl, items: [{ ...items[1]!, createdAt: new Date("2026-03-05T10:00:00Z") }], more });
    expect(digest("en", 0).subject).toBe("Your Consulta digest: 1 update");
    expect(digest("en", 0).text).not.toContain("older notification");
    expect(digest("en", 1).text).toContain("…and 1 older notification.\n");
    expect(digest("en", 3).text).toContain("…and 3 older notifications.\n");
    expect(digest("it", 1).text).toContain("…e un'altra notifica meno recente.\n");
    expect(digest("it", 3).text).toContain("…e altre 3 notifiche meno recenti.\n");
    expect(digest("it", 3).subject).toBe("Il tuo riepilogo di Consulta: 4 novità");
  });

  test("titles cannot add lines or reorder text", () => {
    const mail = renderMail("notification", "it", { baseUrl, item: { kind: "ROUND_CLOSED", data: { roundId: "r", roundTitle: "Titolo\nBcc: x@y.z \u202Eabc", path: "/" } } });
    expect(mail.subject).toBe("Si è chiusa la consultazione «Titolo Bcc: x@y.z abc»");
    expect(mail.text).not.toContain("\u202E");
  });

  test("links use PUBLIC_URL, else localhost and the port", () => {
    expect(mailBaseUrl({ PUBLIC_URL: "https://consulta.provincia.pi.it/" })).toBe("https://consulta.provincia.pi.it");
    expect(mailBaseUrl({ PORT: "4000" })).toBe("http://localhost:4000");
    expect(mailBaseUrl({})).toBe("http://localhost:3000");
  });
});
