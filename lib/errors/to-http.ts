import { isDatabaseUnavailable } from "@/lib/db/database-errors";
import type { Locale } from "@/lib/i18n/locales";
import { createTranslator } from "@/lib/i18n/translate";
import { logger } from "@/lib/observability/logger";
import { reportDatabaseUnreachable } from "@/lib/operations/database-availability";
import { AppError, type AppErrorCode, isAppError } from "./app-error";

export const httpStatusByCode: Record<AppErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
};

/** Seconds a client is asked to wait when the database is unreachable (a restart or failover usually takes a few). */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

export type ErrorBody = { error: { code: AppErrorCode | "INTERNAL"; message: string; details?: unknown } };

/**
 * An unreachable database (down, restarting, failing over) is expected, not a bug: it becomes an
 * UNAVAILABLE AppError (503, Retry-After) and asks the availability monitor to check at once.
 * Other errors are returned unchanged. Forms use this too (lib/web/action-outcome.ts), so they
 * answer with their state — what the person typed — and the message.
 */
export function expectedError(error: unknown): unknown {
  if (isAppError(error) || !isDatabaseUnavailable(error)) return error;
  reportDatabaseUnreachable();
  logger.warn("database unreachable while handling a request", { reason: error instanceof Error ? error.message.split("\n").filter(Boolean).at(-1)?.slice(0, 200) : undefined });
  return new AppError("UNAVAILABLE", "errors.databaseUnavailable", { retryAfter: DATABASE_RETRY_AFTER_SECONDS });
}

/**
 * The one mapping from a thrown error to an HTTP status and body in the user's language.
 * Unexpected errors are logged with their stack and answered generically.
 */
export function toHttpError(thrown: unknown, locale: Locale, context: Record<string, unknown> = {}): { status: number; body: ErrorBody; headers: Record<string, string> } {
  const t = createTranslator(locale);
  const error = expectedError(thrown);
  if (isAppError(error)) {
    return {
      status: httpStatusByCode[error.code],
      body: { error: { code: error.code, message: t(error.messageKey, error.params), ...(error.details === undefined ? {} : { details: error.details }) } },
      headers: errorHeaders(error.code, error.params),
    };
  }
  logger.error("unexpected error", { error, ...context });
  return { status: 500, body: { error: { code: "INTERNAL", message: t("errors.internal") } }, headers: {} };
}

/** RATE_LIMITED and UNAVAILABLE errors carry params.retryAfter (seconds), which clients read from Retry-After. */
function errorHeaders(code: AppErrorCode, params: Record<string, string | number>): Record<string, string> {
  const retryAfter = Number(params.retryAfter);
  if ((code === "RATE_LIMITED" || code === "UNAVAILABLE") && Number.isFinite(retryAfter)) return { "retry-after": String(Math.max(1, Math.ceil(retryAfter))) };
  return {};
}
