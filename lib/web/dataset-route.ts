import { getPrisma } from "@/lib/db/client";
import { exportDataset } from "@/lib/open-data/export-dataset";
import { errorResponse } from "@/lib/web/api-route";

/**
 * GET handler of an open dataset (/api/v1/<dataset>?format=json|csv&…): the export streams as the
 * client reads it; bad filters → 400 JSON, unknown plan or round → 404 JSON (before any byte is sent).
 */
export function datasetRoute(name: string) {
  return async function GET(request: Request): Promise<Response> {
    try {
      const query = Object.fromEntries(new URL(request.url).searchParams);
      const data = await exportDataset(getPrisma(), name, query);
      return new Response(data.body, {
        status: 200,
        headers: {
          "content-type": data.contentType,
          "content-disposition": `${data.format === "csv" ? "attachment" : "inline"}; filename="${data.filename}"`,
          // Open data changes slowly; a minute of caching spares the database.
          "cache-control": "public, max-age=60",
          "x-content-type-options": "nosniff",
        },
      });
    } catch (error) {
      return errorResponse(error, request);
    }
  };
}
