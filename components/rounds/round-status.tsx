import type { RoundStatus } from "@/lib/db/generated/enums";
import type { Translate } from "@/lib/i18n/translate";

const badgeClass: Record<RoundStatus, string> = {
  SCHEDULED: "bg-secondary",
  OPEN: "bg-success",
  CLOSED: "bg-dark",
  SYNTHESIS: "bg-primary",
  PUBLISHED: "bg-primary",
};

/** A round's status as a badge; the text says it (colour is only a reminder). */
export function RoundStatusBadge({ status, t }: { status: RoundStatus; t: Translate }) {
  return <span className={`badge ${badgeClass[status]}`}>{t(`rounds.status.${status}`)}</span>;
}
