import { redirect } from "next/navigation";
import { isAppError } from "@/lib/errors/app-error";
import type { Locale } from "@/lib/i18n/locales";
import { localizedPath } from "@/lib/web/localized-path";
import { rethrowAsPage } from "@/lib/web/page-context";

/**
 * A staff page's read: signed out → the sign-in page; refused (not staff) → null, for the page to
 * explain; unknown round or item → 404.
 */
export async function staffRead<T>(locale: Locale, read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (error) {
    if (isAppError(error) && error.code === "UNAUTHENTICATED") redirect(localizedPath(locale, "/accedi"));
    if (isAppError(error) && error.code === "FORBIDDEN") return null;
    return rethrowAsPage(error);
  }
}
