/**
 * The authority's wall clock. Facilitators enter dates as local Europe/Rome date-times (the
 * datetime-local inputs of the forms); the database stores instants. Pure functions on Intl, no
 * time-zone library: the offset at an instant comes from Intl.DateTimeFormat.
 */
export const AUTHORITY_TIME_ZONE = "Europe/Rome";

const partsFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: AUTHORITY_TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock reading in Rome at an instant. */
export function localParts(instant: Date): LocalParts {
  const parts = partsFormat.formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value ?? "0");
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour") % 24, minute: get("minute"), second: get("second") };
}

/** Rome's offset from UTC at an instant, in milliseconds (+1 h in winter, +2 h in summer). */
function offsetAt(ms: number): number {
  const whole = Math.floor(ms / 1000) * 1000;
  const p = localParts(new Date(whole));
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - whole;
}

/**
 * The instant a Rome wall-clock time names. A time skipped by the spring change (02:30 on the last
 * Sunday of March) moves an hour later; a repeated autumn time takes its first occurrence.
 */
export function instantFromLocal(parts: Omit<LocalParts, "second"> & { second?: number }): Date {
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second ?? 0);
  const day = 86_400_000;
  // Offsets change at most once a day: the ones a day before and after are the candidates.
  const before = offsetAt(asUtc - day);
  const after = offsetAt(asUtc + day);
  const valid = [asUtc - before, asUtc - after].filter((instant) => offsetAt(instant) === asUtc - instant);
  // In the spring gap no reading is valid: the offset from before the change lands an hour later.
  return new Date(valid.length > 0 ? Math.min(...valid) : asUtc - before);
}

const localPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const absolutePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * A date-time from a form or request: "2027-03-15T18:00" (Rome wall clock, as datetime-local
 * inputs send it) or an ISO 8601 instant with offset. Null when it is neither, or not a real date.
 */
export function parseDateTimeInput(value: string): Date | null {
  const text = value.trim();
  if (absolutePattern.test(text)) {
    const date = new Date(text);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  const match = localPattern.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? "0")) as [number, number, number, number, number, number];
  if (year < 2000 || year > 2200 || month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return null;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return instantFromLocal({ year, month, day, hour, minute, second });
}

const pad = (value: number, length = 2) => String(value).padStart(length, "0");

/** The value a datetime-local input shows for an instant: "2027-03-15T18:00", Rome time. */
export function toLocalInputValue(instant: Date): string {
  const p = localParts(instant);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** The calendar year an instant falls in, in Rome. */
export function localYear(instant: Date): number {
  return localParts(instant).year;
}
