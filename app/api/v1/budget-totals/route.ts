import { datasetRoute } from "@/lib/web/dataset-route";

/** GET /api/v1/budget-totals?format=json|csv: open data (lib/open-data/datasets/budget-totals.ts), streamed. */
export const dynamic = "force-dynamic";
export const GET = datasetRoute("budget-totals");
