import type { PrismaClient } from "./generated/client";
import { logger } from "@/lib/observability/logger";

/** True when a trivial query answers within the timeout (a hung connection counts as down). */
export async function checkDatabase(db: PrismaClient, timeoutMs = 3000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([db.$queryRaw`SELECT 1`.then(() => true), timeout]);
  } catch (error) {
    logger.warn("database health check failed", { error });
    return false;
  } finally {
    clearTimeout(timer);
  }
}
