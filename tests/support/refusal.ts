import { AppError } from "@/lib/errors/app-error";

/** How a service call was refused: its AppError's code, message key and details. Fails the test when it did not throw an AppError. */
export async function refusal(promise: Promise<unknown>): Promise<Pick<AppError, "code" | "messageKey" | "details">> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return { code: error.code, messageKey: error.messageKey, details: error.details };
}
