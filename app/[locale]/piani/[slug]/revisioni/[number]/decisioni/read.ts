import { redirect } from "next/navigation";
import { isAppError } from "@/lib/errors/app-error";
import type { Locale } from "@/lib/i18n/locales";
import { localizedPath } from "@/lib/web/localized-path";
import { rethrowAsPage } from "@/lib/web/page-context";

/** The address of a revision's decisions (plan slug, revision number) as the services take it. */
export const revisionAddress = (slug: string, number: string) => ({ slug, number: Number(number) });

export const reviewPath = (locale: Locale, slug: string, number: number | string) => localizedPath(locale, `/piani/${slug}/revisioni/${number}/decisioni`);

/** A decisions page's read: signed out → the sign-in page; not a decider → 403; unknown revision or measure → 404. */
export async function deciderRead<T>(locale: Locale, read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (isAppError(error) && error.code === "UNAUTHENTICATED") redirect(localizedPath(locale, "/accedi"));
    return rethrowAsPage(error);
  }
}
