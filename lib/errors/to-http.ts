import type { Locale } from "@/lib/i18n/locales";
import { createTranslator } from "@/lib/i18n/translate";
import { logger } from "@/lib/observability/logger";
import { type AppErrorCode, isAppError } from "./app-error";

export const httpStatusByCode: Record<AppErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
};

export type ErrorBody = { error: { code: AppErrorCode | "INTERNAL"; message: string; details?: unknown } };

/**
 * The one mapping from a thrown error to an HTTP status and body in the user's language.
 * Unexpected errors are logged with their stack and answered generically.
 */
export function toHttpError(error: unknown, locale: Locale, context: Record<string, unknown> = {}): { status: number; body: ErrorBody; headers: Record<string, string> } {
  const t = createTranslator(locale);
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

/** RATE_LIMITED errors carry params.retryAfter (seconds), which clients read from Retry-After. */
function errorHeaders(code: AppErrorCode, params: Record<string, string | number>): Record<string, string> {
  const retryAfter = Number(params.retryAfter);
  if (code === "RATE_LIMITED" && Number.isFinite(retryAfter)) return { "retry-after": String(Math.max(1, Math.ceil(retryAfter))) };
  return {};
}
