import { getPrisma } from "@/lib/db/client";
import { checkDatabase } from "@/lib/db/check-database";

export const dynamic = "force-dynamic";

export async function GET() {
  const up = await checkDatabase(getPrisma());
  return Response.json({ status: up ? "ok" : "unavailable", database: up ? "up" : "down" }, { status: up ? 200 : 503, headers: { "cache-control": "no-store" } });
}
