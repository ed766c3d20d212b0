import { formatDateTime, formatTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { localParts } from "@/lib/rounds/local-time";

/** "15 marzo 2027 alle ore 18:00 – 20:00", or both dates in full when it spans days (Rome time). */
export function MeetingTime({ startsAt, endsAt, locale }: { startsAt: Date; endsAt: Date; locale: Locale }) {
  const a = localParts(startsAt);
  const b = localParts(endsAt);
  const sameDay = a.year === b.year && a.month === b.month && a.day === b.day;
  return (
    <>
      <time dateTime={startsAt.toISOString()}>{formatDateTime(startsAt, locale)}</time>
      {" – "}
      <time dateTime={endsAt.toISOString()}>{sameDay ? formatTime(endsAt, locale) : formatDateTime(endsAt, locale)}</time>
    </>
  );
}
