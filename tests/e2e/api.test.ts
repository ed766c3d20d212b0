/**
 * The public read API of the running server: responses match the zod contract the OpenAPI
 * document is generated from; bad input gets typed JSON errors in the caller's language.
 */
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { errorDto, healthDto, measureDetailDto, planDto, planListDto } from "@/lib/plan/plan.schemas";
import { describeE2E, fetchSeedPlan, get, type SeedPlan } from "../support/e2e-server";

jest.setTimeout(30_000);

async function json<S extends z.ZodType>(pathname: string, status: number, schema: S, headers: Record<string, string> = {}): Promise<z.infer<S>> {
  const response = await get(pathname, { headers });
  const text = await response.text();
  expect({ pathname, status: response.status }).toEqual({ pathname, status });
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  expect(text).not.toMatch(/\n\s+at \S+|\.tsx?:\d+/); // never a stack trace
  const parsed = schema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${pathname}: response does not match the schema:\n${JSON.stringify(parsed.error.issues, null, 2).slice(0, 2000)}`);
  return parsed.data;
}

describeE2E("public API", () => {
  let plan: SeedPlan;

  beforeAll(async () => {
    plan = await fetchSeedPlan();
  });

  test("GET /api/health: 200, database up", async () => {
    expect(await json("/api/health", 200, healthDto)).toEqual({ status: "ok", database: "up" });
  });

  test("GET /api/v1/plans lists the seed plan, revision 1", async () => {
    const body = await json("/api/v1/plans", 200, planListDto);
    expect(body.plans).toHaveLength(1);
    expect(body.plans[0]).toMatchObject({ id: plan.id, slug: plan.slug, axes: 4, measures: 37, currentRevision: { number: 1 } });
  });

  test("GET /api/v1/plans/{id}: axes, expected results 4/0/8/8, 37 measures with empty decision fields", async () => {
    const body = await json(`/api/v1/plans/${plan.id}`, 200, planDto);
    expect(body).toMatchObject({ id: plan.id, slug: plan.slug, currentRevision: { number: 1, status: "PUBLISHED" } });
    expect(body.axes.map((axis) => axis.number)).toEqual([1, 2, 3, 4]);
    expect(body.axes.map((axis) => axis.expectedResults.bullets.length)).toEqual([4, 0, 8, 8]);
    expect(body.axes.map((axis) => axis.measures.length)).toEqual([6, 7, 20, 4]);
    const measures = body.axes.flatMap((axis) => axis.measures);
    expect(measures[0]?.code).toBe("1.1");
    expect(measures.at(-1)?.code).toBe("4.4");
    for (const measure of measures) {
      expect(measure.text.length).toBeGreaterThan(10);
      expect(measure).toMatchObject({ timing: null, startsOn: null, endsOn: null, budgetCents: null, fundingSource: null, department: null });
    }
  });

  test("GET /api/v1/measures/{code}: with and without ?plan=", async () => {
    const withPlan = await json(`/api/v1/measures/3.12?plan=${plan.slug}`, 200, measureDetailDto);
    expect(withPlan).toMatchObject({ code: "3.12", plan: { id: plan.id, slug: plan.slug }, axis: { number: 3 } });
    expect(withPlan.current).not.toBeNull();
    expect(withPlan.history.map((version) => version.revision.number)).toEqual([1]);
    const mainPlan = await json("/api/v1/measures/3.12", 200, measureDetailDto);
    expect(mainPlan.plan.id).toBe(plan.id);
  });

  test("unknown plan id → 404 JSON", async () => {
    const body = await json(`/api/v1/plans/${randomUUID()}`, 404, errorDto);
    expect(body.error.code).toBe("NOT_FOUND");
  });

  test("unknown measure code or plan → 404 JSON", async () => {
    expect((await json("/api/v1/measures/9.99", 404, errorDto)).error.code).toBe("NOT_FOUND");
    expect((await json("/api/v1/measures/1.1?plan=piano-che-non-esiste", 404, errorDto)).error.code).toBe("NOT_FOUND");
  });

  test.each(["not-a-uuid", "123", "%E2%82%AC", `${"a".repeat(300)}`])("malformed plan id %s → 400 JSON", async (id) => {
    expect((await json(`/api/v1/plans/${id}`, 400, errorDto)).error.code).toBe("VALIDATION");
  });

  test.each(["abc", "1", "1.", "0.1", "1.1.1", "1.1x", "1%2F1"])("malformed measure code %s → 400 JSON", async (code) => {
    expect((await json(`/api/v1/measures/${code}`, 400, errorDto)).error.code).toBe("VALIDATION");
  });

  test("malformed ?plan= slug → 400 JSON", async () => {
    expect((await json("/api/v1/measures/1.1?plan=Not_A_Slug", 400, errorDto)).error.code).toBe("VALIDATION");
  });

  test("error messages follow Accept-Language (Italian by default)", async () => {
    const id = randomUUID();
    const italian = await json(`/api/v1/plans/${id}`, 404, errorDto);
    const english = await json(`/api/v1/plans/${id}`, 404, errorDto, { "accept-language": "en" });
    const preferred = await json(`/api/v1/plans/${id}`, 404, errorDto, { "accept-language": "de-DE, en-GB;q=0.8, it;q=0.5" });
    expect(italian.error.message).toBe(`Nessun piano con identificativo «${id}».`);
    expect(english.error.message).toBe(`No plan with identifier “${id}”.`);
    expect(preferred.error.message).toBe(english.error.message);

    const badCode = await json("/api/v1/measures/abc", 400, errorDto, { "accept-language": "en-US,en;q=0.9" });
    expect(badCode.error.message).toMatch(/^The measure code “abc” is not valid/);
  });

  test("/api/v1/openapi.json is an OpenAPI 3.1 document of every endpoint", async () => {
    const response = await get("/api/v1/openapi.json");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/json/);
    const document = (await response.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    expect(Object.keys(document.paths).sort()).toEqual([
      "/api/health",
      "/api/v1/budget-totals",
      "/api/v1/calendar.ics",
      "/api/v1/decisions",
      "/api/v1/measures/{code}",
      "/api/v1/plans",
      "/api/v1/plans/{id}",
      "/api/v1/proposals",
      "/api/v1/results",
      "/api/v1/revisions",
      "/api/v1/rounds",
      "/api/v1/rounds/{roundId}/report.pdf",
      "/api/v1/rounds/{roundId}/votes",
    ]);
    expect(Object.keys(document.paths["/api/v1/rounds/{roundId}/votes"] ?? {})).toEqual(["post"]);
    for (const operations of Object.values(document.paths)) {
      for (const operation of Object.values(operations)) expect(operation.responses["200"]).toBeDefined();
    }
    expect(Object.keys(document.components.schemas)).toEqual(expect.arrayContaining(["Plan", "PlanList", "PlanSummary", "Axis", "Measure", "MeasureDetail", "Error", "Health"]));
    // Every $ref points at a component that exists.
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((match) => match[1]);
    expect(refs.length).toBeGreaterThan(5);
    for (const ref of refs) expect(document.components.schemas).toHaveProperty([ref as string]);
  });
});
