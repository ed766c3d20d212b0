import type { ModerationState } from "@/lib/db/generated/enums";
import type { Translate } from "@/lib/i18n/translate";
import { UserText } from "./user-text";

/**
 * A contribution's text as the public sees it: hidden ones show the moderators' public reason
 * instead (never silently removed); ones waiting for review after several reports say so.
 */
export function ContributionBody({ body, moderation, hiddenReason, t }: { body: string; moderation: ModerationState; hiddenReason: string | null; t: Translate }) {
  if (moderation === "HIDDEN") {
    return (
      <p className="consulta-hidden-contribution">
        {t("participation.hiddenByModerators")}{" "}
        <span className="consulta-user-text" dir="auto">{hiddenReason ?? ""}</span>
      </p>
    );
  }
  if (moderation === "PENDING_REVIEW") return <p className="consulta-hidden-contribution">{t("participation.pendingReview")}</p>;
  return <UserText text={body} />;
}
