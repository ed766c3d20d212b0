import { budgetTotalsDataset } from "./datasets/budget-totals";
import { decisionsDataset } from "./datasets/decisions";
import { proposalsDataset } from "./datasets/proposals";
import { resultsDataset } from "./datasets/results";
import { revisionsDataset } from "./datasets/revisions";
import { roundsDataset } from "./datasets/rounds";
import type { Dataset } from "./dataset";

/** Every open dataset, in the order the catalogue and the OpenAPI document list them. */
export const openDatasets = [revisionsDataset, roundsDataset, resultsDataset, proposalsDataset, decisionsDataset, budgetTotalsDataset] as const satisfies readonly Dataset[];

export type DatasetName = (typeof openDatasets)[number]["name"];
export const datasetNames = openDatasets.map((dataset) => dataset.name);

export function findDataset(name: string): Dataset | undefined {
  return (openDatasets as readonly Dataset[]).find((dataset) => dataset.name === name);
}
