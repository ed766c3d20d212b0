import { datasetRoute } from "@/lib/web/dataset-route";

/** GET /api/v1/proposals?format=json|csv: open data (lib/open-data/datasets/proposals.ts), streamed. */
export const dynamic = "force-dynamic";
export const GET = datasetRoute("proposals");
