/**
 * Whether an error means "the database cannot be reached right now" (server down, restarting,
 * failing over, connections cut or exhausted) rather than a bug or a bad query: such errors are
 * answered with a 503 and Retry-After (lib/errors/to-http.ts), not a logged 500.
 *
 * Errors come wrapped: Prisma's PrismaClientKnownRequestError (P1001/P1002/P1017, or P2010 with
 * meta.driverAdapterError), the pg driver's errors (code ECONNREFUSED…, SQLSTATE 57P0x/08xxx), or
 * plain Errors from pg's pool ("Connection terminated", "timeout exceeded when trying to connect").
 * The cause chain and the driver adapter's error are walked.
 */
const unreachableCodes = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN", "P1001", "P1002", "P1017", "57P01", "57P02", "57P03", "53300"]);
const unreachableKinds = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "TlsConnectionError"]);
const unreachableMessages = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /can't reach database server/i,
  /server closed the connection unexpectedly/i,
  /terminating connection due to administrator command/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /connection (refused|reset)/i,
  /Client has encountered a connection error and is not queryable/i,
  /Connection is closed/i,
  /Cannot use a pool after calling end on the pool/i,
];

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const current = queue.shift();
    if (current === null || typeof current !== "object" || seen.has(current) || seen.size > 20) continue;
    seen.add(current);
    const record = current as Record<string, unknown>;
    const code = typeof record.code === "string" ? record.code : undefined;
    if (code && (unreachableCodes.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
    if (typeof record.kind === "string" && unreachableKinds.has(record.kind)) return true;
    if (record.kind === "postgres" && typeof record.code === "string" && (unreachableCodes.has(record.code) || /^08/.test(record.code))) return true;
    if (typeof record.originalCode === "string" && (unreachableCodes.has(record.originalCode) || /^08/.test(record.originalCode))) return true;
    const message = typeof record.message === "string" ? record.message : undefined;
    if (message && unreachableMessages.some((pattern) => pattern.test(message))) return true;
    if (record.cause !== undefined) queue.push(record.cause);
    const meta = record.meta as Record<string, unknown> | undefined;
    if (meta && typeof meta === "object") queue.push(meta.driverAdapterError, meta.cause);
    if (Array.isArray(record.errors)) queue.push(...(record.errors as unknown[])); // AggregateError (several addresses)
  }
  return false;
}
