import type { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { toHttpError } from "@/lib/errors/to-http";
import { assertSameOrigin } from "@/lib/security/origin-check";
import { type Locale, defaultLocale } from "@/lib/i18n/locales";

/** API messages follow Accept-Language (Italian unless English is preferred over it). */
export function apiLocale(request: Request): Locale {
  const header = request.headers.get("accept-language") ?? "";
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag = "", ...options] = part.trim().toLowerCase().split(";");
      const q = Number(options.find((option) => option.trim().startsWith("q="))?.trim().slice(2) ?? "1");
      return { language: tag.split("-")[0], q: Number.isFinite(q) ? q : 0 };
    })
    .filter((entry) => entry.language === "it" || entry.language === "en")
    .sort((a, b) => b.q - a.q);
  return (ranked[0]?.language as Locale | undefined) ?? defaultLocale;
}

export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, messageKey: string, displayValue: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError("VALIDATION", messageKey, { value: displayValue.slice(0, 80) }, parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })));
  return parsed.data;
}

const jsonHeaders = { "content-type": "application/json; charset=utf-8" };

/** The JSON error answer of an API route: AppErrors typed and translated, anything else a logged 500. */
export function errorResponse(error: unknown, request: Request): Response {
  const { status, body, headers } = toHttpError(error, apiLocale(request), { url: request.url });
  return new Response(JSON.stringify(body), { status, headers: { ...jsonHeaders, "cache-control": "no-store", ...headers } });
}

/** Wraps a JSON route handler: AppErrors become typed JSON errors, anything else a logged 500. */
export function jsonRoute<Ctx>(handler: (request: Request, context: Ctx) => Promise<unknown>) {
  return async (request: Request, context: Ctx): Promise<Response> => {
    try {
      const body = await handler(request, context);
      return new Response(JSON.stringify(body), { status: 200, headers: { ...jsonHeaders, "cache-control": "public, max-age=0, must-revalidate" } });
    } catch (error) {
      return errorResponse(error, request);
    }
  };
}

/**
 * jsonRoute for POST/PUT/PATCH/DELETE handlers: the Origin check (lib/security/origin-check.ts)
 * runs first, so a cross-site form or fetch is refused before the handler sees the request.
 */
export function mutationRoute<Ctx>(handler: (request: Request, context: Ctx) => Promise<unknown>) {
  return jsonRoute<Ctx>(async (request, context) => {
    assertSameOrigin(request);
    return handler(request, context);
  });
}
