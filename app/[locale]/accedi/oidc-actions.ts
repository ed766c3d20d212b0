"use server";
import { redirect } from "next/navigation";
import { type Locale, localeOrDefault } from "@/lib/i18n/locales";
import { beginOidcSignIn, oidcConfig, safeReturnPath } from "@/lib/web/auth";
import { localizedPath } from "@/lib/web/localized-path";

/**
 * "Sign in with <identity provider>" without JavaScript: a plain form posts here (Next checks the
 * Origin of server actions), next-auth starts the authorization code flow, the browser goes to the IdP.
 */
export async function startOidcSignInAction(locale: Locale, data: FormData): Promise<void> {
  const target = localeOrDefault(locale);
  if (!oidcConfig()) redirect(localizedPath(target, "/accedi"));
  const returnPath = safeReturnPath(data.get("ritorno")) ?? localizedPath(target, "/account");
  redirect(await beginOidcSignIn(target, returnPath));
}
