import { Readable } from "node:stream";
import { getPrisma } from "@/lib/db/client";
import { renderRoundReportPdf } from "@/lib/reports/render-round-report-pdf";
import { reportPdfQuerySchema } from "@/lib/reports/reports.schemas";
import { apiLocale, errorResponse, parseOrThrow } from "@/lib/web/api-route";

/**
 * GET /api/v1/rounds/<round>/report.pdf[?lang=it|en]: the round's summary report as an accessible PDF
 * (language from `lang`, else Accept-Language). 404 JSON until the revision drafted from the round is published.
 */
export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ roundId: string }> }): Promise<Response> {
  try {
    const { roundId } = await params;
    const searchParams = Object.fromEntries(new URL(request.url).searchParams);
    const query = parseOrThrow(reportPdfQuerySchema, searchParams, "reports.errors.invalidQuery", String(searchParams.lang ?? ""));
    const pdf = await renderRoundReportPdf(getPrisma(), roundId, query.lang ?? apiLocale(request));
    return new Response(Readable.toWeb(pdf.stream) as ReadableStream<Uint8Array>, {
      status: 200,
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="${pdf.fileName}"`,
        "cache-control": "public, max-age=0, must-revalidate",
        vary: "Accept-Language",
      },
    });
  } catch (error) {
    return errorResponse(error, request);
  }
}
