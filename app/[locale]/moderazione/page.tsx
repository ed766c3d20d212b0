import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ErrorNotice } from "@/components/layout/error-notice";
import { ModerationQueueView } from "@/components/moderation/moderation-queue";
import { getPrisma } from "@/lib/db/client";
import { listModerationQueue } from "@/lib/moderation/list-moderation-queue";
import { moderationQuerySchema } from "@/lib/moderation/moderation.schemas";
import { currentActor } from "@/lib/web/auth";
import { localizedPath } from "@/lib/web/localized-path";
import { pageContext } from "@/lib/web/page-context";
import { dismissAction, hideAction, restoreAction, thresholdAction } from "./actions";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await pageContext(params);
  return { title: t("moderation.queue.title"), robots: { index: false } };
}

const failures = new Set(["soglia-non-valida", "non-trovato", "gia-gestito"]);

/** /moderazione: the facilitators' and admins' queue of reported contributions, hidden ones, the setting. */
export default async function ModerationPage({ params, searchParams }: Props) {
  const { locale, t } = await pageContext(params);
  const actor = await currentActor();
  if (!actor) redirect(localizedPath(locale, "/accedi"));
  if (actor.role !== "FACILITATOR" && actor.role !== "ADMIN") {
    return <ErrorNotice title={t("moderation.forbidden.title")} message={t("moderation.forbidden.message")} homeHref={localizedPath(locale, "/")} homeLabel={t("moderation.forbidden.home")} />;
  }
  const query = moderationQuerySchema.parse(await searchParams);
  const data = await listModerationQueue(getPrisma(), actor, query);
  const failed = query.esito !== undefined && failures.has(query.esito);
  return (
    <>
      <h1>{t("moderation.queue.title")}</h1>
      <p className="lead">{t("moderation.queue.intro")}</p>
      {query.esito && (
        <div className={`alert ${failed ? "alert-danger" : "alert-success"}`} role={failed ? "alert" : "status"}>
          {t(`moderation.outcomes.${query.esito}`)}
        </div>
      )}
      <ModerationQueueView
        locale={locale}
        t={t}
        data={data}
        isAdmin={actor.role === "ADMIN"}
        actions={{
          hide: (type, id) => hideAction.bind(null, locale, type, id),
          restore: restoreAction.bind(null, locale),
          dismiss: dismissAction.bind(null, locale),
          threshold: thresholdAction.bind(null, locale),
        }}
      />
    </>
  );
}
