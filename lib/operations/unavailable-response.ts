import type { IncomingMessage, ServerResponse } from "node:http";
import { type Locale } from "@/lib/i18n/locales";
import { createTranslator } from "@/lib/i18n/translate";
import { apiLocale } from "@/lib/web/api-route";

/** Seconds clients are asked to wait before trying again while the database is down. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** Pages are Italian at "/", English under "/en". */
export function pageLocale(pathname: string): Locale {
  return pathname === "/en" || pathname.startsWith("/en/") ? "en" : "it";
}

/** The page shown while the database is down: self-contained (no assets, no database), in the page's language. */
export function unavailablePage(locale: Locale): string {
  const t = createTranslator(locale);
  return `<!DOCTYPE html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(t("operations.unavailable.title"))} – Consulta</title>
<style>
body{font-family:"Titillium Web",system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1a1a1a;background:#fff;line-height:1.5}
header{background:#0066cc;color:#fff;padding:1rem 1.5rem;font-size:1.25rem;font-weight:600}
main{max-width:40rem;margin:2rem auto;padding:0 1.5rem}
h1{font-size:1.75rem;margin:0 0 1rem}
a{color:#0059b3}
a:focus{outline:3px solid #f90;outline-offset:2px}
</style>
</head>
<body>
<header>Consulta</header>
<main id="main">
<h1>${escapeHtml(t("operations.unavailable.heading"))}</h1>
<p>${escapeHtml(t("operations.unavailable.explanation"))}</p>
<p>${escapeHtml(t("operations.unavailable.retry"))}</p>
<p><a href="">${escapeHtml(t("operations.unavailable.reload"))}</a></p>
</main>
</body>
</html>
`;
}

/** The 503 while the database is down: JSON for /api/*, else the page; Retry-After; never cached. */
export function sendUnavailable(request: IncomingMessage, response: ServerResponse, pathname: string): void {
  const headers: Record<string, string> = { "retry-after": String(UNAVAILABLE_RETRY_AFTER_SECONDS), "cache-control": "no-store" };
  let body: string;
  if (pathname === "/api" || pathname.startsWith("/api/")) {
    const acceptLanguage = request.headers["accept-language"];
    const locale = apiLocale(new Request("http://localhost/", { headers: typeof acceptLanguage === "string" ? { "accept-language": acceptLanguage } : {} }));
    body = JSON.stringify({ error: { code: "UNAVAILABLE", message: createTranslator(locale)("operations.unavailable.message") } });
    headers["content-type"] = "application/json; charset=utf-8";
  } else {
    body = unavailablePage(pageLocale(pathname));
    headers["content-type"] = "text/html; charset=utf-8";
    headers["content-language"] = pageLocale(pathname);
  }
  response.writeHead(503, headers);
  response.end(request.method === "HEAD" ? undefined : body);
}
