import type { ImplementationStatus } from "@/lib/db/generated/enums";
import type { Translate } from "@/lib/i18n/translate";

/** Status colours with enough contrast for the text on them (WCAG AA); the status is also written. */
const statusClass: Record<ImplementationStatus, string> = {
  TO_BE_DECIDED: "bg-light text-dark border",
  DECIDED: "bg-primary",
  IN_PROGRESS: "bg-dark",
  DONE: "bg-success",
  DROPPED: "bg-danger",
};

export function ImplementationStatusBadge({ status, t }: { status: ImplementationStatus; t: Translate }) {
  return <span className={`badge ${statusClass[status]}`}>{t(`accountability.status.${status}`)}</span>;
}
