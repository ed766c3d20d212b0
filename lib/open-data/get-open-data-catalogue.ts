import { z } from "zod";
import type { PrismaClient } from "@/lib/db/client";
import { closedStatuses } from "@/lib/participation/get-vote-results";
import { effectiveRoundStatus } from "@/lib/rounds/round-window";
import { openDatasets } from "./catalogue";

export type FieldType = "text" | "integer" | "boolean" | "date" | "datetime" | "uuid" | "enum";

export interface CatalogueField {
  name: string;
  type: FieldType;
  nullable: boolean;
  /** The allowed values of an enum field. */
  values: string[] | null;
  /** English description from the row schema (the page shows the translated one). */
  description: string;
}

export interface CatalogueDataset {
  name: string;
  filters: ReadonlyArray<{ name: "plan" | "round"; required: boolean }>;
  fields: CatalogueField[];
}

export interface OpenDataCatalogue {
  datasets: CatalogueDataset[];
  /** A round to show the results link with: the latest closed one (its categories are public), else the latest. */
  exampleRound: { id: string; title: string } | null;
}

type JsonSchema = { type?: string; format?: string; enum?: string[]; const?: string; anyOf?: JsonSchema[]; description?: string };

function fieldType(schema: JsonSchema): FieldType {
  if (schema.enum) return "enum";
  if (schema.type === "integer") return "integer";
  if (schema.type === "boolean") return "boolean";
  if (schema.format === "date") return "date";
  if (schema.format === "date-time") return "datetime";
  if (schema.format === "uuid") return "uuid";
  return "text";
}

/** The fields of a row schema, from its JSON Schema (the same one the OpenAPI document publishes). */
export function describeFields(row: z.ZodObject): CatalogueField[] {
  const json = z.toJSONSchema(row, { target: "draft-2020-12", io: "output" }) as { properties: Record<string, JsonSchema> };
  return Object.entries(json.properties).map(([name, property]) => {
    const variants = property.anyOf ?? [property];
    const value = variants.find((variant) => variant.type !== "null") ?? property;
    return {
      name,
      type: fieldType(value),
      nullable: variants.some((variant) => variant.type === "null"),
      values: value.enum ?? null,
      description: property.description ?? value.description ?? "",
    };
  });
}

/** The catalogue of open datasets (public): each with its filters and fields. */
export async function getOpenDataCatalogue(db: PrismaClient, now: Date = new Date()): Promise<OpenDataCatalogue> {
  const rounds = await db.round.findMany({ orderBy: [{ closesAt: "desc" }, { id: "desc" }], take: 20, select: { id: true, title: true, status: true, opensAt: true, closesAt: true } });
  const example = rounds.find((round) => closedStatuses.includes(effectiveRoundStatus(round, now))) ?? rounds[0];
  return {
    datasets: openDatasets.map((dataset) => ({ name: dataset.name, filters: dataset.filters, fields: describeFields(dataset.row) })),
    exampleRound: example ? { id: example.id, title: example.title } : null,
  };
}
