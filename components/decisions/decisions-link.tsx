import type { ReactNode } from "react";
import { getPrisma } from "@/lib/db/client";
import { DECIDERS } from "@/lib/decisions/decisions.policy";
import { mainPlanReviewPath } from "@/lib/decisions/review-address";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import { logger } from "@/lib/observability/logger";
import { currentActor } from "@/lib/web/auth";
import { localizedPath } from "@/lib/web/localized-path";

async function isDecider(): Promise<boolean> {
  const actor = await currentActor().catch((error: unknown) => {
    logger.warn("session check failed", { error });
    return null;
  });
  return actor !== null && (DECIDERS as readonly string[]).includes(actor.role);
}

/** Its children (a link to the officials' decisions) for officials and admins only; the pages check the role again. */
export async function ForDeciders({ children }: { children: ReactNode }) {
  return (await isDecider()) ? <>{children}</> : null;
}

/** "Decisioni" in the header, for officials and admins: the main plan's current revision. */
export async function DecisionsNavLink({ locale, t }: { locale: Locale; t: Translate }) {
  if (!(await isDecider())) return null;
  const path = await mainPlanReviewPath(getPrisma());
  if (!path) return null;
  return <a className="text-white ms-3" href={localizedPath(locale, path)}>{t("decisions.nav")}</a>;
}
