import { getPrisma } from "@/lib/db/client";
import { checkDatabase } from "@/lib/db/check-database";

export const dynamic = "force-dynamic";

/**
 * Liveness. server.ts answers /api/health itself, before Next (lib/operations/http-runtime.ts),
 * from its database monitor; this route only runs under a bare `next start`. Same contract: 200
 * while the process serves, with the database's state — never a 503 for a database outage (an
 * orchestrator must not restart the app for it; /api/ready is what takes it out of rotation).
 */
export async function GET() {
  const up = await checkDatabase(getPrisma());
  return Response.json({ status: "ok", database: up ? "up" : "down" }, { status: 200, headers: { "cache-control": "no-store" } });
}
