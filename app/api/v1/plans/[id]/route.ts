import { getPrisma } from "@/lib/db/client";
import { getPlan } from "@/lib/plan/get-plan";
import { toPlanDto } from "@/lib/plan/plan-dto";
import { planIdSchema } from "@/lib/plan/plan.schemas";
import { jsonRoute, parseOrThrow } from "@/lib/web/api-route";

export const GET = jsonRoute(async (_request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const planId = parseOrThrow(planIdSchema, id, "errors.invalidId", id);
  return toPlanDto(await getPlan(getPrisma(), { id: planId }));
});
