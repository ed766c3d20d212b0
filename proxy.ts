import { type NextRequest, NextResponse } from "next/server";
import { measureCodeSchema, planPageSearchSchema, planSlugSchema } from "@/lib/plan/plan-routes.schemas";
import { localeHeader, pathHeader } from "@/lib/web/localized-path";

/**
 * Locale routing: Italian at the root (rewritten to /it/...), English under /en/...;
 * /it/... redirects to the root so each page has one address. It also rejects
 * malformed page parameters with a 400 page, which a page itself cannot answer.
 */
export function proxy(request: NextRequest) {
  const { pathname, search, searchParams } = request.nextUrl;

  if (pathname === "/it" || pathname.startsWith("/it/")) {
    const url = request.nextUrl.clone();
    url.pathname = pathname.slice(3) || "/";
    return NextResponse.redirect(url, 308);
  }

  const isEnglish = pathname === "/en" || pathname.startsWith("/en/");
  const unprefixed = isEnglish ? pathname.slice(3) || "/" : pathname;
  const locale = isEnglish ? "en" : "it";

  const headers = new Headers(request.headers);
  headers.set(pathHeader, unprefixed + search);
  headers.set(localeHeader, locale);

  const url = request.nextUrl.clone();
  const malformed = isMalformed(unprefixed, searchParams);
  url.pathname = malformed ? `/${locale}/richiesta-non-valida` : `/${locale}${unprefixed === "/" ? "" : unprefixed}`;
  return NextResponse.rewrite(url, { request: { headers }, status: malformed ? 400 : undefined });
}

function isMalformed(path: string, searchParams: URLSearchParams): boolean {
  const segments = path.split("/").filter(Boolean).map(safeDecode);
  if (segments[0] !== "piani" || segments.length < 2) return false;
  if (segments.some((segment) => segment === null)) return true;
  const [, slug, section, code] = segments as string[];
  if (!planSlugSchema.safeParse(slug).success) return true;
  if (section === "misure" && code !== undefined && !measureCodeSchema.safeParse(code).success) return true;
  if (segments.length === 2 && !planPageSearchSchema.safeParse(Object.fromEntries(searchParams)).success) return true;
  return false;
}

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

export const config = {
  matcher: ["/((?!api/|_next/|vendor/|favicon\\.ico|robots\\.txt).*)"],
};
