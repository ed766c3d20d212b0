/**
 * Bench: latency of the public plan pages and API on a real server and database.
 * Starts its own embedded PostgreSQL and production server, lets the server seed the plan,
 * then times sequential requests. Baseline: a static file served by the same server,
 * so `ratio:` says how much slower a database-backed page is than the server's floor.
 *
 *   npm run bench -- plan-pages [requests]
 */
import { percentile, runBench, startBenchEnvironment } from "./support";

const requests = Number(process.argv[2] ?? 300);

async function timeRequests(url: string, count: number): Promise<{ p50: number; p95: number; bytes: number }> {
  const samples: number[] = [];
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const response = await fetch(url);
    const body = await response.arrayBuffer();
    samples.push(performance.now() - started);
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    bytes = body.byteLength;
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 0.5), p95: percentile(samples, 0.95), bytes };
}

async function main() {
  const environment = await startBenchEnvironment({ prefix: "consulta-bench-", healthTimeoutMs: 120_000 });
  const { base } = environment;
  try {
    console.log(`server-start: ${Math.round(environment.startMs)} ms`);

    const plans = (await (await fetch(`${base}/api/v1/plans`)).json()) as { plans: Array<{ id: string; slug: string }> };
    const plan = plans.plans[0]!;
    const routes: Array<[string, string]> = [
      ["static-file", "/vendor/bootstrap-italia/svg/sprites.svg"],
      ["home-page", "/"],
      ["plan-page", `/piani/${plan.slug}`],
      ["measure-page", `/en/piani/${plan.slug}/misure/3.12`],
      ["plan-api", `/api/v1/plans/${plan.id}`],
    ];
    const results = new Map<string, { p50: number; p95: number; bytes: number }>();
    for (const [name, route] of routes) {
      await timeRequests(base + route, 20); // warm-up: first renders compile and cache
      const result = await timeRequests(base + route, requests);
      results.set(name, result);
      console.log(`${name}-p50: ${result.p50.toFixed(1)} ms`);
      console.log(`${name}-p95: ${result.p95.toFixed(1)} ms`);
      console.log(`${name}-size: ${(result.bytes / 1024).toFixed(1)} KiB`);
    }
    console.log(`ratio: ${(results.get("plan-page")!.p50 / results.get("static-file")!.p50).toFixed(1)} (plan page p50 / static file p50)`);
  } finally {
    await environment.stop();
  }
}

runBench(main);
