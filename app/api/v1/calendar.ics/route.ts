import { getPrisma } from "@/lib/db/client";
import { buildCalendarFeed } from "@/lib/rounds/build-calendar-feed";
import { calendarFeedQuerySchema } from "@/lib/rounds/rounds.schemas";
import { errorResponse, parseOrThrow } from "@/lib/web/api-route";
import { publicBaseUrl } from "@/lib/web/auth";

/** GET /api/v1/calendar.ics[?lang=en][&plan=<slug>]: rounds and meetings as an iCalendar feed (RFC 5545). */
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    const searchParams = Object.fromEntries(new URL(request.url).searchParams);
    const query = parseOrThrow(calendarFeedQuerySchema, searchParams, "calendar.errors.invalidQuery", String(searchParams.plan ?? searchParams.lang ?? ""));
    const body = await buildCalendarFeed(getPrisma(), { locale: query.lang, planSlug: query.plan, baseUrl: await publicBaseUrl() });
    return new Response(body, {
      status: 200,
      headers: {
        "content-type": "text/calendar; charset=utf-8",
        "content-disposition": `attachment; filename="${query.lang === "en" ? "consultations" : "consultazioni"}.ics"`,
        // Calendar apps poll; a few minutes of caching spare the database without hiding a change for long.
        "cache-control": "public, max-age=300",
      },
    });
  } catch (error) {
    return errorResponse(error, request);
  }
}
