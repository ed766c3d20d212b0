import { datasetRoute } from "@/lib/web/dataset-route";

/** GET /api/v1/rounds?format=json|csv: open data (lib/open-data/datasets/rounds.ts), streamed. */
export const dynamic = "force-dynamic";
export const GET = datasetRoute("rounds");
