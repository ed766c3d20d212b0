import { type AppError, isAppError } from "@/lib/errors/app-error";
import { expectedError } from "@/lib/errors/to-http";

/**
 * The buttons' server actions (support, hide, dismiss...): run the service call and name its
 * outcome, `done` or what an expected failure (AppError) means. Other errors propagate to the
 * error page. The action then redirects to its page with the outcome to announce.
 */
export async function actionOutcome<O extends string>(action: () => Promise<unknown>, done: O, failed: (error: AppError) => O): Promise<O> {
  try {
    await action();
    return done;
  } catch (thrown) {
    // An unreachable database is expected (503): the outcome names it instead of the error page.
    const error = expectedError(thrown);
    if (!isAppError(error)) throw error;
    return failed(error);
  }
}

/**
 * The forms' server actions: run the service call, then `then` with its result (a redirect: it
 * throws, so it must run outside the try); an expected failure becomes the form's state through
 * `failed`, which rethrows what is not an AppError (formFailure does).
 */
export async function formOutcome<R, S>(action: () => Promise<R>, failed: (error: unknown) => S, then: (result: R) => never): Promise<S> {
  let result: R;
  try {
    result = await action();
  } catch (error) {
    // An unreachable database becomes an UNAVAILABLE AppError: the form answers with what was typed and the message.
    return failed(expectedError(error));
  }
  return then(result);
}
