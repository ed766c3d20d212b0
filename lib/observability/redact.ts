/**
 * What may not reach a log line: secrets and personal data. Values under sensitive keys are
 * replaced (recursively, also inside arrays and nested objects); credentials inside URLs and
 * token-like query parameters are masked in any string.
 */
export const REDACTED = "[redacted]";

/** Keys (compared without case, "_" and "-") whose values are never logged, also as suffixes (userEmail, sessionToken). */
const sensitiveSuffixes = [
  "password",
  "passwd",
  "pwd",
  "token",
  "secret",
  "cookie",
  "cookies",
  "authorization",
  "apikey",
  "credential",
  "credentials",
  "email",
  "name",
  "phone",
  "body",
  "text",
  "html",
  "subject",
  "comment",
  "address",
  "code",
  "otp",
  "signature",
  "session",
  "sessionid",
];
/** Exact keys: short names too generic as suffixes. */
const sensitiveKeys = new Set(["to", "from", "cc", "bcc", "replyto", "ip", "ipaddress", "useragent", "headers", "query", "search", "q", "data", "input", "values", "payload", "setcookie"]);
/** Kept although they end like a sensitive key: technical fields. */
const allowedKeys = new Set(["errorcode", "statuscode", "exitcode", "signal", "hostname", "pathname", "route", "template", "templatename", "slug", "filename", "file"]);

export function isSensitiveKey(key: string): boolean {
  const normalised = key.toLowerCase().replace(/[_\-\s]/g, "");
  if (allowedKeys.has(normalised)) return false;
  return sensitiveKeys.has(normalised) || sensitiveSuffixes.some((suffix) => normalised.endsWith(suffix));
}

const credentialsInUrl = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/@:]+)(?::[^\s/@]*)?@/gi;
const secretQueryParameter = /([?&](?:token|code|secret|password|key|signature|sig|email|state)=)[^&#\s"']*/gi;

/** Credentials in URLs (scheme://user:password@host) and token-like query parameters masked. */
export function redactString(value: string): string {
  return value.replace(credentialsInUrl, `$1${REDACTED}@`).replace(secretQueryParameter, `$1${REDACTED}`);
}

/** An Error as a plain object: name, message, code, stack and cause (redacted strings); never pg's `detail` (it quotes values). */
export function serializeError(error: Error, depth = 0): Record<string, unknown> {
  const code = (error as { code?: unknown }).code;
  const out: Record<string, unknown> = { name: error.name, message: redactString(error.message) };
  if (typeof code === "string" || typeof code === "number") out.code = code;
  if (error.stack) out.stack = redactString(error.stack);
  if (error.cause !== undefined && depth < 3) out.cause = error.cause instanceof Error ? serializeError(error.cause, depth + 1) : redact(error.cause, depth + 1);
  return out;
}

/** A deep copy of `value` with sensitive keys' values replaced and strings cleaned. */
export function redact(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === "string") return redactString(value);
  if (value === null || typeof value !== "object") return typeof value === "bigint" ? value.toString() : value;
  if (value instanceof Error) return serializeError(value, depth);
  if (value instanceof Date) return value.toISOString();
  if (seen.has(value) || depth > 8) return "[…]";
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = isSensitiveKey(key) ? REDACTED : redact(item, depth + 1, seen);
  }
  return out;
}
