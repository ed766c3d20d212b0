import pg from "pg";
import { logger } from "@/lib/observability/logger";
import { outsideRequestContext } from "@/lib/observability/request-context";

/**
 * Whether the database answers, as this process last saw it. A monitor (started by server.ts)
 * runs SELECT 1 every `intervalMs`, faster while the database is down; a request that failed
 * because the database was unreachable (lib/errors/to-http.ts) asks for a check at once. While it
 * is down, server.ts answers pages and API calls with a translated 503 instead of letting each
 * one wait for a connection timeout; when it is back, everything answers again by itself (the pg
 * pools open new connections on demand).
 *
 * The state lives on globalThis: Next's bundle (where to-http runs) and server.ts share it.
 */
export interface DatabaseAvailability {
  up: boolean;
  /** When the current state began. */
  since: Date;
  lastCheckAt: Date | null;
}

interface Holder {
  state: DatabaseAvailability;
  checkNow?: () => void;
}

const holder = globalThis as typeof globalThis & { __consultaDatabaseAvailability?: Holder };
function shared(): Holder {
  return (holder.__consultaDatabaseAvailability ??= { state: { up: true, since: new Date(), lastCheckAt: null } });
}

export function databaseAvailability(): DatabaseAvailability {
  return shared().state;
}

export function isDatabaseUp(): boolean {
  return shared().state.up;
}

/** A request found the database unreachable: check now (the monitor decides, one failed query is not an outage). */
export function reportDatabaseUnreachable(): void {
  shared().checkNow?.();
}

export interface DatabaseMonitorOptions {
  /** Between checks while the database is up (default 2000 ms). */
  intervalMs?: number;
  /** Between checks while it is down (default 500 ms). */
  downIntervalMs?: number;
  /** A check slower than this counts as down (default 2000 ms). */
  timeoutMs?: number;
  /** The probe (default: SELECT 1 on a connection of its own, so a full pool does not look like an outage). */
  probe?: () => Promise<boolean>;
  onChange?: (state: DatabaseAvailability) => void;
}

export interface DatabaseMonitor {
  /** Runs one check now and returns the state after it. */
  check(): Promise<DatabaseAvailability>;
  stop(): void;
}

export function startDatabaseMonitor(databaseUrl: string, options: DatabaseMonitorOptions = {}): DatabaseMonitor {
  const intervalMs = options.intervalMs ?? 2000;
  const downIntervalMs = options.downIntervalMs ?? 500;
  const timeoutMs = options.timeoutMs ?? 2000;
  const probe = options.probe ?? (() => selectOne(databaseUrl, timeoutMs));
  const state = shared();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let running: Promise<DatabaseAvailability> | null = null;

  const schedule = () => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => void check(), state.state.up ? intervalMs : downIntervalMs);
    timer.unref();
  };

  const check = (): Promise<DatabaseAvailability> =>
    (running ??= (async () => {
      let up: boolean;
      try {
        up = await probe();
      } catch {
        up = false;
      }
      const now = new Date();
      const previous = state.state;
      state.state = up === previous.up ? { ...previous, lastCheckAt: now } : { up, since: now, lastCheckAt: now };
      if (up !== previous.up) {
        if (up) logger.info("database available again", { downForMs: now.getTime() - previous.since.getTime() });
        else logger.error("database unavailable: answering 503 until it is back");
        options.onChange?.(state.state);
      }
      return state.state;
    })().finally(() => {
      running = null;
      schedule();
    }));

  // Asked from a request: the check (and the timers it schedules) must not carry that request's id.
  state.checkNow = () => outsideRequestContext(() => void check());
  schedule();
  return {
    check,
    stop() {
      stopped = true;
      clearTimeout(timer);
      if (state.checkNow) state.checkNow = undefined;
    },
  };
}

/** SELECT 1 on a fresh connection within the timeout; quiet (the monitor logs state changes, not every failed check). */
async function selectOne(databaseUrl: string, timeoutMs: number): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs });
  client.on("error", () => undefined); // a connection cut while checking is a failed check, not a crash
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
