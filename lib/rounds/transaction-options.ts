/**
 * Interactive transactions that may wait for a lock (a plan's rounds, a meeting's seats): longer
 * than Prisma's defaults (2 s to get a connection, 5 s to run), so a burst of simultaneous requests
 * queues instead of failing.
 */
export const lockingTransaction = { maxWait: 15_000, timeout: 20_000 } as const;
