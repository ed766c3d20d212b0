import type { RoundStatus } from "@/lib/db/generated/enums";

/**
 * A round's status as of a given instant. The stored status moves with the scheduler (and with the
 * facilitators' buttons), which may run a little late: between its opening and closing time a
 * scheduled round already counts as open, and past its closing time an open one counts as closed.
 * Everything that accepts or shows contributions goes by this, on the server's clock.
 */
export interface RoundTimes {
  status: RoundStatus;
  opensAt: Date;
  closesAt: Date;
}

export function effectiveRoundStatus(round: RoundTimes, now: Date = new Date()): RoundStatus {
  if (round.status === "SCHEDULED" || round.status === "OPEN") {
    if (now >= round.closesAt) return "CLOSED";
    if (now >= round.opensAt) return "OPEN";
    return "SCHEDULED";
  }
  return round.status;
}

export function acceptsContributions(round: RoundTimes, now: Date = new Date()): boolean {
  return effectiveRoundStatus(round, now) === "OPEN";
}
