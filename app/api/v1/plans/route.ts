import { getPrisma } from "@/lib/db/client";
import { listPlans } from "@/lib/plan/list-plans";
import { toPlanListDto } from "@/lib/plan/plan-dto";
import { jsonRoute } from "@/lib/web/api-route";

export const GET = jsonRoute(async () => toPlanListDto(await listPlans(getPrisma())));
