import type { Actor } from "@/lib/auth/session";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { ROUND_MANAGERS } from "@/lib/rounds/schedule-round";

/**
 * Who runs a live session (console, projector, every host command): the people who manage rounds
 * and meetings — facilitators and admins. Anyone signed in may join as a participant; whether they
 * may vote is castVote's rule (stakeholders with a profile while the round is open).
 */
export function isLiveHost(actor: Actor | null): boolean {
  return actor !== null && (ROUND_MANAGERS as readonly string[]).includes(actor.role);
}

/** The host, or UNAUTHENTICATED (signed out) / FORBIDDEN (anyone else). */
export function requireLiveHost(actor: Actor | null): Actor {
  const user = requireUser(actor);
  if (!isLiveHost(user)) throw new AppError("FORBIDDEN", "live.errors.hostsOnly");
  return user;
}
