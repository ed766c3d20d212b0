/** Calendar dates (decision fields' start and end) are stored as midnight UTC of that day. */
export const calendarDate = (isoDate: string | null): Date | null => (isoDate === null ? null : new Date(`${isoDate}T00:00:00.000Z`));

/** A stored calendar date as YYYY-MM-DD. */
export const isoDate = (date: Date | null): string | null => (date === null ? null : date.toISOString().slice(0, 10));
