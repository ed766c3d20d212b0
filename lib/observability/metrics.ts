/**
 * The Prometheus metrics of this process (text exposition format 0.0.4), without a library:
 * a request-duration histogram by (method, route group, status class), a votes counter, and
 * gauges read at scrape time. The state lives on globalThis: Next's bundle and server.ts each
 * load their own copy of this module and must count into one registry.
 */
export const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

interface HistogramSeries {
  labels: Record<string, string>;
  buckets: number[];
  sum: number;
  count: number;
}

interface Registry {
  requestDurations: Map<string, HistogramSeries>;
  votesTotal: number;
}

const holder = globalThis as typeof globalThis & { __consultaMetrics?: Registry };
function registry(): Registry {
  return (holder.__consultaMetrics ??= { requestDurations: new Map(), votesTotal: 0 });
}

/** Forget everything (tests). */
export function resetMetrics(): void {
  holder.__consultaMetrics = undefined;
}

export function statusClass(status: number): string {
  return status >= 100 && status < 600 ? `${Math.floor(status / 100)}xx` : "other";
}

/** One handled request; `route` must come from a bounded set (routeGroup), never a raw path. */
export function observeRequest(method: string, route: string, status: number, seconds: number): void {
  const labels = { method: boundedMethod(method), route, status: statusClass(status) };
  const key = `${labels.method} ${labels.route} ${labels.status}`;
  const series = registry().requestDurations;
  let entry = series.get(key);
  if (!entry) series.set(key, (entry = { labels, buckets: DURATION_BUCKETS.map(() => 0), sum: 0, count: 0 }));
  DURATION_BUCKETS.forEach((bound, index) => {
    if (seconds <= bound) entry.buckets[index]! += 1;
  });
  entry.sum += seconds;
  entry.count += 1;
}

/** Votes (web and live) stored by this instance. */
export function countVote(count = 1): void {
  registry().votesTotal += count;
}

const methods = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
function boundedMethod(method: string): string {
  const upper = method.toUpperCase();
  return methods.has(upper) ? upper : "OTHER";
}

export interface Gauge {
  name: string;
  help: string;
  value: number;
  type?: "gauge" | "counter";
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');
}

function labelText(labels: Record<string, string>): string {
  const parts = Object.entries(labels).map(([key, value]) => `${key}="${escapeLabel(value)}"`);
  return parts.length ? `{${parts.join(",")}}` : "";
}

function number(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (value === Infinity) return "+Inf";
  if (value === -Infinity) return "-Inf";
  return String(value);
}

/** The text exposition: the histogram, the votes counter, then the given gauges (and process figures). */
export function renderMetrics(gauges: Gauge[] = []): string {
  const { requestDurations, votesTotal } = registry();
  const lines: string[] = [];
  lines.push("# HELP consulta_http_request_duration_seconds Time to answer HTTP requests, by method, route group and status class.");
  lines.push("# TYPE consulta_http_request_duration_seconds histogram");
  for (const series of [...requestDurations.values()].sort((a, b) => labelText(a.labels).localeCompare(labelText(b.labels)))) {
    DURATION_BUCKETS.forEach((bound, index) => lines.push(`consulta_http_request_duration_seconds_bucket${labelText({ ...series.labels, le: String(bound) })} ${series.buckets[index]}`));
    lines.push(`consulta_http_request_duration_seconds_bucket${labelText({ ...series.labels, le: "+Inf" })} ${series.count}`);
    lines.push(`consulta_http_request_duration_seconds_sum${labelText(series.labels)} ${number(series.sum)}`);
    lines.push(`consulta_http_request_duration_seconds_count${labelText(series.labels)} ${series.count}`);
  }
  const all: Gauge[] = [{ name: "consulta_votes_total", help: "Votes (web and live) stored by this instance since it started.", value: votesTotal, type: "counter" }, ...gauges, ...processGauges()];
  for (const gauge of all) {
    lines.push(`# HELP ${gauge.name} ${gauge.help}`);
    lines.push(`# TYPE ${gauge.name} ${gauge.type ?? "gauge"}`);
    lines.push(`${gauge.name} ${number(gauge.value)}`);
  }
  return lines.join("\n") + "\n";
}

function processGauges(): Gauge[] {
  const memory = process.memoryUsage();
  const cpu = process.cpuUsage();
  return [
    { name: "process_cpu_seconds_total", help: "User and system CPU time spent, in seconds.", value: (cpu.user + cpu.system) / 1e6, type: "counter" },
    { name: "process_resident_memory_bytes", help: "Resident memory size in bytes.", value: memory.rss },
    { name: "process_heap_used_bytes", help: "V8 heap in use, in bytes.", value: memory.heapUsed },
    { name: "process_start_time_seconds", help: "Start time of the process since the Unix epoch, in seconds.", value: Math.round(Date.now() / 1000 - process.uptime()) },
    { name: "process_uptime_seconds", help: "Seconds since the process started.", value: Math.round(process.uptime()) },
  ];
}
