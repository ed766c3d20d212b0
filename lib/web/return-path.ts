/**
 * Where to go back after signing in (?ritorno=…): only a path on this site ("/partecipa/ABC234",
 * "/en/..."), never another host ("//evil.example", "https://…", "/\\evil") — else null.
 */
export function safeReturnPath(value: unknown): string | null {
  if (typeof value !== "string" || value.length > 300) return null;
  return /^\/(?![/\\])[A-Za-z0-9\-._~/%]*$/.test(value) ? value : null;
}
