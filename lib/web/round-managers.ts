import type { Metadata } from "next";
import { redirect } from "next/navigation";
import type { Actor } from "@/lib/auth/session";
import type { Locale } from "@/lib/i18n/locales";
import { canManageRounds } from "@/lib/rounds/schedule-round";
import { currentActor } from "./auth";
import { localizedPath } from "./localized-path";
import { type PageContext, pageContext } from "./page-context";

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

/** generateMetadata of a facilitators' form page: its translated title. */
export function managerFormMetadata(titleKey: string) {
  return async ({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> => ({ title: (await pageContext(params)).t(titleKey) });
}

/** A facilitators' page's context: locale, translator, the route's parameters and the actor (null: show the notice). */
export async function managerPageContext<P extends { locale: string }>(params: Promise<P>): Promise<PageContext & { route: P; actor: Actor | null }> {
  const context = await pageContext(params);
  return { ...context, route: await params, actor: await roundManagerForPage(context.locale) };
}
