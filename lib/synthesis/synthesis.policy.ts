import { type Actor, requireRole } from "@/lib/auth/session";

/**
 * Who may see and who may change the synthesis of a round. Viewers read the dashboard, the triage
 * lists and the draft workbench (officials review the feedback); editors draft, triage and publish.
 * Both refuse anonymous callers (UNAUTHENTICATED), everyone else and live guests (FORBIDDEN).
 */
export const SYNTHESIS_VIEWERS = ["FACILITATOR", "ADMIN", "OFFICIAL"] as const;
export const SYNTHESIS_EDITORS = ["FACILITATOR", "ADMIN"] as const;

export function requireSynthesisViewer(actor: Actor | null): Actor {
  return requireRole(actor, ...SYNTHESIS_VIEWERS);
}

export function requireSynthesisEditor(actor: Actor | null): Actor {
  return requireRole(actor, ...SYNTHESIS_EDITORS);
}
