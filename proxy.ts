import { type NextRequest, NextResponse } from "next/server";
import { getPrisma } from "@/lib/db/client";
import { type PlanAddress, planAddressExists } from "@/lib/plan/plan-address-exists";
import { measureCodeSchema, planPageSearchSchema, planSlugSchema, revisionNumberSchema } from "@/lib/plan/plan.schemas";
import { logger } from "@/lib/observability/logger";
import { invitationsQuerySchema, usersQuerySchema } from "@/lib/accounts/accounts.schemas";
import { type RoundAddress, roundAddressExists } from "@/lib/rounds/round-address-exists";
import { roundIdSchema } from "@/lib/rounds/rounds.schemas";
import { reportPageQuerySchema } from "@/lib/moderation/moderation.schemas";
import { joinCodeSchema } from "@/lib/live/live.schemas";
import { liveCodeExists } from "@/lib/live/live-code-exists";
import { localeHeader, pathHeader } from "@/lib/web/localized-path";
import { buildContentSecurityPolicy, createNonce } from "@/lib/security/content-security-policy";
import { oidcFormActionOrigins } from "@/lib/auth/oidc-config";
import { accountabilitySearchSchema } from "@/lib/accountability/accountability.schemas";

/**
 * Locale routing and status codes for pages.
 * - Italian pages live at the root (rewritten to /it/...), English ones under /en/...;
 *   /it/... redirects to the root so each page has one address.
 * - Malformed parameters get the 400 page, unknown addresses the 404 page, both
 *   server-rendered with their status: a page answering through notFound() would
 *   send an empty shell that needs JavaScript to show anything.
 * - Every page gets a Content-Security-Policy with a fresh nonce, on the response and on the
 *   request (Next takes the nonce from the request header for its own scripts).
 */
type Outcome = "page" | "bad-request" | "not-found";
type AddressCheck = (address: PlanAddress) => Promise<boolean>;
type RoundAddressCheck = (address: RoundAddress) => Promise<boolean>;
type LiveCodeCheck = (code: string) => Promise<boolean>;

const staticPages = new Set([
  "/",
  "/piani",
  "/dichiarazione-accessibilita",
  "/accedi",
  "/accedi/controlla-email",
  "/accedi/link",
  "/registrati",
  "/registrati/controlla-email",
  "/conferma-email",
  "/account",
  "/account/cancellato",
  "/invito",
  "/accedi/password-dimenticata",
  "/accedi/nuova-password",
  "/account/contributi",
  "/account/notifiche",
  "/consultazioni",
  "/consultazioni/nuova",
  "/moderazione",
  "/partecipa",
  "/admin/elenchi",
  "/dati-aperti",
]);
const outcomePage: Record<Exclude<Outcome, "page">, { path: string; status: number }> = {
  "bad-request": { path: "/richiesta-non-valida", status: 400 },
  "not-found": { path: "/pagina-non-trovata", status: 404 },
};

export function createProxy(addressExists: AddressCheck, roundAddressExists: RoundAddressCheck = async () => false, liveCodeExists: LiveCodeCheck = async () => false) {
  return async function proxy(request: NextRequest) {
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
    const policy = buildContentSecurityPolicy({ nonce: createNonce(), development: process.env.NODE_ENV === "development", formActionOrigins: oidcFormActionOrigins() });
    headers.set("content-security-policy", policy);

    const outcome = await resolve(unprefixed, searchParams, addressExists, roundAddressExists, liveCodeExists);
    const url = request.nextUrl.clone();
    if (outcome === "page") {
      url.pathname = `/${locale}${unprefixed === "/" ? "" : unprefixed}`;
      return withPolicy(NextResponse.rewrite(url, { request: { headers } }), policy);
    }
    url.pathname = `/${locale}${outcomePage[outcome].path}`;
    return withPolicy(NextResponse.rewrite(url, { request: { headers }, status: outcomePage[outcome].status }), policy);
  };
}

function withPolicy(response: NextResponse, policy: string): NextResponse {
  response.headers.set("content-security-policy", policy);
  return response;
}

async function resolve(path: string, searchParams: URLSearchParams, addressExists: AddressCheck, roundAddressExists: RoundAddressCheck, liveCodeExists: LiveCodeCheck): Promise<Outcome> {
  const normalised = path.length > 1 ? path.replace(/\/+$/, "") : path;
  if (staticPages.has(normalised)) return "page";
  if (normalised === "/admin/utenti") return usersQuerySchema.safeParse(Object.fromEntries(searchParams)).success ? "page" : "bad-request";
  if (normalised === "/admin/inviti") return invitationsQuerySchema.safeParse(Object.fromEntries(searchParams)).success ? "page" : "bad-request";
  if (normalised === "/segnala") return reportPageQuerySchema.safeParse(Object.fromEntries(searchParams)).success ? "page" : "bad-request";

  const segments = normalised.split("/").filter(Boolean).map(safeDecode);
  if (segments[0] === "consultazioni") return resolveRound(segments, roundAddressExists, path);
  if (segments[0] === "partecipa") return resolveLiveCode(segments, liveCodeExists, path);
  if (segments[0] !== "piani" || segments.length < 2 || segments.length > 6) return "not-found";
  if (segments.some((segment) => segment === null)) return "bad-request";
  const [, slug = "", section, code, part, partCode] = segments as string[];
  if (!planSlugSchema.safeParse(slug).success) return "bad-request";

  const address: PlanAddress = { slug };
  if (segments.length >= 5) {
    // /revisioni/<n>/decisioni[/<code>]: the officials' review, for a draft or a published revision
    // (the page checks the revision and the measure, and who may see them).
    if (section !== "revisioni" || part !== "decisioni") return "not-found";
    if (!(/^[1-9]\d{0,5}$/.test(code ?? "") && revisionNumberSchema.safeParse(code).success)) return "bad-request";
    if (partCode !== undefined && !measureCodeSchema.safeParse(partCode).success) return "bad-request";
  } else if (section === "attuazione" && segments.length <= 4) {
    // The accountability page and a measure's progress page (the page checks the measure).
    if (code !== undefined && !measureCodeSchema.safeParse(code).success) return "bad-request";
    if (code === undefined && !accountabilitySearchSchema.safeParse(Object.fromEntries(searchParams)).success) return "bad-request";
  } else if (section === undefined) {
    const search = planPageSearchSchema.safeParse(Object.fromEntries(searchParams));
    if (!search.success) return "bad-request";
    address.revisionNumber = search.data.revisione;
  } else if (section === "misure" && code !== undefined && segments.length === 4) {
    if (!measureCodeSchema.safeParse(code).success) return "bad-request";
    address.measureCode = code;
  } else if (section === "revisioni" && code !== undefined && segments.length === 4) {
    const number = /^[1-9]\d{0,5}$/.test(code) ? revisionNumberSchema.safeParse(code) : null;
    if (!number?.success) return "bad-request";
    address.revisionNumber = number.data;
  } else if (!(section === "revisioni" && segments.length === 3)) {
    return "not-found";
  }

  try {
    return (await addressExists(address)) ? "page" : "not-found";
  } catch (error) {
    // The page itself will meet the same failure and show the error page.
    logger.warn("address check failed", { error, path });
    return "page";
  }
}

/**
 * /consultazioni/<round>[/modifica|/risultati|/swot|/esiti|/rapporto|/sintesi|/proposte[/nuova|/<proposal>]|/incontri[/nuovo|/<meeting>[/modifica|/diretta|/proiezione]]].
 * Ids are UUIDs: anything else is a malformed address (400); an unknown id is a 404.
 */
const roundSections = new Set(["modifica", "risultati", "swot", "proposte", "esiti", "sintesi", "rapporto"]);
/** A meeting's own pages: its edit form, the live session's console and projector. */
const meetingSections = new Set(["modifica", "diretta", "proiezione"]);
/** The synthesis' staff pages under /sintesi: triage and the draft workbench. */
const synthesisPages = new Set(["proposte", "bozza"]);

async function resolveRound(segments: (string | null)[], roundAddressExists: RoundAddressCheck, path: string): Promise<Outcome> {
  if (segments.some((segment) => segment === null)) return "bad-request";
  const [, roundId, section, item, action] = segments as string[];
  if (!roundIdSchema.safeParse(roundId).success) return "bad-request";
  const address: RoundAddress = { roundId: roundId as string };
  if (segments.length === 3 && !roundSections.has(section as string)) return "not-found";
  if (section === "sintesi" && segments.length >= 4) {
    // /sintesi/proposte, /sintesi/bozza, /sintesi/bozza/(misure|assi)/<id> (the draft page checks the item).
    const [, , , page, part, itemId] = segments as string[];
    const draftItem = page === "bozza" && segments.length === 6 && (part === "misure" || part === "assi");
    if (!(segments.length === 4 && synthesisPages.has(page as string)) && !draftItem) return "not-found";
    if (draftItem && !roundIdSchema.safeParse(itemId).success) return "bad-request";
  } else if (segments.length >= 4) {
    const newItem = (section === "incontri" && item === "nuovo") || (section === "proposte" && item === "nuova");
    if (section !== "incontri" && section !== "proposte") return "not-found";
    if (segments.length === 5 && !(section === "incontri" && meetingSections.has(action as string))) return "not-found";
    if (segments.length > 5 || (newItem && segments.length !== 4)) return "not-found";
    if (!newItem) {
      if (!roundIdSchema.safeParse(item).success) return "bad-request";
      if (section === "incontri") address.meetingId = item;
      else address.proposalId = item;
    }
  }
  try {
    return (await roundAddressExists(address)) ? "page" : "not-found";
  } catch (error) {
    logger.warn("address check failed", { error, path });
    return "page";
  }
}

/** /partecipa/<code>: a live session's join code (6 characters, lower case accepted); malformed → 400, unknown → 404. */
async function resolveLiveCode(segments: (string | null)[], liveCodeExists: LiveCodeCheck, path: string): Promise<Outcome> {
  if (segments.length !== 2) return "not-found";
  const code = joinCodeSchema.safeParse(segments[1]);
  if (!code.success) return "bad-request";
  try {
    return (await liveCodeExists(code.data)) ? "page" : "not-found";
  } catch (error) {
    logger.warn("address check failed", { error, path });
    return "page";
  }
}

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

export const proxy = createProxy(
  (address) => planAddressExists(getPrisma(), address),
  (address) => roundAddressExists(getPrisma(), address),
  (code) => liveCodeExists(getPrisma(), code),
);

export const config = {
  matcher: ["/((?!api/|_next/|vendor/|favicon\\.ico|favicon\\.svg|robots\\.txt).*)"],
};
