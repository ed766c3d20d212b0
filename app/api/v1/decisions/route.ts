import { datasetRoute } from "@/lib/web/dataset-route";

/** GET /api/v1/decisions?format=json|csv: open data (lib/open-data/datasets/decisions.ts), streamed. */
export const dynamic = "force-dynamic";
export const GET = datasetRoute("decisions");
