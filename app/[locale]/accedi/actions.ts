"use server";
import { redirect } from "next/navigation";
import { updateOwnProfile } from "@/lib/auth/account";
import { confirmEmail, signUp } from "@/lib/auth/sign-up";
import { revokeAllSessions, revokeSession } from "@/lib/auth/session";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { requestSignInLink, signInWithLink } from "@/lib/auth/sign-in-link";
import { getPrisma } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { type Locale, localeOrDefault } from "@/lib/i18n/locales";
import { createTranslator } from "@/lib/i18n/translate";
import { formOutcome } from "@/lib/web/action-outcome";
import { clearSessionCookie, currentActor, publicBaseUrl, requestContext, setSessionCookie } from "@/lib/web/auth";
import { linkWithToken, localizedPath } from "@/lib/web/localized-path";
import { safeReturnPath } from "@/lib/web/return-path";
import type { FormState } from "@/components/auth/form-state";

/** The account pages' server actions: parse, call one lib/auth service, redirect or answer the form state. */
const values = (data: FormData): Record<string, string> =>
  Object.fromEntries([...data.entries()].filter(([key, value]) => !key.startsWith("$") && key !== "password" && typeof value === "string")) as Record<string, string>;

const fields = (data: FormData) => Object.fromEntries([...data.entries()].filter(([key]) => !key.startsWith("$")));

function failure(locale: Locale, error: unknown, data: FormData): FormState {
  if (!isAppError(error)) throw error;
  const t = createTranslator(locale);
  const details = (error.code === "VALIDATION" && error.details && typeof error.details === "object" ? error.details : {}) as Record<string, string>;
  const errors = Object.fromEntries(Object.entries(details).map(([field, key]) => [field, t(key)]));
  return { values: values(data), errors, message: Object.keys(errors).length ? undefined : t(error.messageKey, error.params) };
}

/** A mailed link that does not work (used, expired, unknown): back to its page, which says so. */
function invalidLink(locale: Locale, path: string): (error: unknown) => never {
  return (error) => {
    if (!isAppError(error)) throw error;
    redirect(`${localizedPath(locale, path)}?esito=non-valido`);
  };
}

export async function signInAction(locale: Locale, _state: FormState, data: FormData): Promise<FormState> {
  const target = localeOrDefault(locale);
  return formOutcome(
    async () => {
      const session = await signInWithPassword(getPrisma(), fields(data), await requestContext());
      await setSessionCookie(session.sessionId, session.expiresAt);
    },
    (error) => failure(target, error, data),
    () => redirect(localizedPath(target, "/account")),
  );
}

/** Sign-in from a page that sent the person here (?ritorno=…, e.g. a live session's code page): back there after. */
export async function signInAndReturnAction(locale: Locale, returnTo: string, _state: FormState, data: FormData): Promise<FormState> {
  const target = localeOrDefault(locale);
  const back = safeReturnPath(returnTo) ?? localizedPath(target, "/account");
  return formOutcome(
    async () => {
      const session = await signInWithPassword(getPrisma(), fields(data), await requestContext());
      await setSessionCookie(session.sessionId, session.expiresAt);
    },
    (error) => failure(target, error, data),
    () => redirect(back),
  );
}

export async function requestSignInLinkAction(locale: Locale, _state: FormState, data: FormData): Promise<FormState> {
  const target = localeOrDefault(locale);
  return formOutcome(
    async () => {
      const [context, base] = [await requestContext(), await publicBaseUrl()];
      await requestSignInLink(getPrisma(), fields(data), { ipAddress: context.ipAddress, signInUrl: linkWithToken(base, "/accedi/link") });
    },
    (error) => failure(target, error, data),
    () => redirect(localizedPath(target, "/accedi/controlla-email")),
  );
}

export async function signInWithLinkAction(locale: Locale, data: FormData): Promise<void> {
  const target = localeOrDefault(locale);
  return formOutcome(
    async () => {
      const session = await signInWithLink(getPrisma(), data.get("token"), await requestContext());
      await setSessionCookie(session.sessionId, session.expiresAt);
    },
    invalidLink(target, "/accedi/link"),
    () => redirect(localizedPath(target, "/account")),
  );
}

export async function signUpAction(locale: Locale, _state: FormState, data: FormData): Promise<FormState> {
  const target = localeOrDefault(locale);
  return formOutcome(
    async () => {
      const [context, base] = [await requestContext(), await publicBaseUrl()];
      await signUp(getPrisma(), fields(data), { ipAddress: context.ipAddress, confirmationUrl: linkWithToken(base, "/conferma-email") });
    },
    (error) => failure(target, error, data),
    () => redirect(localizedPath(target, "/registrati/controlla-email")),
  );
}

export async function confirmEmailAction(locale: Locale, data: FormData): Promise<void> {
  const target = localeOrDefault(locale);
  return formOutcome(
    () => confirmEmail(getPrisma(), data.get("token")),
    invalidLink(target, "/conferma-email"),
    () => redirect(`${localizedPath(target, "/accedi")}?esito=confermato`),
  );
}

export async function updateProfileAction(locale: Locale, _state: FormState, data: FormData): Promise<FormState> {
  try {
    await updateOwnProfile(getPrisma(), await currentActor(), fields(data));
    return { values: values(data), errors: {} };
  } catch (error) {
    return failure(localeOrDefault(locale), error, data);
  }
}

export async function signOutAction(locale: Locale): Promise<void> {
  const actor = await currentActor();
  if (actor) await revokeSession(getPrisma(), actor, actor.sessionId);
  await clearSessionCookie();
  redirect(`${localizedPath(localeOrDefault(locale), "/accedi")}?esito=uscito`);
}

export async function endAllSessionsAction(locale: Locale): Promise<void> {
  const actor = await currentActor();
  if (actor) await revokeAllSessions(getPrisma(), actor, actor.userId);
  await clearSessionCookie();
  redirect(`${localizedPath(localeOrDefault(locale), "/accedi")}?esito=uscito`);
}
