import { redirect } from "next/navigation";
import type { Actor } from "@/lib/auth/session";
import type { Locale } from "@/lib/i18n/locales";
import { canManageRounds } from "@/lib/rounds/schedule-round";
import { currentActor } from "./auth";
import { localizedPath } from "./localized-path";

/**
 * The facilitators' pages (new/edit round, new/edit meeting): sends someone signed out to the
 * sign-in page; returns the actor when they may manage rounds, null when the page should show
 * the "facilitators only" notice (the services refuse them too).
 */
export async function roundManagerForPage(locale: Locale): Promise<Actor | null> {
  const actor = await currentActor();
  if (!actor) redirect(localizedPath(locale, "/accedi"));
  return canManageRounds(actor) ? actor : null;
}
