import type { Locale } from "@/lib/i18n/locales";
import { createTranslator } from "@/lib/i18n/translate";
import { AppError } from "@/lib/errors/app-error";
import type { Db } from "@/lib/plan/plan-read";

/**
 * The public calendar (RFC 5545) of rounds and meetings, for calendar apps to subscribe to:
 * one VEVENT per round (opening → closing) and per meeting (with its LOCATION). UIDs are stable
 * (round-<id>@consulta, meeting-<id>@consulta), so a changed round updates the same event;
 * cancelled meetings stay as STATUS:CANCELLED so subscribed calendars drop them. Times in UTC;
 * text escaped (\ ; , newline), lines folded at 75 octets, CRLF line ends.
 */
export interface CalendarFeedOptions {
  locale: Locale;
  /** The public address the event links point to, e.g. https://consulta.example.org */
  baseUrl: string;
  /** One plan's rounds (by slug), or every plan's. */
  planSlug?: string;
}

export interface CalendarEvent {
  uid: string;
  /** When the event last changed (DTSTAMP and LAST-MODIFIED). */
  stamp: Date;
  created: Date;
  start: Date;
  end: Date;
  summary: string;
  description: string;
  location?: string;
  url: string;
  status: "CONFIRMED" | "CANCELLED";
  /** Rounds last weeks and do not make anyone busy; meetings do. */
  transparent: boolean;
}

const CRLF = "\r\n";
const encoder = new TextEncoder();

/** TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, newline. */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, "")
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\n/g, "\\n");
}

/** Folds a content line at 75 octets (§3.1): continuation lines start with one space; UTF-8 sequences stay whole. */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  let limit = 75;
  for (const character of line) {
    const size = encoder.encode(character).length;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
      limit = 74; // the leading space counts
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** 20270315T170000Z */
export function formatUtc(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
}

export function renderCalendar(events: CalendarEvent[], { name, description }: { name: string; description: string }): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Consulta//Consultation calendar//EN",
    "CALSCALE:GREGORIAN",
    `X-WR-CALNAME:${escapeText(name)}`,
    `X-WR-CALDESC:${escapeText(description)}`,
    `NAME:${escapeText(name)}`,
    "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
    "X-PUBLISHED-TTL:PT1H",
  ];
  for (const event of events) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${event.uid}`,
      `DTSTAMP:${formatUtc(event.stamp)}`,
      `CREATED:${formatUtc(event.created)}`,
      `LAST-MODIFIED:${formatUtc(event.stamp)}`,
      `DTSTART:${formatUtc(event.start)}`,
      `DTEND:${formatUtc(event.end)}`,
      `SUMMARY:${escapeText(event.summary)}`,
      `DESCRIPTION:${escapeText(event.description)}`,
      ...(event.location ? [`LOCATION:${escapeText(event.location)}`] : []),
      `URL:${event.url}`,
      `STATUS:${event.status}`,
      `TRANSP:${event.transparent ? "TRANSPARENT" : "OPAQUE"}`,
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** The feed of every round and meeting (of one plan, when asked). Public. */
export async function buildCalendarFeed(db: Db, options: CalendarFeedOptions): Promise<string> {
  const t = createTranslator(options.locale);
  let planId: string | undefined;
  if (options.planSlug) {
    const plan = await db.plan.findUnique({ where: { slug: options.planSlug }, select: { id: true } });
    if (!plan) throw new AppError("NOT_FOUND", "rounds.errors.planNotFound");
    planId = plan.id;
  }
  const rounds = await db.round.findMany({
    where: planId ? { planId } : {},
    orderBy: [{ opensAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      description: true,
      opensAt: true,
      closesAt: true,
      createdAt: true,
      updatedAt: true,
      plan: { select: { title: true } },
      meetings: {
        orderBy: [{ startsAt: "asc" }, { id: "asc" }],
        select: { id: true, title: true, venue: true, venueKind: true, address: true, startsAt: true, endsAt: true, registration: true, cancelledAt: true, createdAt: true, updatedAt: true },
      },
    },
  });
  const base = options.baseUrl.replace(/\/+$/, "");
  const link = (path: string) => `${base}${options.locale === "en" ? `/en${path}` : path}`;
  const events: CalendarEvent[] = [];
  for (const round of rounds) {
    const roundUrl = link(`/consultazioni/${round.id}`);
    events.push({
      uid: `round-${round.id}@consulta`,
      stamp: round.updatedAt,
      created: round.createdAt,
      start: round.opensAt,
      end: round.closesAt,
      summary: t("calendar.roundSummary", { title: round.title }),
      description: [round.description, t("calendar.roundPlan", { plan: round.plan.title }), roundUrl].filter(Boolean).join("\n\n"),
      url: roundUrl,
      status: "CONFIRMED",
      transparent: true,
    });
    for (const meeting of round.meetings) {
      const meetingUrl = link(`/consultazioni/${round.id}/incontri/${meeting.id}`);
      const registration = meeting.registration === "NONE" ? null : t(`meetings.registration.${meeting.registration}`);
      events.push({
        uid: `meeting-${meeting.id}@consulta`,
        // A cancellation changes the event too.
        stamp: meeting.cancelledAt && meeting.cancelledAt > meeting.updatedAt ? meeting.cancelledAt : meeting.updatedAt,
        created: meeting.createdAt,
        start: meeting.startsAt,
        end: meeting.endsAt,
        summary: meeting.cancelledAt ? t("calendar.cancelledSummary", { title: meeting.title }) : meeting.title,
        description: [
          t("calendar.meetingOf", { round: round.title }),
          t(`meetings.venueKinds.${meeting.venueKind}`),
          registration,
          meetingUrl,
        ].filter(Boolean).join("\n\n"),
        location: [meeting.venue, meeting.address].filter(Boolean).join(", "),
        url: meetingUrl,
        status: meeting.cancelledAt ? "CANCELLED" : "CONFIRMED",
        transparent: false,
      });
    }
  }
  return renderCalendar(events, { name: t("calendar.name"), description: t("calendar.description") });
}
