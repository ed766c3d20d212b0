import { z } from "zod";

/** GET /api/v1/rounds/<round>/report.pdf?lang=it|en: the report's language (default: from Accept-Language). */
export const reportPdfQuerySchema = z.object({
  lang: z.enum(["it", "en"]).optional(),
});
