import { z } from "zod";
import { NotificationFrequency } from "@/lib/db/generated/enums";

/** Inputs of the notifications module (the preferences form), shared by the page and the service. */
export const notificationFrequencies = Object.values(NotificationFrequency) as [NotificationFrequency, ...NotificationFrequency[]];

export const frequencyInputSchema = z.object({ frequency: z.enum(NotificationFrequency, { error: "notifications.preferences.invalid" }) }).strict();

/** /account/notifiche's query: the outcome after saving. */
export const preferencesQuerySchema = z.object({ esito: z.enum(["salvato", "non-valido"]).optional().catch(undefined) });

/** The daily digest is prepared once a day, from this hour of the authority's clock (Europe/Rome). */
export const DIGEST_HOUR = 7;
export const DIGEST_TIME_ZONE = "Europe/Rome";
/** Setting that records the Rome date of the last digest run (so a day never gets two). */
export const DIGEST_SENT_ON_KEY = "notifications.digestSentOn";
/** Notifications listed in one digest mail; older ones beyond it are summarised by a count. */
export const DIGEST_MAX_ITEMS = 50;
