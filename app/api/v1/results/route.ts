import { datasetRoute } from "@/lib/web/dataset-route";

/** GET /api/v1/results?format=json|csv: open data (lib/open-data/datasets/results.ts), streamed. */
export const dynamic = "force-dynamic";
export const GET = datasetRoute("results");
