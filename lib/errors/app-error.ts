/**
 * The one error type for expected failures. It carries a message key from
 * messages/<locale>.json so each boundary can show it in the user's language;
 * anything that is not an AppError is unexpected: logged, shown generically.
 */
export const appErrorCodes = [
  "VALIDATION",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "RATE_LIMITED",
  "UNAVAILABLE",
] as const;

export type AppErrorCode = (typeof appErrorCodes)[number];

export type MessageParams = Record<string, string | number>;

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly messageKey: string;
  readonly params: MessageParams;
  /** Machine-readable details (e.g. field issues); never secrets. */
  readonly details?: unknown;

  constructor(code: AppErrorCode, messageKey: string, params: MessageParams = {}, details?: unknown) {
    super(`${code}: ${messageKey}${Object.keys(params).length ? " " + JSON.stringify(params) : ""}`);
    this.name = "AppError";
    this.code = code;
    this.messageKey = messageKey;
    this.params = params;
    this.details = details;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
