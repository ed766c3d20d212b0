/**
 * The iCalendar feed (RFC 5545) built from the database and parsed back: one VEVENT per round and
 * per meeting, stable UIDs, UTC times, TEXT escaping of \ ; , and newlines, folding at 75 octets
 * without splitting a UTF-8 character, CRLF line ends, cancelled meetings as STATUS:CANCELLED.
 */
import { buildCalendarFeed, escapeText, foldLine } from "@/lib/rounds/build-calendar-feed";
import { scheduleMeeting } from "@/lib/rounds/schedule-meeting";
import { scheduleRound } from "@/lib/rounds/schedule-round";
import { cancelMeeting } from "@/lib/rounds/update-meeting";
import { facilitator, freshPlan } from "../support/scheduling-factory";
import { databaseForThisFile } from "../support/test-database";

jest.setTimeout(120_000);
const db = databaseForThisFile();
const BASE = "https://consulta.example.org";

type Event = Record<string, string>;

/** A small RFC 5545 reader: checks the physical lines, unfolds, splits components, unescapes TEXT. */
function parseCalendar(text: string): { calendar: Event; events: Event[] } {
  expect(text.endsWith("\r\n")).toBe(true);
  const physical = text.slice(0, -2).split("\r\n");
  for (const line of physical) {
    expect(line).not.toMatch(/[\r\n]/);
    expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    // A folded piece still decodes: no UTF-8 sequence was cut.
    expect(new TextDecoder("utf-8", { fatal: true }).decode(new TextEncoder().encode(line))).toBe(line);
  }
  const lines = text.slice(0, -2).replace(/\r\n[ \t]/g, "").split("\r\n");
  const calendar: Event = {};
  const events: Event[] = [];
  let current: Event | null = null;
  for (const line of lines) {
    const colon = line.indexOf(":");
    const name = line.slice(0, colon).split(";")[0]!;
    const value = line.slice(colon + 1);
    if (line === "BEGIN:VEVENT") current = {};
    else if (line === "END:VEVENT") {
      events.push(current!);
      current = null;
    } else if (current) current[name] = value;
    else calendar[name] = value;
  }
  return { calendar, events };
}

const unescape = (value: string) => value.replace(/\\([\\;,nN])/g, (_match, character: string) => (character === "n" || character === "N" ? "\n" : character));

describe("the pieces", () => {
  test("escaping and folding", () => {
    expect(escapeText('a\\b;c,d\r\ne\nf "g"')).toBe('a\\\\b\\;c\\,d\\ne\\nf "g"');
    const long = `DESCRIPTION:${"è".repeat(100)}`;
    const folded = foldLine(long).split("\r\n");
    expect(folded.length).toBeGreaterThan(2);
    expect(folded.slice(1).every((piece) => piece.startsWith(" "))).toBe(true);
    expect(folded.map((piece) => new TextEncoder().encode(piece).length).every((octets) => octets <= 75)).toBe(true);
    expect(folded.map((piece, index) => (index === 0 ? piece : piece.slice(1))).join("")).toBe(long);
    expect(foldLine("SUMMARY:short")).toBe("SUMMARY:short");
  });
});

describe("the feed", () => {
  let plan: { id: string; slug: string };
  let roundId: string;
  let meetingId: string;
  let cancelledId: string;
  const title = 'Bilancio 2031; fase "due", parte \\ finale';
  const description = `Prima riga, con virgola; e punto e virgola.\n\nSeconda: ${"perché àèìòù €".repeat(12)} 🎉 fine`;

  beforeAll(async () => {
    plan = await freshPlan(db.prisma);
    const actor = await facilitator(db.prisma);
    ({ id: roundId } = await scheduleRound(db.prisma, actor, { planId: plan.id, title, description, opensAt: "2031-03-02T09:00", closesAt: "2031-04-15T18:00" }));
    ({ id: meetingId } = await scheduleMeeting(db.prisma, actor, roundId, {
      title: "Assemblea al circolo",
      venue: "Circolo ARCI, sala grande",
      venueKind: "CULTURAL_CLUB",
      address: "Via Pietrasantina 1, Pisa",
      startsAt: "2031-03-10T18:00",
      endsAt: "2031-03-10T20:30",
      registration: "REQUIRED",
    }));
    ({ id: cancelledId } = await scheduleMeeting(db.prisma, actor, roundId, { title: "Incontro a scuola", venue: "Liceo Buonarroti", venueKind: "SCHOOL", startsAt: "2031-03-20T15:00", endsAt: "2031-03-20T17:00" }));
    await cancelMeeting(db.prisma, actor, roundId, cancelledId);
  });

  test("one event per round and meeting, fields parsed back equal to what was stored", async () => {
    const text = await buildCalendarFeed(db.prisma, { locale: "it", baseUrl: `${BASE}/`, planSlug: plan.slug });
    const { calendar, events } = parseCalendar(text);
    expect(calendar).toMatchObject({ BEGIN: "VCALENDAR", VERSION: "2.0", PRODID: expect.stringContaining("Consulta"), END: "VCALENDAR" });
    expect(events).toHaveLength(3);
    const byUid = Object.fromEntries(events.map((event) => [event.UID, event]));

    const round = byUid[`round-${roundId}@consulta`]!;
    const stored = await db.prisma.round.findUniqueOrThrow({ where: { id: roundId } });
    expect(round).toMatchObject({ DTSTART: "20310302T080000Z", DTEND: "20310415T160000Z", STATUS: "CONFIRMED", TRANSP: "TRANSPARENT", URL: `${BASE}/consultazioni/${roundId}` });
    expect(round.DTSTAMP).toBe(stored.updatedAt.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, ""));
    expect(unescape(round.SUMMARY!)).toBe(`Consultazione: ${title}`);
    expect(round.SUMMARY).toContain("\\;");
    expect(round.SUMMARY).toContain("\\\\");
    expect(unescape(round.DESCRIPTION!)).toContain(description);
    expect(round.DESCRIPTION).not.toContain("\n");

    const meeting = byUid[`meeting-${meetingId}@consulta`]!;
    expect(meeting).toMatchObject({ DTSTART: "20310310T170000Z", DTEND: "20310310T193000Z", STATUS: "CONFIRMED", TRANSP: "OPAQUE", URL: `${BASE}/consultazioni/${roundId}/incontri/${meetingId}` });
    expect(meeting.LOCATION).toBe("Circolo ARCI\\, sala grande\\, Via Pietrasantina 1\\, Pisa");
    expect(unescape(meeting.DESCRIPTION!)).toContain("Circolo culturale");
    expect(unescape(meeting.DESCRIPTION!)).toContain("Iscrizione obbligatoria");

    const cancelled = byUid[`meeting-${cancelledId}@consulta`]!;
    expect(cancelled).toMatchObject({ STATUS: "CANCELLED", SUMMARY: "ANNULLATO: Incontro a scuola", LOCATION: "Liceo Buonarroti" });

    // Long lines were really folded (the description is several hundred octets).
    expect(text).toMatch(/\r\n [^\r\n]/);
  });

  test("stable: the same UIDs and stamps on every build; English labels and /en links on request", async () => {
    const first = await buildCalendarFeed(db.prisma, { locale: "it", baseUrl: BASE, planSlug: plan.slug });
    const second = await buildCalendarFeed(db.prisma, { locale: "it", baseUrl: BASE, planSlug: plan.slug });
    expect(second).toBe(first);
    const { events } = parseCalendar(await buildCalendarFeed(db.prisma, { locale: "en", baseUrl: BASE, planSlug: plan.slug }));
    const round = events.find((event) => event.UID === `round-${roundId}@consulta`)!;
    expect(unescape(round.SUMMARY!)).toBe(`Consultation: ${title}`);
    expect(round.URL).toBe(`${BASE}/en/consultazioni/${roundId}`);
    expect(events.find((event) => event.UID === `meeting-${cancelledId}@consulta`)!.SUMMARY).toBe("CANCELLED: Incontro a scuola");
  });

  test("every plan's rounds without a plan; an unknown plan is NOT_FOUND", async () => {
    const other = await freshPlan(db.prisma);
    const { id } = await scheduleRound(db.prisma, await facilitator(db.prisma), { planId: other.id, title: "Altro piano", description: "x", opensAt: "2031-05-01T10:00", closesAt: "2031-05-10T10:00" });
    const all = parseCalendar(await buildCalendarFeed(db.prisma, { locale: "it", baseUrl: BASE })).events.map((event) => event.UID);
    expect(all).toEqual(expect.arrayContaining([`round-${roundId}@consulta`, `round-${id}@consulta`]));
    const one = parseCalendar(await buildCalendarFeed(db.prisma, { locale: "it", baseUrl: BASE, planSlug: other.slug })).events.map((event) => event.UID);
    expect(one).toEqual([`round-${id}@consulta`]);
    await expect(buildCalendarFeed(db.prisma, { locale: "it", baseUrl: BASE, planSlug: "piano-inesistente" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
