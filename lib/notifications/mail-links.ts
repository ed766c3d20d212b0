/**
 * The address notification mails link to. They are written outside any request (the daily digest
 * job) or on behalf of someone else's action, so they cannot use the Host of a request: PUBLIC_URL
 * (or NEXTAUTH_URL) when set — as it must be in production — otherwise http://localhost:<PORT>,
 * which is right for a local installation.
 */
export function mailBaseUrl(env: Partial<Record<"PUBLIC_URL" | "NEXTAUTH_URL" | "PORT", string>> = process.env): string {
  const configured = env.PUBLIC_URL || env.NEXTAUTH_URL;
  if (configured) return configured.replace(/\/+$/, "");
  return `http://localhost:${env.PORT || "3000"}`;
}
