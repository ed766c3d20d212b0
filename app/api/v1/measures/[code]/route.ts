import { getPrisma } from "@/lib/db/client";
import { findMainPlan } from "@/lib/plan/find-main-plan";
import { getMeasure } from "@/lib/plan/get-measure";
import { toMeasureDetailDto } from "@/lib/plan/plan-dto";
import { measureCodeSchema, measureQuerySchema } from "@/lib/plan/plan.schemas";
import { jsonRoute, parseOrThrow } from "@/lib/web/api-route";

export const GET = jsonRoute(async (request, { params }: { params: Promise<{ code: string }> }) => {
  const { code } = await params;
  const measureCode = parseOrThrow(measureCodeSchema, code, "errors.invalidMeasureCode", code);
  const searchParams = Object.fromEntries(new URL(request.url).searchParams);
  const query = parseOrThrow(measureQuerySchema, searchParams, "errors.invalidId", String(searchParams.plan ?? ""));
  const db = getPrisma();
  const planRef = query.plan ? { slug: query.plan } : await findMainPlan(db);
  return toMeasureDetailDto(await getMeasure(db, planRef, measureCode));
});
