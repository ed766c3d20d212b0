import type { PrismaClient } from "@/lib/db/client";
import type { Gauge } from "@/lib/observability/metrics";
import { isDatabaseUp } from "./database-availability";

/**
 * The gauges read at scrape time: live connections of this instance; from the database (so the
 * same on every instance) the outbox backlog, the failed mails and the votes of the last minute.
 * While the database is down those are left out and consulta_database_up is 0.
 */
export async function operationalGauges(db: PrismaClient, liveConnections: () => number, timeoutMs = 2000): Promise<Gauge[]> {
  const gauges: Gauge[] = [{ name: "consulta_live_connections", help: "Live-assembly sockets connected to this instance.", value: liveConnections() }];
  let figures: { pending: number; failed: number; votes: number } | null = null;
  if (isDatabaseUp()) {
    let timer: NodeJS.Timeout | undefined;
    try {
      figures = await Promise.race([
        databaseFigures(db),
        new Promise<null>((resolve) => {
          timer = setTimeout(() => resolve(null), timeoutMs);
        }),
      ]);
    } catch {
      figures = null;
    } finally {
      clearTimeout(timer);
    }
  }
  gauges.push({ name: "consulta_database_up", help: "1 when the database answered the last check, else 0.", value: figures ? 1 : 0 });
  if (figures) {
    gauges.push(
      { name: "consulta_outbox_backlog", help: "Mails waiting in the outbox (PENDING), all instances.", value: figures.pending },
      { name: "consulta_outbox_failed", help: "Mails the outbox gave up on (FAILED), all instances.", value: figures.failed },
      { name: "consulta_votes_last_minute", help: "Votes (web and live, measures and proposals) stored or changed in the last minute, all instances.", value: figures.votes },
    );
  }
  return gauges;
}

async function databaseFigures(db: PrismaClient): Promise<{ pending: number; failed: number; votes: number }> {
  const [row] = await db.$queryRaw<{ pending: bigint; failed: bigint; votes: bigint }[]>`
    SELECT
      (SELECT count(*) FROM "EmailOutbox" WHERE "status" = 'PENDING') AS pending,
      (SELECT count(*) FROM "EmailOutbox" WHERE "status" = 'FAILED') AS failed,
      (SELECT count(*) FROM "Vote" WHERE "updatedAt" > now() - interval '1 minute')
        + (SELECT count(*) FROM "LiveProposalVote" WHERE "updatedAt" > now() - interval '1 minute') AS votes`;
  return { pending: Number(row?.pending ?? 0), failed: Number(row?.failed ?? 0), votes: Number(row?.votes ?? 0) };
}
