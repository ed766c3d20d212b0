import { getPrisma } from "@/lib/db/client";
import { toHttpError } from "@/lib/errors/to-http";
import { exportFileName, exportOwnData } from "@/lib/privacy/export-own-data";
import { applyNoStore } from "@/lib/security/security-headers";
import { apiLocale } from "@/lib/web/api-route";
import { currentActor } from "@/lib/web/auth";

/** GET /api/v1/me/export: the signed-in user's own data as a JSON download (401 when signed out). */
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const now = new Date();
  try {
    const document = await exportOwnData(getPrisma(), await currentActor(), now);
    const headers = applyNoStore(new Headers({
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${exportFileName(now)}"`,
    }));
    return new Response(JSON.stringify(document, null, 2), { status: 200, headers });
  } catch (error) {
    const { status, body, headers } = toHttpError(error, apiLocale(request), { url: request.url });
    return new Response(JSON.stringify(body), { status, headers: applyNoStore(new Headers({ "content-type": "application/json; charset=utf-8", ...headers })) });
  }
}
