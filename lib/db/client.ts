/**
 * The one Prisma client module. Application code imports `prisma` (or `getPrisma()`) from here;
 * tests and scripts that talk to a specific database use `createPrismaClient(url)`.
 *
 * The client is created lazily from process.env.DATABASE_URL, which the server sets after
 * ensureDatabase() (lib/db/database.ts) — so importing this module never opens a connection, and
 * pages can import it at build time.
 */
import { PrismaPg } from "@prisma/adapter-pg";

import { PrismaClient } from "@/lib/db/generated/client";

export type { PrismaClient };

export interface CreatePrismaClientOptions {
  /** Log queries (debugging). */
  logQueries?: boolean;
  /** Pool size of the underlying pg pool (default: pg's 10). */
  maxConnections?: number;
  /** How long to wait for a new connection (default 5 s: requests fail fast when the database is down). */
  connectTimeoutMs?: number;
}

/** A new client on its own connection pool; call `$disconnect()` when done. */
export function createPrismaClient(url: string, options: CreatePrismaClientOptions = {}): PrismaClient {
  // A bounded connect timeout: when the database is down, requests and /api/health fail fast instead of hanging.
  const adapter = new PrismaPg({ connectionString: url, max: options.maxConnections, connectionTimeoutMillis: options.connectTimeoutMs ?? 5000 });
  return new PrismaClient({ adapter, log: options.logQueries ? ["query", "warn", "error"] : ["warn", "error"] });
}

interface CachedClient {
  url: string;
  client: PrismaClient;
}

// Cached on globalThis, not in a module variable: Next's dev server re-evaluates modules on every
// hot reload, and each evaluation would otherwise open another pool until PostgreSQL runs out of
// connections.
const cache = globalThis as typeof globalThis & { __consultaPrisma?: CachedClient };

/** The shared client for DATABASE_URL, created on first use. */
export function getPrisma(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set. The server sets it after starting the database (lib/db/database.ts " +
        "ensureDatabase); scripts and tests should call ensureDatabase() first or use createPrismaClient(url).",
    );
  }
  const cached = cache.__consultaPrisma;
  if (cached?.url === url) return cached.client;
  if (cached) void cached.client.$disconnect().catch(() => undefined); // DATABASE_URL changed (tests)
  const client = createPrismaClient(url);
  cache.__consultaPrisma = { url, client };
  return client;
}

/**
 * `prisma.plan.findMany(...)` etc. without calling getPrisma() first: every property access is
 * forwarded to the lazily created shared client.
 */
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getPrisma();
    const value: unknown = Reflect.get(client, property, client);
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(client) : value;
  },
  has(_target, property) {
    return Reflect.has(getPrisma(), property);
  },
});

/** Close the shared client's pool (server shutdown, end of a script). Safe to call when none exists. */
export async function disconnectPrisma(): Promise<void> {
  const cached = cache.__consultaPrisma;
  cache.__consultaPrisma = undefined;
  await cached?.client.$disconnect();
}
