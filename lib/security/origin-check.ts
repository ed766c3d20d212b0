import { AppError } from "@/lib/errors/app-error";
import { isHttpsRequest } from "./client-ip";

/**
 * CSRF defence for state-changing route handlers: the browser's Origin header (or, when a browser
 * omits it, the Referer) must name this application. Server actions get the same check from Next;
 * route handlers do not, hence this. Requests without either header are refused too: every
 * browser sends one of them on a cross-site POST, so only non-browser clients lack both, and they
 * can send Origin explicitly.
 */
const stateChangingMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export interface OriginCheckOptions {
  /** The public address (PUBLIC_URL); defaults to process.env.PUBLIC_URL. */
  publicUrl?: string;
}

/** The origin this request should come from: PUBLIC_URL's, else the Host the client addressed. */
export function expectedOrigin(request: Request, options: OriginCheckOptions = {}): string | null {
  const publicUrl = options.publicUrl ?? process.env.PUBLIC_URL;
  if (publicUrl) return new URL(publicUrl).origin;
  const host = request.headers.get("host");
  if (!host) return null;
  try {
    return new URL(`${isHttpsRequest(request.headers) ? "https" : "http"}://${host}`).origin;
  } catch {
    return null;
  }
}

function originOf(value: string): string | null {
  try {
    const origin = new URL(value).origin;
    // URL("about:blank").origin and friends are the string "null".
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}

/** Why the request is refused (an AppError FORBIDDEN), or null when it may proceed. */
export function checkSameOrigin(request: Request, options: OriginCheckOptions = {}): AppError | null {
  if (!stateChangingMethods.has(request.method.toUpperCase())) return null;
  const expected = expectedOrigin(request, options);
  const origin = request.headers.get("origin");
  const referer = request.headers.get("referer");
  // "Origin: null" comes from sandboxed frames, file: pages and some redirects: never ours.
  const claimed = origin !== null ? originOf(origin) : referer !== null ? originOf(referer) : null;
  if (expected !== null && claimed === expected) return null;
  return new AppError("FORBIDDEN", "security.crossOrigin");
}

/** Throws the FORBIDDEN AppError of checkSameOrigin (for mutationRoute and custom handlers). */
export function assertSameOrigin(request: Request, options: OriginCheckOptions = {}): void {
  const refusal = checkSameOrigin(request, options);
  if (refusal) throw refusal;
}
