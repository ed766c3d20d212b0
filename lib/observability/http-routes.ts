/**
 * Paths as metrics labels and log fields. Metrics need a bounded label set: a request's route
 * group is one of a fixed list (page sections, API resources, infrastructure), never the raw
 * path. Logs keep the path, without its query string, with segments that carry secrets masked.
 */

/** The app's top-level page sections (app/[locale]/…). */
const pageSections = new Set([
  "accedi",
  "account",
  "admin",
  "conferma-email",
  "consultazioni",
  "dati-aperti",
  "dichiarazione-accessibilita",
  "invito",
  "moderazione",
  "pagina-non-trovata",
  "partecipa",
  "piani",
  "registrati",
  "richiesta-non-valida",
  "segnala",
]);
const apiResources = new Set(["budget-totals", "calendar.ics", "decisions", "me", "measures", "openapi.json", "plans", "proposals", "results", "revisions", "rounds"]);

/** The bounded route label of a path (query string ignored). */
export function routeGroup(rawPath: string): string {
  const path = (rawPath.split("?")[0] ?? "/").split("#")[0] ?? "/";
  const segments = path.split("/").filter(Boolean);
  const [first, second, third] = segments;
  if (first === "_next") return second === "static" || second === "image" ? `_next/${second}` : "_next";
  if (first === "socket.io") return "socket.io";
  if (first === "api") {
    if (second === "health" || second === "ready" || second === "metrics" || second === "auth") return `api/${second}`;
    if (second === "v1") {
      if (third && apiResources.has(third)) return third === "rounds" && segments.includes("votes") ? "api/v1/rounds/votes" : `api/v1/${third}`;
      return "api/v1/other";
    }
    return "api/other";
  }
  const pageSegments = first === "en" ? segments.slice(1) : segments;
  const prefix = first === "en" ? "en/" : "";
  const [section] = pageSegments;
  if (!section) return `${prefix}home`;
  if (pageSections.has(section)) return `${prefix}${section}`;
  if (/\.[a-z0-9]{2,5}$/i.test(path)) return "static";
  return "other";
}

/** Sections whose next segment is a secret (a live session's join code). */
const secretAfter = new Set(["partecipa"]);

/** The path for a log line: no query string; join codes and token-like segments masked. */
export function loggedPath(rawPath: string): string {
  const path = (rawPath.split("?")[0] ?? "/").split("#")[0] ?? "/";
  const segments = path.split("/");
  const out = segments.map((segment, index) => {
    const previous = segments[index - 1];
    if (previous && secretAfter.has(previous) && segment) return ":code";
    // Long random strings (tokens); not UUIDs (ids are not secret) nor slugs (lowercase words with dashes).
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(segment);
    const slug = /^[a-z0-9]+(-[a-z0-9]+)*$/.test(segment);
    if (segment.length >= 24 && /^[A-Za-z0-9_~.%=-]+$/.test(segment) && !uuid && !slug) return ":token";
    return segment;
  });
  return out.join("/").slice(0, 300);
}
