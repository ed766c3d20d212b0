import { countVote, observeRequest, renderMetrics, resetMetrics } from "@/lib/observability/metrics";
import { loggedPath, routeGroup } from "@/lib/observability/http-routes";
import { bearerMatches } from "@/lib/operations/http-runtime";
import { acceptedRequestId } from "@/lib/observability/request-context";

beforeEach(() => resetMetrics());

describe("metrics", () => {
  test("the request histogram counts into cumulative buckets by method, route group and status class", () => {
    observeRequest("GET", "piani", 200, 0.03);
    observeRequest("GET", "piani", 204, 0.2);
    observeRequest("GET", "piani", 503, 7);
    const text = renderMetrics();
    expect(text).toContain("# TYPE consulta_http_request_duration_seconds histogram");
    expect(text).toContain('consulta_http_request_duration_seconds_bucket{method="GET",route="piani",status="2xx",le="0.025"} 0');
    expect(text).toContain('consulta_http_request_duration_seconds_bucket{method="GET",route="piani",status="2xx",le="0.05"} 1');
    expect(text).toContain('consulta_http_request_duration_seconds_bucket{method="GET",route="piani",status="2xx",le="0.25"} 2');
    expect(text).toContain('consulta_http_request_duration_seconds_bucket{method="GET",route="piani",status="2xx",le="+Inf"} 2');
    expect(text).toContain('consulta_http_request_duration_seconds_count{method="GET",route="piani",status="2xx"} 2');
    expect(text).toContain('consulta_http_request_duration_seconds_sum{method="GET",route="piani",status="2xx"} 0.23');
    expect(text).toContain('consulta_http_request_duration_seconds_bucket{method="GET",route="piani",status="5xx",le="10"} 1');
    expect(text).toMatch(/\n$/);
  });

  test("votes counter and gauges in the exposition format; label values escaped; odd methods bounded", () => {
    countVote();
    countVote(2);
    observeRequest("BREW", 'a"b', 418, 0.001);
    const text = renderMetrics([{ name: "consulta_live_connections", help: "Live sockets.", value: 3 }]);
    expect(text).toContain("# TYPE consulta_votes_total counter\nconsulta_votes_total 3\n");
    expect(text).toContain("# TYPE consulta_live_connections gauge\nconsulta_live_connections 3\n");
    expect(text).toContain('method="OTHER",route="a\\"b",status="4xx"');
    expect(text).toMatch(/\nprocess_resident_memory_bytes \d+\n/);
  });

  test("route groups are a bounded set: ids, slugs and unknown paths never become labels", () => {
    expect(routeGroup("/")).toBe("home");
    expect(routeGroup("/en")).toBe("en/home");
    expect(routeGroup("/piani/piano-locale-integrato/misure/3.12?x=1")).toBe("piani");
    expect(routeGroup("/en/consultazioni/0b7c6a57-2a51-4bb8-8d53-5a6fb0ee3c1e/proposte")).toBe("en/consultazioni");
    expect(routeGroup("/api/v1/rounds/0b7c6a57-2a51-4bb8-8d53-5a6fb0ee3c1e/votes")).toBe("api/v1/rounds/votes");
    expect(routeGroup("/api/v1/plans/abc")).toBe("api/v1/plans");
    expect(routeGroup("/api/v1/whatever")).toBe("api/v1/other");
    expect(routeGroup("/api/health")).toBe("api/health");
    expect(routeGroup("/_next/static/chunks/x.js")).toBe("_next/static");
    expect(routeGroup("/socket.io/?EIO=4")).toBe("socket.io");
    expect(routeGroup("/vendor/bootstrap-italia/css/x.css")).toBe("static");
    expect(routeGroup("/wp-login-1234")).toBe("other");
  });

  test("logged paths lose the query string, join codes and token-like segments; ids and slugs stay", () => {
    expect(loggedPath("/accedi/link?token=secret")).toBe("/accedi/link");
    expect(loggedPath("/en/partecipa/K7P2QX")).toBe("/en/partecipa/:code");
    expect(loggedPath("/invito/Zx9_3kQpLm2N8vBc7RtY4wEe")).toBe("/invito/:token");
    expect(loggedPath("/consultazioni/0b7c6a57-2a51-4bb8-8d53-5a6fb0ee3c1e")).toBe("/consultazioni/0b7c6a57-2a51-4bb8-8d53-5a6fb0ee3c1e");
    expect(loggedPath("/piani/piano-locale-integrato-pisa-2007")).toBe("/piani/piano-locale-integrato-pisa-2007");
  });

  test("the metrics token is compared whole, as a Bearer credential", () => {
    const token = "t".repeat(40);
    expect(bearerMatches(`Bearer ${token}`, token)).toBe(true);
    expect(bearerMatches(`bearer ${token}`, token)).toBe(true);
    expect(bearerMatches(`Bearer ${token}x`, token)).toBe(false);
    expect(bearerMatches(`Bearer ${token.slice(1)}`, token)).toBe(false);
    expect(bearerMatches(token, token)).toBe(false);
    expect(bearerMatches(undefined, token)).toBe(false);
  });

  test("an incoming request id is kept only from a trusted proxy and only when short and plain", () => {
    expect(acceptedRequestId("abc-123:x.y_z", true)).toBe("abc-123:x.y_z");
    expect(acceptedRequestId("abc-123", false)).toBeNull();
    expect(acceptedRequestId("a b", true)).toBeNull();
    expect(acceptedRequestId("x".repeat(65), true)).toBeNull();
    expect(acceptedRequestId(["a", "b"], true)).toBeNull();
  });
});
