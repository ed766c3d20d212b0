/**
 * The "Data:" decision field: people write a date, a range, a month, a year or
 * a duration. The text is always kept as written; start and end calendar dates
 * (ISO "YYYY-MM-DD") are derived only when the reading is unambiguous:
 *
 *   01/03/2008 - 31/12/2009, dal 1/3/2008 al 31/12/2009  → both ends
 *   2008-2010, 2008/2010                                  → 2008-01-01 … 2010-12-31
 *   marzo 2008, 03/2008                                   → that month
 *   2008                                                  → that year
 *   01/03/2008, dal 01/03/2008, dal 2008                  → start only (a bare day reads as the start)
 *   entro il 31/12/2009, fino a giugno 2009               → end only
 *   24 mesi, annuale, two dates joined by other words      → no dates
 *
 * A token that looks like a date but is not a real one (31/02/2008, 13/2008,
 * two-digit years) and a range ending before it starts are errors.
 */

export type TimingDates = { startsOn: string | null; endsOn: string | null };

export class InvalidTimingError extends Error {
  constructor(
    readonly input: string,
    readonly reason: "invalidDate" | "reversedRange",
  ) {
    super(`Invalid timing (${reason}): ${JSON.stringify(input)}`);
    this.name = "InvalidTimingError";
  }
}

const monthNames = [
  "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno",
  "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre",
];
const monthPattern = monthNames.join("|");

// Alternatives in priority order; (?<!\d)/(?!\d) keep them from matching inside longer numbers.
const tokenPattern = new RegExp(
  [
    String.raw`(?<iso>(?<!\d)\d{4}-\d{1,2}-\d{1,2}(?!\d))`,
    String.raw`(?<dmy>(?<!\d)\d{1,2}[/.]\d{1,2}[/.]\d{2,4}(?!\d))`,
    String.raw`(?<dayName>(?<!\d)\d{1,2}°?\s+(?:${monthPattern})\s+\d{4}(?!\d))`,
    String.raw`(?<monthName>\b(?:${monthPattern})\s+\d{4}(?!\d))`,
    String.raw`(?<my>(?<!\d)\d{1,2}[/.-]\d{4}(?!\d))`,
    String.raw`(?<year>(?<!\d)(?:19|20|21)\d{2}(?!\d))`,
  ].join("|"),
  "giu",
);

const startWords = /(?:^|\s)(?:dal|dall['’]|da|a partire da(?:l|ll['’])?|dopo(?: il)?)\s*$/iu;
const endWords = /(?:^|\s)(?:entro(?: il| l['’])?|fino a(?:l|ll['’])?|al|all['’]|prima del)\s*$/iu;
const rangeJoiners = /^\s*(?:-|–|—|\/|al|all['’]|a|fino a(?:l|ll['’])?)\s*$/iu;

type Period = { from: string; to: string; kind: "day" | "month" | "year" };
type Token = { period: Period; index: number; end: number };

/** Derives start/end dates from a "Data:" text; throws InvalidTimingError for impossible dates. */
export function parseTiming(text: string): TimingDates {
  const tokens = findTokens(text);
  const [first, second] = tokens;
  if (first === undefined || tokens.length > 2) return { startsOn: null, endsOn: null };
  if (second !== undefined) return rangeDates(text, first, second);
  return singleDates(text, first);
}

function findTokens(text: string): Token[] {
  return [...text.matchAll(tokenPattern)].map((match) => ({
    period: toPeriod(match.groups ?? {}, text),
    index: match.index,
    end: match.index + match[0].length,
  }));
}

function rangeDates(text: string, first: Token, second: Token): TimingDates {
  if (!rangeJoiners.test(text.slice(first.end, second.index))) return { startsOn: null, endsOn: null };
  if (second.period.to < first.period.from) throw new InvalidTimingError(text, "reversedRange");
  return { startsOn: first.period.from, endsOn: second.period.to };
}

function singleDates(text: string, token: Token): TimingDates {
  const before = text.slice(0, token.index);
  if (endWords.test(before)) return { startsOn: null, endsOn: token.period.to };
  if (startWords.test(before) || token.period.kind === "day") return { startsOn: token.period.from, endsOn: null };
  return { startsOn: token.period.from, endsOn: token.period.to };
}

function toPeriod(groups: Record<string, string | undefined>, text: string): Period {
  const numbers = (value: string) => (value.match(/\d+/g) ?? []).map(Number);
  if (groups.iso) {
    const [year, month, day] = numbers(groups.iso);
    return dayPeriod(year, month, day, text);
  }
  if (groups.dmy) {
    const [day, month, year] = numbers(groups.dmy);
    return dayPeriod(year, month, day, text);
  }
  if (groups.dayName) {
    const [day, year] = numbers(groups.dayName);
    return dayPeriod(year, monthIndex(groups.dayName), day, text);
  }
  if (groups.monthName) {
    const [year] = numbers(groups.monthName);
    return monthPeriod(year, monthIndex(groups.monthName), text);
  }
  if (groups.my) {
    const [month, year] = numbers(groups.my);
    return monthPeriod(year, month, text);
  }
  const [year] = numbers(groups.year ?? "");
  return { from: isoDate(year, 1, 1, text), to: isoDate(year, 12, 31, text), kind: "year" };
}

function monthIndex(value: string): number {
  const name = value.toLowerCase().match(new RegExp(monthPattern, "u"))?.[0] ?? "";
  return monthNames.indexOf(name) + 1;
}

function dayPeriod(year: number | undefined, month: number | undefined, day: number | undefined, text: string): Period {
  const date = isoDate(year, month, day, text);
  return { from: date, to: date, kind: "day" };
}

function monthPeriod(year: number | undefined, month: number | undefined, text: string): Period {
  const from = isoDate(year, month, 1, text);
  const lastDay = month === undefined || year === undefined ? 0 : new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { from, to: isoDate(year, month, lastDay, text), kind: "month" };
}

/** Validates a calendar date (four-digit year, real day) and formats it as YYYY-MM-DD. */
function isoDate(year: number | undefined, month: number | undefined, day: number | undefined, text: string): string {
  if (year === undefined || month === undefined || day === undefined || year < 1900 || year > 2199) {
    throw new InvalidTimingError(text, "invalidDate");
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new InvalidTimingError(text, "invalidDate");
  }
  return date.toISOString().slice(0, 10);
}
