import type { ModerationState, ProposalKind, ProposalStatus } from "@/lib/db/generated/enums";
import type { Translate } from "@/lib/i18n/translate";

/** Status colours with enough contrast for text on them (WCAG AA). */
const statusClass: Record<ProposalStatus, string> = {
  OPEN: "bg-primary",
  ACCEPTED: "bg-success",
  PARTLY_ACCEPTED: "bg-success",
  REJECTED: "bg-danger",
  MERGED: "bg-dark",
  WITHDRAWN: "bg-dark",
};

export function ProposalStatusBadge({ status, t }: { status: ProposalStatus; t: Translate }) {
  return <span className={`badge ${statusClass[status]} me-2`}>{t(`proposals.status.${status}`)}</span>;
}

export function ProposalKindBadge({ kind, t }: { kind: ProposalKind; t: Translate }) {
  return <span className="badge bg-light text-dark border me-2">{t(`proposals.kind.${kind}`)}</span>;
}

/** A proposal's title, which its author wrote; a hidden or pending proposal shows no title. */
export function ProposalTitle({ title, moderation, t }: { title: string; moderation: ModerationState; t: Translate }) {
  if (moderation !== "VISIBLE") return <>{t("proposals.hiddenTitle")}</>;
  return <span className="consulta-user-text" dir="auto">{title}</span>;
}
