/**
 * The Content-Security-Policy of HTML pages, built per request around a fresh nonce.
 * Next reads the nonce back from the request's Content-Security-Policy header and puts it on its
 * own <script> tags (and inline styles it emits), which is why the proxy sets both the request
 * and the response header. Pages must be rendered per request for this (ours read headers()).
 */
export interface CspOptions {
  nonce: string;
  /** React's development build needs eval() to rebuild server error stacks; production never does. */
  development?: boolean;
  /** Other origins forms may lead to (through redirects): the identity provider's, for "sign in with…". */
  formActionOrigins?: string[];
}

/** 128 random bits, base64: what the CSP spec asks of a nonce. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function buildContentSecurityPolicy({ nonce, development = false, formActionOrigins = [] }: CspOptions): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    // 'strict-dynamic': scripts that nonced Next chunks load are trusted; with it, browsers ignore
    // 'self' and host sources, so an injected <script src="/..."> without the nonce does not run.
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    // Stylesheets are our own files (Bootstrap Italia is served from this origin); inline <style>
    // tags Next emits carry the nonce. No 'unsafe-inline': browsers ignore it next to a nonce anyway.
    "style-src": ["'self'", `'nonce-${nonce}'`],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'", "data:"],
    // 'self' also allows ws:/wss: to this same host in CSP Level 3 browsers (Socket.IO live
    // sessions, the dev server's hot reload); a bare "ws:" would allow every WebSocket host.
    "connect-src": ["'self'"],
    "frame-ancestors": ["'none'"],
    "base-uri": ["'self'"],
    // Chromium checks form-action on every redirect after a form post too.
    "form-action": ["'self'", ...formActionOrigins],
    "object-src": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

/** The nonce inside a policy (what Next does to find it), for tests and server components. */
export function nonceOf(policy: string | null): string | undefined {
  return /'nonce-([^']+)'/.exec(policy ?? "")?.[1];
}
