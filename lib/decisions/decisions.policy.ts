import { type Actor, requireRole } from "@/lib/auth/session";

/**
 * Who answers the plan's questions: officials (and administrators) record decisions, edit the lists of
 * funding sources and departments, and write progress updates. Refuses anonymous callers
 * (UNAUTHENTICATED), everyone else and live guests (FORBIDDEN).
 */
export const DECIDERS = ["OFFICIAL", "ADMIN"] as const;

export function requireDecider(actor: Actor | null): Actor {
  return requireRole(actor, ...DECIDERS);
}
