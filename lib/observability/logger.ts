import { currentRequestContext } from "./request-context";
import { isSensitiveKey, REDACTED, redact, redactString } from "./redact";

/**
 * One JSON line per event (warn/error on stderr, the rest on stdout): greppable locally, parseable
 * by any log shipper. Lines written while a request is handled carry its requestId. Fields are
 * redacted (lib/observability/redact.ts): no passwords, tokens, cookies, e-mail addresses, names or
 * texts people typed.
 */
export type Level = "debug" | "info" | "warn" | "error";
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function threshold(): number {
  const configured = process.env.LOG_LEVEL as Level | undefined;
  return order[configured ?? "info"] ?? order.info;
}

/** The line for one event (exported for tests). */
export function logEntry(level: Level, message: string, fields: Record<string, unknown> = {}, now = new Date()): Record<string, unknown> {
  const requestId = currentRequestContext()?.requestId;
  const entry: Record<string, unknown> = { time: now.toISOString(), level, message: redactString(message) };
  if (requestId) entry.requestId = requestId;
  for (const [key, value] of Object.entries(fields)) {
    if (key === "time" || key === "level" || key === "message") continue;
    entry[key] = isSensitiveKey(key) ? REDACTED : redact(value, 1);
  }
  return entry;
}

function write(level: Level, message: string, fields?: Record<string, unknown>) {
  if (order[level] < threshold()) return;
  let line: string;
  try {
    line = JSON.stringify(logEntry(level, message, fields));
  } catch {
    line = JSON.stringify({ time: new Date().toISOString(), level, message: redactString(message), note: "fields not serialisable" });
  }
  (level === "error" || level === "warn" ? process.stderr : process.stdout).write(line + "\n");
}

export const logger = {
  debug: (message: string, fields?: Record<string, unknown>) => write("debug", message, fields),
  info: (message: string, fields?: Record<string, unknown>) => write("info", message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => write("warn", message, fields),
  error: (message: string, fields?: Record<string, unknown>) => write("error", message, fields),
};
