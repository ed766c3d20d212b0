import { forbidden, redirect } from "next/navigation";
import type { Actor } from "@/lib/auth/session";
import type { Locale } from "@/lib/i18n/locales";
import { currentActor } from "@/lib/web/auth";
import { localizedPath } from "@/lib/web/localized-path";

/**
 * The admin pages' gate: visitors go to sign in, signed-in non-admins get the 403 page
 * (app/[locale]/forbidden.tsx, through forbidden(): needs experimental.authInterrupts).
 * The services check the role again; this only picks the right page and status.
 */
export async function adminActorOrForbidden(locale: Locale): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect(localizedPath(locale, "/accedi"));
  if (actor.role !== "ADMIN") forbidden();
  return actor;
}
