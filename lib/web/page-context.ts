import { forbidden, notFound } from "next/navigation";
import { headers } from "next/headers";
import { isAppError } from "@/lib/errors/app-error";
import { type Locale, isLocale } from "@/lib/i18n/locales";
import { type Translate, createTranslator } from "@/lib/i18n/translate";
import { pathHeader } from "./localized-path";

export type PageContext = { locale: Locale; t: Translate };

export async function pageContext(params: Promise<{ locale: string }>): Promise<PageContext> {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  return { locale, t: createTranslator(locale) };
}

/** The requested path without locale prefix, as set by the proxy (for the language switch). */
export async function currentPath(): Promise<string> {
  return (await headers()).get(pathHeader) ?? "/";
}

/**
 * Pages show expected "not found" errors as the 404 page and refusals as the 403 page (a live
 * guest anywhere but their session, someone without the role); anything else goes to the error boundary.
 */
export function rethrowAsPage(error: unknown): never {
  if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "VALIDATION")) notFound();
  if (isAppError(error) && error.code === "FORBIDDEN") forbidden();
  throw error;
}
