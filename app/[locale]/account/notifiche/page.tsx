import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { NotificationPreferencesForm } from "@/components/moderation/notification-preferences-form";
import { getPrisma } from "@/lib/db/client";
import { preferencesQuerySchema } from "@/lib/notifications/notifications.schemas";
import { getNotificationFrequency } from "@/lib/notifications/set-notification-frequency";
import { currentActor } from "@/lib/web/auth";
import { localizedPath } from "@/lib/web/localized-path";
import { pageContext, rethrowAsPage } from "@/lib/web/page-context";
import { frequencyAction } from "./actions";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await pageContext(params);
  return { title: t("notifications.preferences.title") };
}

/** /account/notifiche: how the signed-in person hears about things (immediately, daily digest, never). */
export default async function NotificationPreferencesPage({ params, searchParams }: Props) {
  const { locale, t } = await pageContext(params);
  const actor = await currentActor();
  if (!actor) redirect(localizedPath(locale, "/accedi"));
  const { esito } = preferencesQuerySchema.parse(await searchParams);
  const { frequency, pending } = await getNotificationFrequency(getPrisma(), actor).catch(rethrowAsPage);
  return (
    <div className="row"><div className="col-lg-7">
      <h1>{t("notifications.preferences.title")}</h1>
      {esito === "salvato" ? <div className="alert alert-success" role="status">{t("notifications.preferences.saved")}</div> : null}
      {esito === "non-valido" ? <div className="alert alert-danger" role="alert">{t("notifications.preferences.invalid")}</div> : null}
      <p className="lead">{t("notifications.preferences.intro")}</p>
      <NotificationPreferencesForm action={frequencyAction.bind(null, locale)} t={t} frequency={frequency} />
      {frequency === "DAILY_DIGEST" && pending > 0 ? <p>{t("notifications.preferences.pending", { count: pending })}</p> : null}
      <p className="mt-4"><a href={localizedPath(locale, "/account")}>{t("notifications.preferences.back")}</a></p>
    </div></div>
  );
}
