/**
 * The one layout every mail shares: a plain-text part and a simple HTML part built from the same
 * paragraphs, so both always say the same thing.
 */
import type { Locale } from "@/lib/i18n/locales";

export interface MailContent {
  subject: string;
  greeting: string;
  /** Paragraphs before the action link. */
  before: string[];
  /** Linked entries after those paragraphs (e.g. a digest's notifications). */
  list?: { text: string; url: string }[];
  /** The one thing the mail asks the reader to do, if any. */
  action?: { label: string; url: string; fallback: string };
  /** Paragraphs after the action link. */
  after: string[];
  footer: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const htmlEscapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => htmlEscapes[character]!);
}

/** Only web links go into a mail: a javascript: or data: URL in an href would be an injection. */
export function assertWebUrl(url: string): string {
  const protocol = URL.canParse(url) ? new URL(url).protocol : "";
  if (protocol !== "https:" && protocol !== "http:") throw new Error(`Mail links must be http(s) URLs, got "${url}"`);
  return url;
}

// Subjects end up in a header: a line break there would let a parameter add headers.
const oneLine = (value: string) => value.replace(/[\r\n]+/g, " ").trim();

export function renderLayout(locale: Locale, content: MailContent): RenderedMail {
  const subject = oneLine(content.subject);
  const action = content.action && { ...content.action, url: assertWebUrl(content.action.url) };
  const list = (content.list ?? []).map((entry) => ({ ...entry, url: assertWebUrl(entry.url) }));

  const textParts = [content.greeting, ...content.before];
  if (list.length > 0) textParts.push(list.map((entry) => `- ${entry.text}\n  ${entry.url}`).join("\n\n"));
  if (action) textParts.push(`${action.label}:\n${action.url}`);
  textParts.push(...content.after, `-- \n${content.footer}`);

  const p = (value: string) => `<p style="margin:0 0 16px">${escapeHtml(value)}</p>`;
  const html = [
    "<!DOCTYPE html>",
    `<html lang="${locale}" dir="ltr">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(subject)}</title>`,
    "</head>",
    '<body style="margin:0;padding:24px;background:#ffffff;color:#1a1a1a;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5">',
    `<div role="article" aria-label="${escapeHtml(subject)}" lang="${locale}" style="max-width:600px;margin:0 auto">`,
    `<h1 style="font-size:22px;margin:0 0 16px">${escapeHtml(subject)}</h1>`,
    p(content.greeting),
    ...content.before.map(p),
    ...(list.length > 0
      ? [
          '<ul style="margin:0 0 16px;padding-left:20px">',
          ...list.map((entry) => `<li style="margin:0 0 12px">${escapeHtml(entry.text)}<br><a href="${escapeHtml(entry.url)}" style="color:#0b4f9c;word-break:break-all">${escapeHtml(entry.url)}</a></li>`),
          "</ul>",
        ]
      : []),
    ...(action
      ? [
          `<p style="margin:0 0 16px"><a href="${escapeHtml(action.url)}" style="display:inline-block;padding:12px 20px;background:#0b4f9c;color:#ffffff;border-radius:4px;text-decoration:underline">${escapeHtml(action.label)}</a></p>`,
          `<p style="margin:0 0 16px">${escapeHtml(action.fallback)}<br><a href="${escapeHtml(action.url)}" style="color:#0b4f9c;word-break:break-all">${escapeHtml(action.url)}</a></p>`,
        ]
      : []),
    ...content.after.map(p),
    '<hr style="border:0;border-top:1px solid #cccccc;margin:24px 0">',
    `<p style="margin:0;font-size:14px;color:#555555">${escapeHtml(content.footer)}</p>`,
    "</div>",
    "</body>",
    "</html>",
  ].join("\n");

  return { subject, text: textParts.join("\n\n") + "\n", html: html + "\n" };
}
