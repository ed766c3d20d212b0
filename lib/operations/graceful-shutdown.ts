import type { Server } from "node:http";
import { logger } from "@/lib/observability/logger";

/**
 * SIGTERM/SIGINT: readiness turns 503 at once (draining), the listening socket closes (new
 * connections are refused: a proxy sends them to another instance), idle keep-alive connections
 * are closed and busy ones get `Connection: close` on their response (http-runtime), live clients
 * are told to reconnect (elsewhere), in-flight requests finish; then the workers stop, the pools
 * close, exit 0. If that takes longer than `timeoutMs`, exit 1 with a log line naming what was
 * still running.
 */
export interface ShutdownPlan {
  server: Server;
  timeoutMs: number;
  /** Called first: /api/ready answers 503 from then on. */
  startDraining: () => void;
  /** After the listening socket is closed: live clients told and disconnected (to reconnect elsewhere). */
  closeLive: () => Promise<void>;
  /** After the last request: workers, pools, the embedded database — in order. */
  cleanup: [name: string, run: () => Promise<void> | void][];
  exit?: (code: number) => void;
}

export function gracefulShutdown(plan: ShutdownPlan): (signal: string) => Promise<void> {
  const exit = plan.exit ?? ((code: number) => process.exit(code));
  let stopping: Promise<void> | null = null;
  return (signal) =>
    (stopping ??= (async () => {
      const startedAt = Date.now();
      let step = "closing the HTTP server";
      plan.startDraining();
      logger.info("shutting down", { signal, timeoutMs: plan.timeoutMs });
      const deadline = setTimeout(() => {
        logger.error("shutdown timed out: exiting with work still running", { timeoutMs: plan.timeoutMs, step });
        exit(1);
      }, plan.timeoutMs);

      try {
        // Stop accepting first, so that live clients told to reconnect cannot come back here.
        const closed = new Promise<void>((resolve) => plan.server.close(() => resolve()));
        plan.server.closeIdleConnections();
        // Connections become idle when their in-flight request is answered: close them as they do.
        const idleSweep = setInterval(() => plan.server.closeIdleConnections(), 100);
        step = "telling live clients to reconnect";
        await plan.closeLive().catch((error: unknown) => logger.warn("live server close failed", { error }));
        step = "waiting for in-flight requests";
        await closed;
        clearInterval(idleSweep);
        for (const [name, run] of plan.cleanup) {
          step = name;
          try {
            await run();
          } catch (error) {
            logger.warn("shutdown step failed", { step: name, error });
          }
        }
      } catch (error) {
        clearTimeout(deadline);
        logger.error("shutdown failed", { step, error });
        exit(1);
        return;
      }
      clearTimeout(deadline);
      logger.info("stopped", { signal, ms: Date.now() - startedAt });
      exit(0);
    })());
}
