import type { Db } from "@/lib/plan/plan-read";
import { type PlanRounds, type RoundSummary, listRounds } from "./list-rounds";
import { localYear } from "./local-time";

/** The plan asks for at least two consultation rounds in every calendar year. */
export const MIN_ROUNDS_PER_YEAR = 2;

export interface CalendarYear {
  year: number;
  rounds: RoundSummary[];
  /** Whether the year has at least MIN_ROUNDS_PER_YEAR rounds. */
  meetsMinimum: boolean;
}

export interface RoundCalendar extends PlanRounds {
  years: CalendarYear[];
  /** The years that fall short, for the facilitators' warning. */
  shortYears: number[];
}

/**
 * Rounds by calendar year (the year each opens in, Rome time), from the first round's year — or
 * this year when there is none — to the later of the last round's year and next year, so that the
 * coming year shows up (and warns) before anything is scheduled in it.
 */
export function groupRoundsByYear(rounds: RoundSummary[], now: Date = new Date()): CalendarYear[] {
  const thisYear = localYear(now);
  const yearOf = (round: RoundSummary) => localYear(round.opensAt);
  const first = rounds.length > 0 ? Math.min(...rounds.map(yearOf)) : thisYear;
  const last = Math.max(thisYear + 1, ...rounds.map(yearOf));
  const years: CalendarYear[] = [];
  for (let year = first; year <= last; year++) {
    const inYear = rounds.filter((round) => yearOf(round) === year);
    years.push({ year, rounds: inYear, meetsMinimum: inYear.length >= MIN_ROUNDS_PER_YEAR });
  }
  return years;
}

/** The plan's calendar (public; the page shows the warning to facilitators and admins). */
export async function getRoundCalendar(db: Db, options: { planId?: string } = {}, now: Date = new Date()): Promise<RoundCalendar> {
  const listed = await listRounds(db, options, now);
  const years = groupRoundsByYear(listed.rounds, now);
  return { ...listed, years, shortYears: years.filter((year) => !year.meetsMinimum).map((year) => year.year) };
}
