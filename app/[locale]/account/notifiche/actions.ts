"use server";
import { redirect } from "next/navigation";
import { getPrisma } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { localeOrDefault } from "@/lib/i18n/locales";
import { setNotificationFrequency } from "@/lib/notifications/set-notification-frequency";
import { currentActor } from "@/lib/web/auth";
import { localizedPath } from "@/lib/web/localized-path";

/** The preferences form: parse, save through one service, back to the page with the outcome. */
export async function frequencyAction(locale: string, data: FormData): Promise<void> {
  const target = localeOrDefault(locale);
  const page = localizedPath(target, "/account/notifiche");
  let outcome = "salvato";
  try {
    await setNotificationFrequency(getPrisma(), await currentActor(), { frequency: data.get("frequency") });
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (error.code === "UNAUTHENTICATED") redirect(localizedPath(target, "/accedi"));
    outcome = "non-valido";
  }
  redirect(`${page}?esito=${outcome}`);
}
