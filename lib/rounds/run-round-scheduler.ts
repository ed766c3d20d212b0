import type { PrismaClient } from "@/lib/db/client";
import { closeRound, openRound } from "./round-transitions";

/**
 * Opens and closes rounds at their times. Every app instance runs it (server.ts, every 30 s); each
 * transition is a conditional UPDATE (see round-transitions.ts), so however many instances run at
 * once, a round opens once and closes once, and its notifications are recorded once.
 */
export interface SchedulerRun {
  opened: string[];
  closed: string[];
}

const BATCH = 100;

export async function runRoundScheduler(db: PrismaClient, now: Date = new Date()): Promise<SchedulerRun> {
  const [toClose, toOpen] = await Promise.all([
    db.round.findMany({ where: { status: { in: ["SCHEDULED", "OPEN"] }, closesAt: { lte: now } }, orderBy: { closesAt: "asc" }, take: BATCH, select: { id: true } }),
    db.round.findMany({ where: { status: "SCHEDULED", opensAt: { lte: now }, closesAt: { gt: now } }, orderBy: { opensAt: "asc" }, take: BATCH, select: { id: true } }),
  ]);
  const run: SchedulerRun = { opened: [], closed: [] };
  // Closing first: a plan's next round may open the moment its previous one closes.
  for (const { id } of toClose) {
    if (await db.$transaction((tx) => closeRound(tx, id, { actorId: null, now }))) run.closed.push(id);
  }
  for (const { id } of toOpen) {
    if (await db.$transaction((tx) => openRound(tx, id, { actorId: null, now }))) run.opened.push(id);
  }
  return run;
}

/**
 * Runs the scheduler every `intervalMs` (and once at start) until stopped. Never two runs of this
 * instance at once; a failed run is reported to `onError` and the next one tries again. The timer
 * does not keep the process alive.
 */
export function startRoundScheduler(
  db: PrismaClient,
  { intervalMs = 30_000, onError, onRun }: { intervalMs?: number; onError: (error: unknown) => void; onRun?: (run: SchedulerRun) => void },
): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = runRoundScheduler(db)
      .then((run) => {
        if (run.opened.length + run.closed.length > 0) onRun?.(run);
      })
      .catch(onError)
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
