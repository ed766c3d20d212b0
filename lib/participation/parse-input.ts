import type { z } from "zod";
import { AppError } from "@/lib/errors/app-error";

/**
 * Parses what a person sent (form, JSON body); a failure is AppError VALIDATION
 * (`<module>.errors.validation`) whose details map each field to its first message key: forms show
 * them next to the field, the API returns them. Unknown fields (strict objects) are reported under
 * their own names with `<module>.errors.unknownField`.
 */
export function parseParticipationInput<S extends z.ZodType>(schema: S, input: unknown, module: "votes" | "comments" | "synthesis" | "decisions" | "accountability"): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const details: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) details[key] ??= `${module}.errors.unknownField`;
      continue;
    }
    details[String(issue.path[0] ?? "form")] ??= issue.message;
  }
  throw new AppError("VALIDATION", `${module}.errors.validation`, {}, details);
}
