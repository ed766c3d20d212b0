import { datasetRoute } from "@/lib/web/dataset-route";

/** GET /api/v1/revisions?format=json|csv: open data (lib/open-data/datasets/revisions.ts), streamed. */
export const dynamic = "force-dynamic";
export const GET = datasetRoute("revisions");
