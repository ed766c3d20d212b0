/**
 * Headers on every response (pages, API, static files), applied by next.config.ts `headers()`.
 * Kept free of imports: next.config.ts loads this file outside the app's module graph.
 */
export const baseSecurityHeaders: ReadonlyArray<{ key: string; value: string }> = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // Older browsers' equivalent of CSP frame-ancestors 'none' (which only pages carry).
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** One year, subdomains included; sent only on requests that arrived over HTTPS (see client-ip.ts). */
export const strictTransportSecurity = { key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" };

/** Set by server.ts when the request is HTTPS; duplicated from client-ip.ts to keep this file import-free. */
export const httpsMarkerHeader = "x-consulta-https";

/** For responses with personal data (account pages, exports): never stored by browsers or proxies. */
export const noStoreHeaders: Readonly<Record<string, string>> = {
  "Cache-Control": "no-store, max-age=0",
  // HTTP/1.0 caches.
  Pragma: "no-cache",
};

/** Adds noStoreHeaders to a response's headers (route handlers, proxy responses). */
export function applyNoStore(headers: Headers): Headers {
  for (const [key, value] of Object.entries(noStoreHeaders)) headers.set(key, value);
  return headers;
}
