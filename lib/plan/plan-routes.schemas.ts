import { z } from "zod";

/** Route and query parameters of the plan's public pages and API, shared by proxy, pages and handlers. */
export const planSlugSchema = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

export const planIdSchema = z.uuid();

export const measureCodeSchema = z
  .string()
  .max(9)
  .regex(/^[1-9]\d{0,2}\.[1-9]\d{0,3}$/);

export const revisionNumberSchema = z.coerce.number().int().min(1).max(100_000);

export const planPageSearchSchema = z.object({ revisione: revisionNumberSchema.optional() });

export const measureQuerySchema = z.object({ plan: planSlugSchema.optional() });
